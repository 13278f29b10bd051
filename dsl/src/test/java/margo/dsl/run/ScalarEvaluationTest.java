package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static margo.dsl.run.Recipes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import margo.dsl.diagnostic.Severity;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.DisplayUnit;
import margo.dsl.value.InstantValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.Value;
import org.junit.jupiter.api.Test;

class ScalarEvaluationTest {

    private static Value shown(String recipe) {
        Execution execution = run(Path.of("."), recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return execution.shown().getLast().value();
    }

    private static double number(String recipe) {
        return ((NumberValue) shown(recipe)).value();
    }

    @Test
    void arithmeticFollowsPrecedence() {
        assertEquals(3.0, number("let x = 1 + 2 / 2 * 2\nshow x"));
        assertEquals(-7.0, number("-(2 ^ 3) + 1"));
    }

    @Test
    void showLabelsAValueWithItsSourceTextAndLine() {
        Execution execution = run(Path.of("."), "let x = 1\n\nshow x + 1\n");
        assertEquals(List.of(new Shown(3, "x + 1", new NumberValue(2.0, DisplayUnit.PLAIN))), execution.shown());
    }

    @Test
    void percentagesAndBasisPointsArePlainNumbersDisplayedAsPercent() {
        NumberValue value = (NumberValue) shown("let width = 16%\nwidth");
        assertEquals(0.16, value.value());
        assertEquals(DisplayUnit.PERCENT, value.unit());
        assertEquals(0.1625, number("16% + 25bp"), 1e-15);
    }

    @Test
    void durationsAreYearFractionsAct365() {
        NumberValue value = (NumberValue) shown("2d + 8h");
        assertEquals(2.0 / 365 + 8.0 / (365 * 24), value.value(), 1e-15);
        assertEquals(DisplayUnit.DURATION, value.unit());
    }

    @Test
    void anInstantPlusADurationIsAnInstant() {
        InstantValue value = (InstantValue) shown("2024-03-01T08:00Z + 2d");
        assertEquals(Instant.parse("2024-03-03T08:00:00Z"), value.value());
    }

    @Test
    void theDifferenceOfTwoInstantsIsADurationInYears() {
        assertEquals(29.0 / 365, number("2024-03-30T08:00Z - 2024-03-01T08:00Z"), 1e-15);
    }

    @Test
    void mathBuiltinsComputeAsJavaMath() {
        assertEquals(Math.log(2), number("log(2)"));
        assertEquals(Math.exp(0.5), number("exp(0.5)"));
        assertEquals(3.0, number("sqrt(9)"));
        assertEquals(0.25, number("abs(-0.25)"));
        assertEquals(1.0, number("min(3, 1, 2)"));
        assertEquals(3.0, number("max(3, 1, 2)"));
    }

    @Test
    void blackIsBlack76FromCoreWithDurationsInYears() {
        double expected = Black76.price(OptionType.CALL, 60000, 65000, 30.0 / 365, 0.55);
        assertEquals(expected, number("black(60000, 65000, 30d, 55%, \"call\")"));
        assertEquals(Black76.price(OptionType.PUT, 60000, 65000, 0.5, 0.55), number("black(60000, 65000, 0.5, 55%, \"P\")"));
    }

    @Test
    void impliedVolInvertsBlack() {
        assertEquals(0.55, number("let p = black(60000, 65000, 30d, 55%, \"put\")\nimplied_vol(p, 60000, 65000, 30d, \"put\")"),
                1e-12);
    }

    @Test
    void anUndefinedImpliedVolIsNaNWithAWarningGivingTheReason() {
        Execution execution = run(Path.of("."), "let v = implied_vol(1, 60000, 40000, 30d, \"call\")\nv\n");
        assertFalse(execution.hasErrors());
        assertTrue(Double.isNaN(((NumberValue) execution.shown().getFirst().value()).value()));
        assertEquals(1, execution.diagnostics().size());
        var warning = execution.diagnostics().getFirst();
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(9, warning.span().column());
        assertTrue(warning.message().startsWith("implied_vol is undefined (NaN): call price 1"), warning.message());
        assertTrue(warning.message().contains("below intrinsic value"), warning.message());
    }

    @Test
    void comparisonsAndLogicGiveBooleans() {
        assertEquals(new BooleanValue(true), shown("1 < 2 and not (2d > 3d) or false"));
        assertEquals(new BooleanValue(false), shown("\"call\" == \"put\""));
    }

    @Test
    void anInterruptStopsTheRunAtTheNextStatementKeepingEarlierBindings() {
        var source = new margo.dsl.syntax.SourceFile("cell[1]", "let x = 1\nlet y = 2\nshow y\n");
        var checked = margo.dsl.check.Checker.check(margo.dsl.registry.Registry.standard(),
                margo.dsl.syntax.Parser.parse(source).program(), java.util.Map.of(), true);
        var bindings = new java.util.LinkedHashMap<String, Session.Bound>();
        int[] checks = {0};
        Execution execution = new Runner(margo.dsl.registry.Registry.standard(), checked, bindings,
                new ChainLoader(Path.of(".")), () -> ++checks[0] > 1).run();
        assertEquals(List.of("2:1 interrupted"), located(execution.diagnostics()));
        assertEquals(List.of("x"), List.copyOf(bindings.keySet()));
        assertTrue(execution.shown().isEmpty());
    }
}
