package margo.dsl.check;

import static margo.dsl.check.CheckerTest.only;
import static margo.dsl.run.Recipes.check;
import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

/** The checker on {@code rules N = custom { ... }}: scenarios, named scenarios and formulas. */
class CustomRulesCheckerTest {

    private static final String BOOK = "data chain = options(\"chain.csv\")\n"
            + "book desk = positions(\"x.csv\", market chain)\n";

    private static List<String> errors(String block) {
        return located(check("rules house = custom {\n" + block + "}\n").diagnostics());
    }

    @Test
    void aRuleWithAGridNamedScenariosAndFormulasChecksCleanlyAndWorksWithEveryMarginBuiltIn() {
        assertEquals(List.of(), located(check(BOOK + """
                let buffer = 10%
                rules house = custom {
                  price [-20%, -10%, 0%, 10%, 20%]
                  vol   [-25%, 0%, 50%]
                  scenario crash { price -50%  vol 80%  weight 33% }
                  scenario "rally" { price 40% }
                  tail 20%
                  initial = max(worst_loss, expected_shortfall) + buffer * mean_loss + abs(0 * worst_gain)
                  maintenance = 75% * initial + 0 * gross_loss / scenarios
                }
                show house
                show margin(desk, house)
                show what_if(desk, "BTC-29MAR24-70000-C", -10, house)
                show stress(desk, house, price = -40%, vol = 80%)
                show attribution(desk, house)
                plot scenarios(desk, house)
                plot liquidation(desk, house)
                """).diagnostics()));
    }

    @Test
    void aRuleWithoutFormulasOrScenariosSaysWhatItNeedsAtTheFamily() {
        List<Diagnostic> diagnostics = check("rules c = custom { }\n").diagnostics();
        assertEquals(List.of("1:11 a custom rule needs an initial margin formula", "1:11 a custom rule needs scenarios"),
                located(diagnostics));
        assertEquals("write one in its block, e.g. initial = worst_loss + 10% * mean_loss", diagnostics.get(0).hint());
    }

    @Test
    void anUnknownAggregateIsReportedWithTheNearest() {
        Diagnostic error = only(check("rules c = custom { price [-10%, 10%]  initial = worst_los * 2 }\n"));
        assertEquals("1:49 unknown name in a margin formula 'worst_los'", located(List.of(error)).getFirst());
        assertEquals("did you mean worst_loss?", error.hint());
    }

    @Test
    void initialCannotUseItselfButMaintenanceCanUseInitial() {
        assertEquals(List.of("4:13 unknown name in a margin formula 'initial'"),
                errors("  price [-10%, 10%]\n  maintenance = 80% * initial\n  initial = initial + worst_loss\n"));
    }

    @Test
    void aDurationInAFormulaIsAUnitMismatch() {
        assertEquals(List.of("3:13 unit mismatch: initial must be an amount in the settlement currency, not a"
                + " duration"), errors("  price [-10%, 10%]\n  initial = 2d\n"));
    }

    @Test
    void addingADurationToAnAmountIsReportedAtTheSum() {
        assertEquals(List.of("3:13 unit mismatch: cannot apply '+' to a number and a duration"),
                errors("  price [-10%, 10%]\n  initial = worst_loss + 2d\n"));
    }

    @Test
    void aFormulaWrittenWithoutEqualsAndASettingWrittenWithEqualsGetTheOtherForm() {
        List<Diagnostic> diagnostics = check("rules c = custom {\n  price = [-10%, 10%]\n  initial worst_loss\n}\n")
                .diagnostics();
        assertEquals(List.of("2:3 price is a setting, written without '='", "3:3 initial is a formula, written with '='"),
                located(diagnostics));
        assertEquals("price [-10%, 10%]", diagnostics.get(0).hint());
        assertEquals("initial = worst_loss", diagnostics.get(1).hint());
    }

    @Test
    void anUnknownFormulaOrSettingIsReportedWithTheNearest() {
        List<Diagnostic> diagnostics = check("rules c = custom {\n  prise [-10%, 10%]\n  initial = worst_loss\n"
                + "  maintenence = initial\n}\n").diagnostics();
        assertEquals(List.of("1:11 a custom rule needs scenarios", "2:3 custom has no setting 'prise'",
                "4:3 custom has no formula 'maintenence'"), located(diagnostics));
        assertEquals("did you mean price?", diagnostics.get(1).hint());
        assertEquals("did you mean maintenance?", diagnostics.get(2).hint());
    }

    @Test
    void aPriceMoveOfMinusOneHundredPercentOrLessIsAnErrorAtTheMove() {
        assertEquals(List.of("2:16 price moves must be above -100% (a price cannot fall below zero), not -100%",
                        "3:26 price moves must be above -100% (a price cannot fall below zero), not -120%"),
                errors("  price [-50%, -100%]\n  scenario crash { price -120% }\n  initial = worst_loss\n"));
    }

    @Test
    void anEmptyAxisIsAnErrorSinceItWouldLeaveTheGridEmpty() {
        assertEquals(List.of("2:9 price needs at least one move"), errors("  price []\n  initial = worst_loss\n"));
    }

    @Test
    void aVolShiftMustBeANumber() {
        assertEquals(List.of("2:24 unit mismatch: vol takes numbers (vol shifts such as -10% or 30%), not a duration"),
                errors("  price [0%]  vol [0%, 2d]\n  initial = worst_loss\n"));
    }

    @Test
    void aNamedScenarioTakesPriceVolAndWeightOnceEachWithAWeightUpToOneHundredPercent() {
        List<Diagnostic> diagnostics = check("rules c = custom {\n  scenario crash { prise -50%  vol 80%  vol 1d }\n"
                + "  scenario crash { weight 150% }\n  scenario 3 { }\n  initial = worst_loss\n}\n").diagnostics();
        assertEquals(List.of("2:20 a scenario takes price, vol and weight, not prise",
                        "2:41 the scenario's vol is given twice",
                        "2:45 unit mismatch: vol takes a number (vol points added, e.g. 80%), not a duration",
                        "3:12 the scenario 'crash' is given twice",
                        "3:27 weight must be between 0% and 100%, not 150%",
                        "4:12 a scenario needs a name"),
                located(diagnostics));
        assertEquals("did you mean price?", diagnostics.getFirst().hint());
    }

    @Test
    void aSettingOfAnyRulesFamilyWrittenWithEqualsGetsTheFormWithout() {
        Diagnostic error = only(check("rules pm = portfolio_margin { maintenance = 80% }\n"));
        assertEquals("1:31 maintenance is a setting, written without '='", located(List.of(error)).getFirst());
        assertEquals("maintenance 80%", error.hint());
    }

    @Test
    void customByNameHasNoDefaultsToUse() {
        Diagnostic error = only(check(BOOK + "show margin(desk, custom)\n"));
        assertEquals("3:19 custom rules have no defaults to use by name: their scenarios and formulas are written in"
                + " a rules statement", located(List.of(error)).getFirst());
    }

    @Test
    void keepBelongsInADataBlock() {
        assertEquals(List.of("2:3 keep belongs in a data or let block; rules takes settings of custom, e.g. price"),
                errors("  keep true\n  price [0%]\n  initial = worst_loss\n"));
    }
}
