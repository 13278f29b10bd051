package margo.core.margin;

import java.io.Serializable;

/**
 * One market scenario of a risk matrix or stress test.
 *
 * @param label              a short name, e.g. {@code -16% vol up}
 * @param priceMove          the relative move of index and forwards applied to options, e.g. {@code -0.16}
 * @param deltaOnePriceMove  the relative move applied to futures and perpetuals; equal to {@code priceMove} except in
 *                           Deribit's extended table, where delta-one products show the P&amp;L at the edge of the
 *                           standard range (docs/margin-sources.md, B2, "Layout and aggregation")
 * @param volatilityShock    the implied-volatility shift of options
 * @param optionWeight       the fraction of the options' P&amp;L counted (1 in a standard scenario; the extended
 *                           table and SPAN's extreme scenarios count a fraction), in [0, 1]
 * @param deltaOneWeight     the fraction of futures' and perpetuals' P&amp;L counted: 1 except in SPAN's extreme
 *                           scenarios, whose "fraction considered" applies to every contract, in [0, 1]
 */
public record Scenario(String label, double priceMove, double deltaOnePriceMove, VolatilityShock volatilityShock,
                       double optionWeight, double deltaOneWeight) implements Serializable {

    public Scenario {
        if (label == null) {
            throw new IllegalArgumentException("label must not be null");
        }
        if (!(priceMove > -1) || !Double.isFinite(priceMove) || !(deltaOnePriceMove > -1)
                || !Double.isFinite(deltaOnePriceMove)) {
            throw new IllegalArgumentException("priceMove and deltaOnePriceMove must be finite and above -1 (-100%), not "
                    + priceMove + " and " + deltaOnePriceMove);
        }
        if (volatilityShock == null) {
            throw new IllegalArgumentException("volatilityShock must not be null");
        }
        if (!(optionWeight >= 0 && optionWeight <= 1) || !(deltaOneWeight >= 0 && deltaOneWeight <= 1)) {
            throw new IllegalArgumentException("optionWeight and deltaOneWeight must be in [0, 1], not " + optionWeight
                    + " and " + deltaOneWeight);
        }
    }

    /** A stress scenario: every price moves by {@code priceMove}, every implied volatility by {@code volatilityShift}. */
    public static Scenario of(double priceMove, double volatilityShift) {
        return new Scenario(String.format(java.util.Locale.ROOT, "%+.1f%% vol %+.1f", 100 * priceMove,
                100 * volatilityShift), priceMove, priceMove, VolatilityShock.absolute(volatilityShift), 1.0, 1.0);
    }

    /**
     * The P&amp;L of one unit of the valuer's instrument (see {@link PositionPricer}) in this scenario, in its
     * settlement currency, given its current unit value {@code base}.
     */
    public double unitPnl(InstrumentValuer valuer, double base) {
        if (valuer.isOption()) {
            double shift = volatilityShock.shift(valuer.markVolatility(), valuer.timeToExpiry());
            return optionWeight * (valuer.value(priceMove, shift) - base);
        }
        return deltaOneWeight * (valuer.value(deltaOnePriceMove, 0.0) - base);
    }
}
