package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.value.HedgeValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@code hedge(book, account) { ... }} and {@code hedged(h)} on the shipped book and chain. */
class HedgeRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String BOOK = "data chain = options(\"data/deribit-btc-sample.csv\")\n"
            + "book desk = positions(\"data/book.csv\", market chain, index 61000)\n"
            + "data april = chain { keep expiry >= 50d and expiry <= 60d and abs(log_moneyness) <= 0.1 }\n";

    private static String hedge(String settings) {
        return "let h = hedge(desk, \"short-strangle\") {\n  using [\"BTC-PERPETUAL\", april]\n"
                + "  target { net_delta 0 +/- 0.1  gamma 0 +/- 0.02  vega_usd in [-200, 200] }\n  " + settings + "\n}\n";
    }

    @Test
    void aCostHedgeMeetsItsTargetsAndReportsTradesAndTheBookBeforeAndAfter() {
        HedgeValue hedge = run(BOOK + hedge("minimize cost  lot 0.1") + "show h\n");
        Table trades = hedge.report().sections().get(0).table().table();
        assertFalse(trades.isEmpty());
        Table stages = hedge.report().sections().get(1).table().table();
        assertEquals(List.of("before", "after"), stages.stringColumn("stage").asList());
        assertTrue(Math.abs(stages.doubleColumn("net_delta").getDouble(1)) <= 0.1 + 1e-9);
        assertTrue(Math.abs(stages.doubleColumn("gamma").getDouble(1)) <= 0.02 + 1e-9);
        assertTrue(Math.abs(stages.doubleColumn("vega_usd").getDouble(1)) <= 200 + 1e-9);
        for (double size : trades.doubleColumn("size").asDoubleArray()) {
            assertEquals(0, Math.abs(Math.IEEEremainder(size, 0.1)), 1e-9, "sizes in lots of 0.1");
        }
    }

    @Test
    void theHedgedBookPaysThePremiumsFromCollateralSoItsEquityFallsByTheSpreadCost() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + hedge("minimize margin portfolio_margin")
                + "show h\nshow margin(desk, portfolio_margin)\nshow margin(hedged(h), portfolio_margin)\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        HedgeValue hedge = (HedgeValue) execution.shown().get(0).value();
        Table before = ((TableValue) execution.shown().get(1).value()).table();
        Table after = ((TableValue) execution.shown().get(2).value()).table();
        int strangle = before.stringColumn("account").indexOf("short-strangle");
        double cost = hedge.report().sections().get(1).table().table().doubleColumn("cost_usd").getDouble(1);
        assertTrue(cost > 0);
        assertEquals(before.doubleColumn("equity").getDouble(strangle) - cost,
                after.doubleColumn("equity").getDouble(strangle), 1e-6 * cost);
        double hedgedIm = hedge.report().sections().get(1).table().table().doubleColumn("initial_margin").getDouble(1);
        assertEquals(hedgedIm, after.doubleColumn("initial_margin").getDouble(strangle), 1e-9 * hedgedIm);
        assertTrue(hedgedIm < before.doubleColumn("initial_margin").getDouble(strangle));
    }

    @Test
    void aBookInsideItsTargetsTradesNothing() {
        HedgeValue hedge = run(BOOK + "let h = hedge(desk, \"short-strangle\") {\n  using [\"BTC-PERPETUAL\", april]\n"
                + "  target { net_delta 0.87 +/- 0.1  gamma in [-1, 1] }\n}\nshow h\n");
        assertTrue(hedge.report().sections().get(0).table().table().isEmpty());
        assertTrue(hedge.report().notes().getFirst().contains("no trade"), hedge.report().notes()::toString);
    }

    @Test
    void targetsThePerpetualCannotMeetAreAnErrorNamingTheBindingGreekAndTheBestAchievable() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + "show hedge(desk, \"short-strangle\") {\n"
                + "  using [\"BTC-PERPETUAL\"]\n  target { net_delta 0 +/- 0.1  gamma 0 +/- 0.02 }\n}\n");
        List<String> errors = located(execution.diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("4:6 the targets cannot all be met by trading the instruments in"
                + " using: gamma gets to -0.111"), errors.getFirst());
        assertTrue(errors.getFirst().contains("the closest achievable: net_delta"), errors.getFirst());
    }

    @Test
    void minimizingMarginUnderStandardRulesIsAnErrorAtTheRules() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + hedge("minimize margin deribit_standard") + "show h\n");
        List<String> errors = located(execution.diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("7:19 minimize margin needs portfolio-margin rules"), errors.getFirst());
    }

    @Test
    void mistakesInTheBlockAreFoundBeforeAnythingRuns() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + "let h = hedge(desk, \"short-strangle\") {\n"
                + "  target { net_delt 0 +/- 0.1  gamma \"flat\" }\n  minimize speed\n  lots 0.1\n}\n"
                + "let g = hedged(hedge(desk, \"calendar\"))\n");
        List<String> errors = located(execution.diagnostics());
        assertTrue(errors.contains("5:12 unknown greek 'net_delt'"), errors::toString);
        assertTrue(errors.contains("5:38 the target of gamma takes numbers, in coin per 1% move: the change of"
                + " net_delta when every price rises 1%, not text"), errors::toString);
        assertTrue(errors.contains("6:12 minimize takes cost, trades or margin RULES"), errors::toString);
        assertTrue(errors.contains("7:3 a hedge has no setting 'lots'"), errors::toString);
        assertTrue(errors.contains("4:9 a hedge needs the instruments it may trade"), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("9:16 a hedge is written with its block")),
                errors::toString);
    }

    private static HedgeValue run(String recipe) {
        Execution execution = Recipes.run(EXAMPLES, recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return (HedgeValue) execution.shown().getLast().value();
    }
}
