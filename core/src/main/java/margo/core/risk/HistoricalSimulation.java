package margo.core.risk;

import java.util.Arrays;

/**
 * Historical simulation: the shock is the empirical tail quantile (or tail mean) of the window's own returns,
 * each tail on its own (Jorion, <i>Value at Risk</i>, 3rd ed., ch. 10).
 *
 * <p>With {@link HorizonScaling#DIRECT} the window's overlapping {@code N}-bar returns are ranked (see
 * {@link HorizonReturns} for their caveat); with {@link HorizonScaling#SQUARE_ROOT_OF_TIME} the one-bar quantile is
 * scaled by {@code sqrt(N)}. At one bar both are the same.
 *
 * @param spec    the confidence, horizon and measure
 * @param scaling how the horizon is reached
 */
public record HistoricalSimulation(ShockSpec spec, HorizonScaling scaling) implements ShockEstimator {

    /** The fewest horizon returns whose tail is ranked. */
    static final int MINIMUM_OBSERVATIONS = 20;

    public HistoricalSimulation {
        if (spec == null || scaling == null) {
            throw new IllegalArgumentException("spec and scaling must not be null");
        }
    }

    @Override
    public String method() {
        return "historical simulation" + (spec.horizonBars() == 1 ? ""
                : scaling == HorizonScaling.DIRECT ? ", direct horizon" : ", square root of time");
    }

    @Override
    public int minimumSample() {
        return MINIMUM_OBSERVATIONS + (scaling == HorizonScaling.DIRECT ? spec.horizonBars() - 1 : 0);
    }

    @Override
    public Shock shock(double[] logReturns, int from, int to) {
        RiskArguments.requireWindow(logReturns, from, to, minimumSample());
        int bars = spec.horizonBars();
        double[] sample = Arrays.copyOfRange(logReturns, from, to);
        double scale = 1;
        if (scaling == HorizonScaling.DIRECT && bars > 1) {
            sample = HorizonReturns.overlapping(sample, bars);
        } else {
            scale = Math.sqrt(bars);
        }
        double p = spec.tailProbability();
        return Shock.ofLogReturns(scale * TailQuantiles.lower(sample, p, spec.measure()),
                scale * TailQuantiles.upper(sample, p, spec.measure()));
    }
}
