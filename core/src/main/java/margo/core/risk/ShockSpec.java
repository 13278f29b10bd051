package margo.core.risk;

import java.io.Serializable;

/**
 * What a shock estimator is asked for: the confidence of each tail, the horizon and the measure.
 *
 * @param confidence  the coverage of each tail on its own, e.g. 0.99: the down shock is exceeded by a fall with
 *                    probability {@code 1 - confidence}, and the up shock by a rise likewise
 * @param horizonBars the horizon in bars of the history (1 for a day on daily closes, 24 on hourly bars)
 * @param measure     value at risk or expected shortfall
 */
public record ShockSpec(double confidence, int horizonBars, Measure measure) implements Serializable {

    public ShockSpec {
        RiskArguments.requireConfidence("confidence", confidence);
        RiskArguments.requireAtLeast("horizonBars", horizonBars, 1);
        if (measure == null) {
            throw new IllegalArgumentException("measure must not be null");
        }
    }

    /** Value at risk at {@code confidence} over {@code horizonBars}. */
    public static ShockSpec valueAtRisk(double confidence, int horizonBars) {
        return new ShockSpec(confidence, horizonBars, Measure.VALUE_AT_RISK);
    }

    /** The tail probability {@code 1 - confidence}. */
    public double tailProbability() {
        return 1 - confidence;
    }
}
