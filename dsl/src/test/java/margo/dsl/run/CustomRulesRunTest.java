package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margo.core.margin.MarginGroup;
import margo.core.margin.Scenario;
import margo.core.margin.ScenarioFormulaRule;
import margo.core.margin.ScenarioPnlMatrix;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.BookValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Running custom rules: margins equal to the formula over core's scenario P&L, attribution, every built-in. */
class CustomRulesRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String BOOK = "data chain = options(\"data/deribit-btc-sample.csv\")\n"
            + "book desk = positions(\"data/book.csv\", market chain)\n";
    private static final double[] PRICES = {-0.2, -0.1, 0, 0.1, 0.2};
    private static final double[] VOLS = {-0.25, 0, 0.5};
    private static final String HOUSE = """
            rules house = custom {
              price [-20%, -10%, 0%, 10%, 20%]
              vol   [-25%, 0%, 50%]
              initial = worst_loss + 10% * gross_loss
              maintenance = 75% * initial
            }
            """;

    @Test
    void theMarginIsTheFormulaOverCoresScenarioPnlOfEachGroup() {
        Session session = new Session(EXAMPLES);
        Execution execution = session.run(new SourceFile("t.margo", BOOK + HOUSE + "show margin(desk, house)\n"),
                Mode.RECIPE);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        Table margin = ((TableValue) execution.shown().getFirst().value()).table();
        BookValue book = (BookValue) session.valueOf("desk");
        List<Scenario> grid = new ArrayList<>();
        for (double price : PRICES) {
            for (double vol : VOLS) {
                grid.add(Scenario.of(price, vol));
            }
        }
        double usdPerCoin = book.pricer().indexPrice();
        for (String account : List.of("covered-call", "calendar")) {  // BTC-settled only: one matrix per group
            MarginGroup group = book.book().account(account).groups().getFirst();
            ScenarioPnlMatrix matrix = ScenarioPnlMatrix.of(group.positions(), grid, book.pricer());
            double expected = (matrix.worstLoss() + 0.1 * ScenarioFormulaRule.grossLoss(matrix)) * usdPerCoin;
            int row = margin.stringColumn("account").indexOf(account);
            assertTrue(expected > 0, account);
            assertEquals(expected, margin.doubleColumn("initial_margin").getDouble(row), 1e-9 * expected, account);
            assertEquals(0.75 * expected, margin.doubleColumn("maintenance_margin").getDouble(row), 1e-9 * expected,
                    account);
        }
    }

    @Test
    void eachGroupsAttributionSumsToItsInitialMargin() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + HOUSE
                + "show margin(desk, house)\nshow attribution(desk, house)\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        Table margin = ((TableValue) execution.shown().get(0).value()).table();
        Table attribution = ((TableValue) execution.shown().get(1).value()).table();
        for (int row = 0; row < margin.rowCount(); row++) {
            String account = margin.stringColumn("account").get(row);
            String group = margin.stringColumn("group").get(row);
            double sum = 0;
            for (int a = 0; a < attribution.rowCount(); a++) {
                if (attribution.stringColumn("account").get(a).equals(account)
                        && attribution.stringColumn("group").get(a).equals(group)) {
                    sum += attribution.doubleColumn("initial_margin").getDouble(a);
                }
            }
            double initial = margin.doubleColumn("initial_margin").getDouble(row);
            assertEquals(initial, sum, 1e-6 * Math.max(1, initial), account + " " + group);
        }
    }

    @Test
    void maintenanceIsTheInitialMarginWhenNotWritten() {
        Execution execution = Recipes.run(EXAMPLES, BOOK
                + "rules r = custom { price [-30%, 30%]  initial = gross_loss }\nshow margin(desk, r)\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        Table margin = ((TableValue) execution.shown().getFirst().value()).table();
        for (int row = 0; row < margin.rowCount(); row++) {
            assertEquals(margin.doubleColumn("initial_margin").getDouble(row),
                    margin.doubleColumn("maintenance_margin").getDouble(row), 0);
        }
    }

    @Test
    void aNamedScenarioCountsItsPnlAtItsWeight() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + """
                rules full = custom { scenario crash { price -40%  vol 30% }  initial = worst_loss }
                rules third = custom { scenario crash { price -40%  vol 30%  weight 33% }  initial = worst_loss }
                show margin(desk, full)
                show margin(desk, third)
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        Table full = ((TableValue) execution.shown().get(0).value()).table();
        Table third = ((TableValue) execution.shown().get(1).value()).table();
        int row = full.stringColumn("account").indexOf("short-strangle");  // its short put loses in the crash
        double im = full.doubleColumn("initial_margin").getDouble(row);
        assertTrue(im > 0);
        assertEquals(0.33 * im, third.doubleColumn("initial_margin").getDouble(row), 1e-9 * im);
    }

    @Test
    void showDisplaysEverySettingWithTheFormulasAndScenariosAsWritten() {
        Execution execution = Recipes.run(EXAMPLES, """
                rules house = custom {
                  price [-20%, 20%]
                  scenario crash { price -50%  vol 80% }
                  initial = worst_loss + 10% * mean_loss
                }
                show house
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        RulesValue rules = (RulesValue) execution.shown().getFirst().value();
        Table table = rules.display().table();
        assertEquals(margo.dsl.registry.Registry.standard().settings("custom").size(), table.rowCount());
        assertEquals(List.of("[-20%, 20%]", "[0%]", "crash { price -50%  vol 80% }", "25%",
                "worst_loss + 10% * mean_loss", "initial"), table.stringColumn("value").asList());
        assertEquals(List.of("recipe", "default", "recipe", "default", "recipe", "default"),
                table.stringColumn("source").asList());
        assertEquals(3, ((ScenarioFormulaRule) rules.rule()).scenarios().size());
    }

    @Test
    void aNegativeMarginStopsTheRunAtTheFormulaWithTheValue() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + """
                rules r = custom {
                  price [-30%, 30%]
                  initial = worst_loss - 2 * gross_loss
                }
                show margin(desk, r)
                """);
        List<String> errors = located(execution.diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("5:13 initial margin came out -"), errors::toString);
        assertTrue(errors.getFirst().endsWith(" for this book; a margin must be a finite amount of at least 0"),
                errors::toString);
    }

    @Test
    void aComputedPriceMoveOfMinusOneHundredPercentIsAnErrorAtTheMove() {
        Execution execution = Recipes.run(EXAMPLES, "let drop = -1\nrules r = custom {\n  price [0%, drop * 100%]\n"
                + "  initial = worst_loss\n}\n");
        assertEquals(List.of("3:14 price moves must be above -100%, not -100%"), located(execution.diagnostics()));
    }

    @Test
    void everyMarginBuiltInTakesACustomRule() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + HOUSE + """
                show what_if(desk, "BTC-29MAR24-70000-C", -10, house, account "calendar")
                show stress(desk, house, price = -40%, vol = 80%)
                plot scenarios(desk, house)
                plot liquidation(desk, house)
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertEquals(4, execution.shown().size());
        Table whatIf = ((TableValue) execution.shown().get(0).value()).table();
        assertTrue(whatIf.doubleColumn("initial_margin_change").getDouble(0) > 0);
        Table stress = ((TableValue) execution.shown().get(1).value()).table();
        assertTrue(stress.doubleColumn("initial_margin_after").asList().stream().allMatch(Double::isFinite));
        assertTrue(execution.shown().get(2).value() instanceof FigureValue);
        assertTrue(execution.shown().get(3).value() instanceof FigureValue);
    }
}
