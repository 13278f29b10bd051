package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dsl module alone has no prover (proofs of margin live in margo-zk, with Node.js): a recipe that proves checks
 * cleanly, and running it is a clear error at the call that says how to install the module.
 */
class ProofWithoutModuleTest {

    private static final String RECIPE = """
            data chain = options("data/deribit-btc-sample.csv")
            book desk = positions("data/book.csv", market chain)
            let p = prove_margin(desk, "calendar", portfolio_margin, to "out/never") { level maintenance }
            """;

    @Test
    void aProofWithoutTheZkModuleIsAClearErrorAtTheCall() {
        Execution run = Recipes.run(Path.of("../examples"), RECIPE);
        List<String> errors = Recipes.located(run.diagnostics().stream().filter(d -> d.isError()).toList());
        assertEquals(List.of("3:9 prove_margin needs the zk module (margo-zk), which is not installed"), errors);
    }

    @Test
    void aLevelOtherThanInitialOrMaintenanceIsACheckError() {
        Execution checked = Recipes.check(RECIPE.replace("level maintenance", "level total")
                .replace("data/deribit-btc-sample.csv", "chain.csv").replace("data/book.csv", "x.csv"));
        List<String> errors = Recipes.located(checked.diagnostics());
        assertTrue(errors.stream().anyMatch(e -> e.contains("level takes one of initial, maintenance")), errors.toString());
    }
}
