package margo.core.risk;

/**
 * Log returns of a price series, over one bar or over a horizon of {@code N} bars.
 *
 * <p>A bar is one row of the history (a day for daily closes, an hour for hourly bars); the return of bar
 * {@code i} is {@code ln(P[i+1] / P[i])}. A horizon return is the sum of {@code N} consecutive bar returns.
 * <ul>
 *   <li><b>Overlapping</b> horizon returns start at every bar: {@code n - N + 1} of them from {@code n} bar
 *       returns. They use all the data, which historical simulation at a direct horizon needs to have enough tail
 *       observations, but neighbours share {@code N - 1} bars: they are autocorrelated, so the effective sample is
 *       about {@code n / N}, a tail quantile is less precise than the count suggests, and exceptions of a backtest
 *       on them cluster (Christoffersen's independence test then rejects by construction).</li>
 *   <li><b>Non-overlapping</b> horizon returns start every {@code N} bars: {@code floor(n / N)} independent
 *       samples (for independent bars). Backtests of an {@code N}-bar shock use these.</li>
 * </ul>
 * EWMA, GARCH and filtered historical simulation work on one-bar returns and scale to the horizon by the square
 * root of time; only historical simulation can measure a horizon directly (see {@link HorizonScaling}).
 */
public final class HorizonReturns {

    private HorizonReturns() {
    }

    /**
     * The one-bar log returns of {@code prices}, {@code prices.length - 1} of them.
     *
     * @throws IllegalArgumentException if there are fewer than two prices or a price is not finite and positive
     *                                  (naming its index)
     */
    public static double[] logReturns(double[] prices) {
        if (prices == null || prices.length < 2) {
            throw new IllegalArgumentException("returns need at least two prices, not "
                    + (prices == null ? "none" : prices.length));
        }
        double[] returns = new double[prices.length - 1];
        for (int i = 0; i < prices.length; i++) {
            if (!(prices[i] > 0) || prices[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("price " + i + " must be finite and positive, not " + prices[i]);
            }
            if (i > 0) {
                returns[i - 1] = Math.log(prices[i] / prices[i - 1]);
            }
        }
        return returns;
    }

    /** The {@code bars}-bar log returns starting at every bar: {@code returns.length - bars + 1} of them. */
    public static double[] overlapping(double[] logReturns, int bars) {
        return horizon(logReturns, bars, 1);
    }

    /** The {@code bars}-bar log returns starting every {@code bars} bars: {@code floor(length / bars)} of them. */
    public static double[] nonOverlapping(double[] logReturns, int bars) {
        return horizon(logReturns, bars, bars);
    }

    /** The log return over {@code bars} bars starting at bar {@code start}, or NaN if the data ends before. */
    public static double over(double[] logReturns, int start, int bars) {
        if (start + bars > logReturns.length) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = start; i < start + bars; i++) {
            sum += logReturns[i];
        }
        return sum;
    }

    private static double[] horizon(double[] logReturns, int bars, int step) {
        RiskArguments.requireAtLeast("the horizon in bars", bars, 1);
        RiskArguments.requireWindow(logReturns, 0, logReturns.length, bars);
        int count = (logReturns.length - bars) / step + 1;
        double[] out = new double[count];
        double running = 0;
        for (int i = 0; i < bars; i++) {
            running += logReturns[i];
        }
        out[0] = running;
        if (step == 1) {
            for (int k = 1; k < count; k++) {
                running += logReturns[k + bars - 1] - logReturns[k - 1];
                out[k] = running;
            }
        } else {
            for (int k = 1; k < count; k++) {
                out[k] = over(logReturns, k * step, bars);
            }
        }
        return out;
    }
}
