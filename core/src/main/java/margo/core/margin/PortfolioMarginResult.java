package margo.core.margin;

import java.util.List;

/**
 * The breakdown of a Deribit-style portfolio margin, in the settlement currency (coin for inverse books), as
 * {@code private/pme/simulate} reports it.
 *
 * @param currency         the settlement currency
 * @param scenarios        the risk-matrix scenarios (standard grid, then extended)
 * @param aggregatedPnl    the book's P&amp;L per scenario, positive entries multiplied by {@code pnl_offset}
 * @param worstScenario    the index of the worst scenario in {@code scenarios}
 * @param worstCase        the largest loss over all scenarios, &ge; 0
 * @param rollShock        the roll-shock charge, &ge; 0
 * @param deltaShock       the delta-shock charge, &ge; 0
 * @param riskMatrixMargin {@code worstCase + rollShock + deltaShock}: the initial margin of positions
 * @param maintenance      {@code mmFactor x riskMatrixMargin}
 */
public record PortfolioMarginResult(String currency, List<Scenario> scenarios, double[] aggregatedPnl,
                                    int worstScenario, double worstCase, double rollShock, double deltaShock,
                                    double riskMatrixMargin, double maintenance) {

    public PortfolioMarginResult {
        scenarios = List.copyOf(scenarios);
        aggregatedPnl = aggregatedPnl.clone();
    }

    @Override
    public double[] aggregatedPnl() {
        return aggregatedPnl.clone();
    }

    /** IM = the risk-matrix margin, and MM. */
    public MarginRequirement requirement() {
        return new MarginRequirement(currency, riskMatrixMargin, maintenance);
    }
}
