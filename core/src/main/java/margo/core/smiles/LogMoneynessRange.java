package margo.core.smiles;

/**
 * A closed range of log-moneyness {@code [from, to]} (dimensionless, {@code k = ln(K/F)}) where an arbitrage
 * condition fails on the checking grid, with the worst value found there.
 *
 * @param from  the first grid point of the range where the condition fails
 * @param to    the last grid point of the range where the condition fails (equal to {@code from} for one point)
 * @param worst the most negative value of the checked quantity in the range: the density {@code g(k)} for
 *              butterfly arbitrage, the fall in total variance {@code w_later(k) - w_earlier(k)} for calendar
 */
public record LogMoneynessRange(double from, double to, double worst) {

    public LogMoneynessRange {
        Checks.finite("from", from);
        Checks.finite("to", to);
        if (to < from) {
            throw new IllegalArgumentException("to must be >= from, but was " + to + " < " + from);
        }
    }

    /**
     * The maximal runs of grid points where {@code values[i] < -tolerance}, in order.
     *
     * @param grid      increasing log-moneyness points
     * @param values    the checked quantity at each grid point (&ge; 0 when there is no arbitrage)
     * @param tolerance how far below zero a value may fall before it counts (absorbs round-off)
     */
    static java.util.List<LogMoneynessRange> negativeRuns(double[] grid, double[] values, double tolerance) {
        java.util.List<LogMoneynessRange> runs = new java.util.ArrayList<>();
        int start = -1;
        double worst = 0;
        for (int i = 0; i <= grid.length; i++) {
            boolean failing = i < grid.length && !(values[i] >= -tolerance);
            if (failing) {
                if (start < 0) {
                    start = i;
                    worst = values[i];
                } else {
                    worst = Math.min(worst, values[i]);
                }
            } else if (start >= 0) {
                runs.add(new LogMoneynessRange(grid[start], grid[i - 1], worst));
                start = -1;
            }
        }
        return java.util.List.copyOf(runs);
    }
}
