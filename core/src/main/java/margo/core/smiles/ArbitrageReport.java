package margo.core.smiles;

import java.util.List;

/**
 * Where a fitted surface admits static arbitrage, checked on a grid of log-moneyness.
 *
 * @param grid               the log-moneyness points checked (dimensionless, increasing)
 * @param butterfly          every range, per expiry, where the density {@code g(k)} is negative
 * @param calendar           every range, per pair of consecutive expiries, where total variance falls
 * @param conditionFailures  sufficient conditions of a parametric family that fail, in words (for SSVI, the
 *                           conditions of Gatheral and Jacquier 2014, Theorems 4.1 and 4.2); a failed sufficient
 *                           condition does not by itself prove arbitrage, the grid checks do
 */
public record ArbitrageReport(double[] grid, List<ButterflyViolation> butterfly, List<CalendarViolation> calendar,
                              List<String> conditionFailures) {

    public ArbitrageReport {
        if (grid == null || grid.length < 2) {
            throw new IllegalArgumentException("grid must have at least 2 points");
        }
        grid = grid.clone();
        butterfly = List.copyOf(butterfly);
        calendar = List.copyOf(calendar);
        conditionFailures = List.copyOf(conditionFailures);
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** The violations in words, with the grid's extent instead of its points. */
    @Override
    public String toString() {
        return "ArbitrageReport[grid=" + grid.length + " points on [" + grid[0] + ", " + grid[grid.length - 1]
                + "], butterfly=" + butterfly + ", calendar=" + calendar + ", conditionFailures=" + conditionFailures
                + "]";
    }

    /** Whether the grid checks found neither butterfly nor calendar arbitrage. */
    public boolean isArbitrageFree() {
        return butterfly.isEmpty() && calendar.isEmpty();
    }
}
