package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import margo.dsl.registry.Documentation;
import margo.dsl.registry.Registry;
import margo.dsl.value.NumberValue;
import margo.dsl.value.Value;
import margo.kernel.jupyter.MimeBundle;
import org.junit.jupiter.api.Test;

/** Inspection by where the cursor stands; {@code |} marks the cursor in each cell. */
class InspectionTest {

    private final Registry registry = Registry.standard();
    private final Documentation documentation = new Documentation(registry);
    private final Inspection inspection = new Inspection(registry, documentation, new Completion(registry, Path.of(".")));
    private Map<String, Value> bindings = Map.of();

    @Test
    void rightAfterTheOpeningBracketOfACallItsFunctionIsShown() {
        String text = inspect("show black(|", 0);
        assertTrue(text.contains("black(forward, strike, time, vol, type)"), text);
        assertTrue(text.startsWith("At `forward`, argument 1 of black:"), text);
    }

    @Test
    void insideTheArgumentsTheParameterAtTheCursorIsNamed() {
        assertTrue(inspect("show black(60000, 6|5000, 30d", 0).startsWith("At `strike`, argument 2 of black:"));
        assertTrue(inspect("show black(60000, 65000, 30d, 55% + 1|", 0).startsWith("At `vol`, argument 4"));
        assertTrue(inspect("plot smile(chain, x \"str|ike\")", 0).startsWith("At `x`, argument 2 of smile:"));
        assertTrue(inspect("show black(60000, max(1, |2), 30d", 0).startsWith("At `b`, argument 2 of max:"),
                "the innermost call");
    }

    @Test
    void detailLevelZeroIsShortAndOneAddsTheExample() {
        String less = inspect("show black(|", 0);
        String more = inspect("show black(|", 1);
        assertFalse(less.contains("Example:"), less);
        assertTrue(more.contains("Example:") && more.contains("let premium = black("), more);
        assertTrue(more.startsWith(less.stripTrailing().substring(0, 40)), "the short form begins the long one");
    }

    @Test
    void statementWordsShowTheirStatement() {
        assertTrue(inspect("data chain = options(\"x.csv\") {\n  ke|ep bid > 0\n}", 0).startsWith("### keep (clause)"));
        assertTrue(inspect("fit hf = calib|rate hs to chain", 0).startsWith("### fit\n"));
        assertTrue(inspect("rules pm = calibrate portfolio_margin t|o btc", 0).startsWith("### calibrate\n"));
        assertTrue(inspect("mo|del hs = heston", 0).startsWith("### model\n"));
        assertTrue(inspect("model hs = heston {\n  require 2 * kappa * theta >= xi^2 pen|alty 100\n}", 0).startsWith("### require (clause)"));
    }

    @Test
    void aSettingIsTheSettingOfItsOwnBlock() {
        String solver = inspect("fit hf = calibrate hs to chain {\n  method bobyqa { max_eval|uations 100 }\n}", 0);
        assertTrue(solver.startsWith("### bobyqa { max_evaluations ... }"), solver);
        String rules = inspect("rules pm = portfolio_margin {\n  price_ra|nge 16%\n}", 0);
        assertTrue(rules.startsWith("### portfolio_margin { price_range ... }"), rules);
        assertTrue(inspect("show chain { ro|ws 5 }", 0).startsWith("### show { rows ... }"));
    }

    @Test
    void aModelParameterShowsItsMeaningUnitBoundsAndStart() {
        String kappa = inspect("model hs = heston {\n  kap|pa in [1, 5]\n}", 0);
        assertTrue(kappa.startsWith("### kappa (parameter of heston)"), kappa);
        assertTrue(kappa.contains("mean reversion") && kappa.contains("default bounds ["), kappa);
    }

    @Test
    void aBoundNameShowsItsSummaryThenItsWholeValue() {
        bindings = Map.of("atm", new NumberValue(0.58, margo.dsl.value.DisplayUnit.PERCENT));
        assertEquals("atm: number\n" + ValueSummary.of(bindings.get("atm")), inspect("show black(60000, 65000, 30d, at|m", 0));
        assertEquals("atm: number\n" + margo.dsl.output.TextRenderer.render(bindings.get("atm")), inspect("show at|m", 1));
    }

    @Test
    void nothingIsShownOutsideAnyNameOrCall() {
        assertNull(inspection.at("let x = 1 + |2", 12, 0, bindings));
        assertNull(inspection.at("let x = 1  # black|", 18, 0, bindings));
    }

    private String inspect(String marked, int detailLevel) {
        MimeBundle found = inspection.at(marked.replace("|", ""), marked.indexOf('|'), detailLevel, bindings);
        assertTrue(found != null, "nothing found at the cursor of " + marked);
        return found.plainText();
    }
}
