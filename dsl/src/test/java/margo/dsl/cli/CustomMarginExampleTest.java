package margo.dsl.cli;

import static margo.dsl.cli.MarginAndSurfaceExamplesTest.DATA;
import static margo.dsl.cli.MarginAndSurfaceExamplesTest.INDEX;
import static margo.dsl.cli.MarginAndSurfaceExamplesTest.assertSameReport;
import static margo.dsl.cli.MarginAndSurfaceExamplesTest.chain;
import static margo.dsl.cli.MarginAndSurfaceExamplesTest.output;
import static margo.dsl.cli.MarginAndSurfaceExamplesTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PositionPricer;
import margo.core.margin.Scenario;
import margo.core.margin.ScenarioFormulaRule;
import margo.core.margin.ScenarioPnlMatrix;
import margo.core.margin.VolatilityShock;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/custom-margin.margo} runs through the CLI, and its house rule's margins equal core's
 * ScenarioFormulaRule built here by hand from the same scenarios and formulas.
 */
class CustomMarginExampleTest {

    @Test
    void theHouseRuleMatchesCoresScenarioFormulaRuleOnTheSameScenarios() throws Exception {
        JsonObject root = run("custom-margin.margo");
        PositionPricer pricer = new Black76PositionPricer(MarketSnapshot.fromChain(chain(), INDEX));
        Book book = BookCsv.load(DATA.resolve("book.csv"), pricer).book();
        List<Scenario> scenarios = new ArrayList<>();
        for (double price : new double[] {-0.2, -0.1, 0, 0.1, 0.2}) {
            for (double vol : new double[] {-0.25, 0, 0.5}) {
                scenarios.add(Scenario.of(price, vol));
            }
        }
        scenarios.add(new Scenario("crash", -0.5, -0.5, VolatilityShock.absolute(0.8), 0.33, 0.33));
        ToDoubleFunction<ScenarioPnlMatrix> initial = matrix -> matrix.worstLoss()
                + 0.1 * ScenarioFormulaRule.grossLoss(matrix) / scenarios.size();
        MarginCalculator house = new MarginCalculator(new ScenarioFormulaRule(scenarios, initial,
                matrix -> 0.8 * initial.applyAsDouble(matrix)));
        assertSameReport(house.report(book, pricer), output(root, "margin(desk, house)"));
        assertEquals(6, output(root, "house").size(), "one row per setting of custom");
    }
}
