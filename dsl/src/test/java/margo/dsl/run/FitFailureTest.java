package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.output.JsonRenderer;
import margo.dsl.output.TextRenderer;
import margo.dsl.value.FitValue;
import org.junit.jupiter.api.Test;

/**
 * A fit that ran but is no solution of its problem is an error at the statement that caused it, and the run goes
 * on with the best point found, which {@code show} displays marked as failed.
 */
class FitFailureTest {

    private static final Path EXAMPLES = Path.of("../examples");

    /** Every expiry's two-sided quotes near the money: enough to pin down Heston, so a default fit converges. */
    private static final String CHAIN = """
            data chain = options("data/deribit-btc-sample.csv") {
              keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.3 and expiry >= 2d
            }
            """;

    private static List<Diagnostic> errors(Execution execution) {
        return execution.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    private static FitValue shownFit(Execution execution) {
        assertEquals(1, execution.shown().size(), "the failed fit is still shown");
        return (FitValue) execution.shown().getFirst().value();
    }

    @Test
    void aConvergedFitIsNoError() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + "model hs = heston\nfit hf = calibrate hs to chain\nshow hf");
        assertEquals(List.of(), errors(execution));
        JsonObject overall = JsonRenderer.toJson(shownFit(execution)).getAsJsonObject().getAsJsonObject("sections")
                .getAsJsonArray("fit (errors in vol points)").get(0).getAsJsonObject();
        assertEquals("ok", overall.get("status").getAsString());
        assertEquals("converged", overall.get("stop_reason").getAsString());
    }

    @Test
    void aHardConstraintThatCannotHoldFailsTheFitAndShowsTheBestPoint() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + """
                model hs = heston {
                  v0 in [0.01, 4] start 0.5
                  require v0 >= 5
                }
                fit hf = calibrate hs to chain { starts 1 }
                show hf
                """);
        List<String> errors = located(errors(execution));
        String prefix = "8:10 fit hf failed: hard constraint v0 >= 5 does not hold at the best point found: it is"
                + " violated by ";
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().startsWith(prefix), errors.getFirst());
        // v0 ends at its upper bound 4 to within the bound transform's rounding.
        assertEquals(1.0, Double.parseDouble(errors.getFirst().substring(prefix.length())), 1e-12);
        assertTrue(errors(execution).getFirst().hint().contains("make it soft with penalty W"));
        FitValue fit = shownFit(execution);
        assertEquals(4.0, fit.result().parameter("v0"), 1e-6, "the best point: v0 at its upper bound");
        String text = TextRenderer.render(fit);
        assertTrue(text.startsWith("fit hf: heston calibrated to chain (failed: the best point found is shown)"), text);
        assertTrue(text.contains("- failed: hard constraint v0 >= 5"), text);
    }

    @Test
    void cmaEsStoppedByItsEvaluationBudgetIsAnErrorAtItsMethod() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + """
                model hs = heston
                fit hf = calibrate hs to chain { method cma_es { max_evaluations 30 } }
                show hf
                """);
        assertEquals(List.of("5:34 fit hf failed: the solver reached its evaluation limit (max_evaluations 30 per"
                + " start) before converging; the result is the best point found"), located(errors(execution)));
        JsonObject overall = JsonRenderer.toJson(shownFit(execution)).getAsJsonObject().getAsJsonObject("sections")
                .getAsJsonArray("fit (errors in vol points)").get(0).getAsJsonObject();
        assertEquals("max_evaluations", overall.get("stop_reason").getAsString());
        assertEquals("failed", overall.get("status").getAsString());
        assertEquals(30, overall.get("evaluations").getAsInt());
    }

    @Test
    void weightsThatOverflowTheObjectiveAreAnErrorAtTheWeight() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + """
                model hs = heston
                fit hf = calibrate hs to chain { weight 1e300 }
                show hf
                """);
        assertEquals(List.of("5:34 fit hf failed: the objective is Infinity at the best point found: the weighted"
                + " residuals overflow (the largest weight is 1.0E300) or the model's values are not finite"),
                located(errors(execution)));
        assertEquals("Infinity", JsonRenderer.toJson(shownFit(execution)).getAsJsonObject()
                .getAsJsonObject("sections").getAsJsonArray("fit (errors in vol points)").get(0).getAsJsonObject()
                .get("objective").getAsString());
    }

    @Test
    void parametersThatOverflowTheFitFailItWithoutAnInternalError() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + """
                model hs = heston { v0 in [1e300, 1e308] }
                fit hf = calibrate hs to chain { starts 1 }
                show hf
                """);
        List<String> errors = located(errors(execution));
        assertFalse(errors.isEmpty());
        for (String error : errors) {
            assertTrue(error.startsWith("5:10 fit hf failed: "), error);
        }
        assertTrue(String.join("\n", errors).contains("must be finite"), errors.toString());
    }

    @Test
    void pricingWithParametersThatOverflowIsAnErrorAtThePriceCall() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + """
                model big = heston { v0 = 1e308; kappa = 1e308; theta = 1e308; xi = 1e308; rho = 0.5 }
                show price(big, chain)
                """);
        assertEquals(List.of("5:6 cannot price big at its parameters [1.0E308, 1.0E308, 1.0E308, 1.0E308, 0.5]: c2"
                + " must be finite and > 0, not NaN"), located(execution.diagnostics()));
    }

    @Test
    void severalStartsAreSummarisedOneRowEach() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + """
                model hs = heston
                fit hf = calibrate hs to chain { starts 3  seed 7 }
                show hf
                """);
        assertEquals(List.of(), errors(execution));
        FitValue fit = shownFit(execution);
        var starts = JsonRenderer.toJson(fit).getAsJsonObject().getAsJsonObject("sections").getAsJsonArray("starts");
        assertEquals(3, starts.size());
        int evaluations = 0;
        for (int s = 0; s < 3; s++) {
            assertEquals(s, starts.get(s).getAsJsonObject().get("start").getAsInt());
            evaluations += starts.get(s).getAsJsonObject().get("evaluations").getAsInt();
        }
        assertEquals(fit.result().evaluations(), evaluations);
    }

    @Test
    void aBoundComputedOutsideTheDomainIsAnErrorAtTheBound() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + """
                let lo = -5
                model hs = heston { rho in [lo, 0.5] }
                """);
        assertEquals(List.of("5:29 the lower bound lo = -5 of 'rho' is outside its domain: rho (correlation) is in"
                + " [-1, 1]"), located(execution.diagnostics()));
    }
}
