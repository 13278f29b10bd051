package margo.core.risk;

/**
 * Shocks of implied volatility over a horizon from a history of at-the-money implied vol (or a vol index such as
 * Deribit's DVOL, a 30-day implied vol), by historical simulation on overlapping horizon changes, each side on its
 * own.
 *
 * @param relativeUp    the rise of IV at the confidence as a fraction of IV ({@code exp(q_high of ln change) - 1})
 * @param relativeDown  the fall as a fraction of IV ({@code 1 - exp(q_low)})
 * @param absoluteUp    the rise in vol points, decimal (0.12 for twelve vol points)
 * @param absoluteDown  the fall in vol points, positive
 * @param observations  horizon changes ranked
 */
public record ImpliedVolatilityShock(double relativeUp, double relativeDown, double absoluteUp, double absoluteDown,
                                     int observations) {

    /**
     * The shocks of {@code impliedVols} (decimals, one per bar of the same frequency as the price history) over
     * {@code horizonBars} at {@code confidence}.
     *
     * @throws IllegalArgumentException naming the first vol that is not finite and positive
     */
    public static ImpliedVolatilityShock fromHistory(double[] impliedVols, int horizonBars, double confidence) {
        RiskArguments.requireConfidence("confidence", confidence);
        RiskArguments.requireAtLeast("horizonBars", horizonBars, 1);
        if (impliedVols == null || impliedVols.length < horizonBars + HistoricalSimulation.MINIMUM_OBSERVATIONS) {
            throw new IllegalArgumentException("an implied-vol history needs at least "
                    + (horizonBars + HistoricalSimulation.MINIMUM_OBSERVATIONS) + " values for a " + horizonBars
                    + "-bar shock");
        }
        for (int i = 0; i < impliedVols.length; i++) {
            if (!(impliedVols[i] > 0) || Double.isInfinite(impliedVols[i])) {
                throw new IllegalArgumentException("implied vol " + i + " must be finite and positive, not "
                        + impliedVols[i]);
            }
        }
        int n = impliedVols.length - horizonBars;
        double[] logChanges = new double[n];
        double[] changes = new double[n];
        for (int t = 0; t < n; t++) {
            logChanges[t] = Math.log(impliedVols[t + horizonBars] / impliedVols[t]);
            changes[t] = impliedVols[t + horizonBars] - impliedVols[t];
        }
        double p = 1 - confidence;
        return new ImpliedVolatilityShock(
                Math.expm1(TailQuantiles.upper(logChanges, p, Measure.VALUE_AT_RISK)),
                -Math.expm1(TailQuantiles.lower(logChanges, p, Measure.VALUE_AT_RISK)),
                Math.max(0, TailQuantiles.upper(changes, p, Measure.VALUE_AT_RISK)),
                Math.max(0, -TailQuantiles.lower(changes, p, Measure.VALUE_AT_RISK)), n);
    }
}
