package margo.core.margin;

/**
 * The hot loops of scenario margining, on primitive arrays: aggregate the scenario P&amp;L of many positions that
 * share instruments, and take each portfolio's worst loss.
 *
 * <p>Venues revalue each instrument once per scenario and then sum {@code quantity x unit P&L} per account (the
 * per-instrument "risk vectors" of Deribit's {@code private/pme/simulate}, SPAN's per-contract risk arrays); this
 * class is that second step. Layout: {@code unitPnl[instrument * scenarioCount + scenario]}, the P&amp;L of one unit
 * of the instrument in the scenario, in the settlement currency.
 */
public final class ScenarioAggregation {

    private ScenarioAggregation() {
    }

    /**
     * Sums {@code quantity[p] x unitPnl[instrument[p]][s]} over positions {@code from <= p < to} into {@code out[s]}
     * (overwritten), for every scenario {@code s < scenarioCount}.
     */
    public static void aggregate(double[] unitPnl, int scenarioCount, int[] instrument, double[] quantity,
            int from, int to, double[] out) {
        java.util.Arrays.fill(out, 0, scenarioCount, 0.0);
        for (int p = from; p < to; p++) {
            double q = quantity[p];
            int row = instrument[p] * scenarioCount;
            for (int s = 0; s < scenarioCount; s++) {
                out[s] += q * unitPnl[row + s];
            }
        }
    }

    /**
     * {@link #aggregate(double[], int, int[], double[], int, int, double[])} of every position, each instrument's
     * unit P&amp;L a row of its own ({@code unitPnl[instrument][scenario]}): the same sums, in the same order.
     */
    public static void aggregate(double[][] unitPnl, int scenarioCount, int[] instrument, double[] quantity,
            double[] out) {
        java.util.Arrays.fill(out, 0, scenarioCount, 0.0);
        for (int p = 0; p < quantity.length; p++) {
            double q = quantity[p];
            double[] row = unitPnl[instrument[p]];
            for (int s = 0; s < scenarioCount; s++) {
                out[s] += q * row[s];
            }
        }
    }

    /** The largest loss, {@code max(0, -min_s pnl[s])}, as a positive amount. */
    public static double worstLoss(double[] pnl, int scenarioCount) {
        double min = 0.0;
        for (int s = 0; s < scenarioCount; s++) {
            min = Math.min(min, pnl[s]);
        }
        return -min;
    }

    /** The index of the scenario with the lowest P&amp;L (the first one on ties). */
    public static int worstScenario(double[] pnl, int scenarioCount) {
        int worst = 0;
        for (int s = 1; s < scenarioCount; s++) {
            if (pnl[s] < pnl[worst]) {
                worst = s;
            }
        }
        return worst;
    }

    /**
     * The worst loss of every account of a book: account {@code a} holds positions
     * {@code accountStart[a] <= p < accountStart[a + 1]}; {@code out[a]} receives its worst loss. When
     * {@code parallel}, accounts run in blocks over all cores ({@link AccountBlocks}); each block reuses one scenario
     * buffer.
     */
    public static void worstLosses(double[] unitPnl, int scenarioCount, int[] instrument, double[] quantity,
            int[] accountStart, double[] out, boolean parallel) {
        int accounts = accountStart.length - 1;
        if (out.length < accounts) {
            throw new IllegalArgumentException("out must have room for " + accounts + " accounts, not " + out.length);
        }
        AccountBlocks.forEach(accounts, parallel, (from, to) ->
                worstLossRange(unitPnl, scenarioCount, instrument, quantity, accountStart, out, from, to));
    }

    private static void worstLossRange(double[] unitPnl, int scenarioCount, int[] instrument, double[] quantity,
            int[] accountStart, double[] out, int fromAccount, int toAccount) {
        double[] buffer = new double[scenarioCount];
        for (int a = fromAccount; a < toAccount; a++) {
            aggregate(unitPnl, scenarioCount, instrument, quantity, accountStart[a], accountStart[a + 1], buffer);
            out[a] = worstLoss(buffer, scenarioCount);
        }
    }
}
