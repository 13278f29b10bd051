package margo.dsl.registry;

/**
 * A name in scope in the formulas of a {@code custom} rules block: one number computed from the book's P&amp;L in
 * each scenario (the portfolio P&amp;L vector of core's {@code ScenarioPnlMatrix}), e.g. {@code worst_loss}.
 *
 * @param unit    the unit in words: the settlement currency for amounts, or a count
 * @param example a recipe fragment using it in a formula, checked and run by the registry test
 * @param measure how it is computed from the scenario P&amp;L
 */
public record ScenarioAggregate(String name, String unit, String doc, String example, Measure measure) {

    /** The {@code tail} of a custom rule when not written: expected_shortfall averages the worst quarter. */
    public static final double DEFAULT_TAIL = 0.25;

    /** The aggregate of one book's scenario P&amp;L. */
    @FunctionalInterface
    public interface Measure {

        /**
         * @param portfolioPnl the book's P&amp;L in each scenario, in the settlement currency, not empty
         * @param tail         the block's {@code tail} setting: the fraction of scenarios, worst first, that tail
         *                     aggregates average over, in (0, 1]
         */
        double of(double[] portfolioPnl, double tail);
    }
}
