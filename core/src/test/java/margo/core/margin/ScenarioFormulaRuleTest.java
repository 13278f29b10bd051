package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import margo.core.market.InstrumentName;
import org.junit.jupiter.api.Test;

class ScenarioFormulaRuleTest {

    private static final List<Position> HEDGED = List.of(
            new Position(InstrumentName.parse("BTC-29MAR24-60000-P"), -8, 0.058),
            new Position(InstrumentName.parse("BTC-28JUN24-50000-P"), 8, 0.044),
            new Position(InstrumentName.parse("BTC-PERPETUAL"), -4, 60_500));

    @Test
    void worstLossFormulaOnTheDeribitGridEqualsThePortfolioWorstCase() {
        PortfolioMarginParameters parameters = PortfolioMarginParameters.DERIBIT_BTC;
        ScenarioFormulaRule custom = new ScenarioFormulaRule(parameters.scenarios(), ScenarioPnlMatrix::worstLoss,
                m -> 0.8 * m.worstLoss());
        PortfolioMarginResult deribit = new PortfolioMarginRule(parameters).evaluate(HEDGED, SampleMarket.PRICER);
        MarginRequirement margin = custom.requirement(HEDGED, SampleMarket.PRICER);
        assertEquals(deribit.worstCase(), margin.initial(), 1e-15);
        assertEquals(0.8 * deribit.worstCase(), margin.maintenance(), 1e-15);
    }

    @Test
    void eulerContributionsOfAHomogeneousFormulaAreEachPositionsWorstScenarioLoss() {
        List<Scenario> scenarios = PortfolioMarginParameters.DERIBIT_BTC.scenarios();
        ScenarioFormulaRule custom = new ScenarioFormulaRule(scenarios, ScenarioPnlMatrix::worstLoss,
                ScenarioPnlMatrix::worstLoss);
        double[] contributions = custom.initialMarginContributions(HEDGED, SampleMarket.PRICER);
        ScenarioPnlMatrix matrix = ScenarioPnlMatrix.of(HEDGED, scenarios, SampleMarket.PRICER);
        int worst = matrix.worstScenario();
        for (int p = 0; p < HEDGED.size(); p++) {
            assertEquals(-matrix.pnl(p, worst), contributions[p], 1e-6 * matrix.worstLoss());
        }
    }

    @Test
    void grossLossAddsEveryScenariosLoss() {
        List<Scenario> scenarios = List.of(Scenario.of(-0.1, 0), Scenario.of(0.1, 0), Scenario.of(0, 0));
        ScenarioPnlMatrix matrix = ScenarioPnlMatrix.of(
                List.of(new Position(InstrumentName.parse("BTC-PERPETUAL"), 2, 61_000)), scenarios, SampleMarket.PRICER);
        assertEquals(2 * 0.1 / 0.9, ScenarioFormulaRule.grossLoss(matrix), 1e-12);
    }
}
