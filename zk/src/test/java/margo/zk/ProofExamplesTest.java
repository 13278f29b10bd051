package margo.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.ProofEntries;
import margo.dsl.registry.Registry;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * The registry's examples of the proof functions, which the dsl's registry test checks but cannot run without this
 * module, run here against the example data; and a recipe's errors when an account cannot prove.
 */
class ProofExamplesTest {

    /** Each diagnostic as {@code 3:9 message}, as the dsl's tests write them. */
    private static List<String> located(List<margo.dsl.diagnostic.Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList();
    }

    private static Execution run(String recipe) {
        return new Session(Path.of("../examples")).run(new SourceFile("proof recipe", recipe), Mode.RECIPE);
    }

    @Test
    void everyProofFunctionsExampleRunsCleanly() {
        for (String name : ProofEntries.FUNCTIONS) {
            FunctionSpec function = Registry.standard().function(name).orElseThrow();
            Execution ran = run(function.example());
            assertFalse(ran.hasErrors(), () -> name + ": " + located(ran.diagnostics()));
        }
        String level = Registry.standard().setting(ProofEntries.PROVE, "level").orElseThrow().example();
        Execution ran = run(level);
        assertFalse(ran.hasErrors(), () -> "level: " + located(ran.diagnostics()));
    }

    @Test
    void anAccountBelowItsMarginIsAnErrorAtTheCall() {
        String recipe = "data chain = options(\"data/deribit-btc-sample.csv\")\n"
                + "book desk = positions(\"data/book.csv\", market chain, haircut 0.99)\n"
                + "let p = prove_margin(desk, \"short-strangle\", deribit_standard, to \"out/poor\")\n";
        List<String> errors = located(run(recipe).diagnostics().stream()
                .filter(margo.dsl.diagnostic.Diagnostic::isError).toList());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().contains("3:9") && errors.getFirst().contains("no proof exists"), errors.toString());
    }
}
