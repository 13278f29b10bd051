package margo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.Registry;
import margo.dsl.syntax.Parser;
import org.junit.jupiter.api.Test;

class CodeMirrorModeTest {

    private static final Registry REGISTRY = Registry.standard();

    @Test
    void everyStatementKeywordAndEveryBuiltInIsHighlighted() {
        String script = CodeMirrorMode.kernelJs(REGISTRY);
        for (String keyword : Parser.STATEMENT_KEYWORDS) {
            assertTrue(CodeMirrorMode.keywords(REGISTRY).contains(keyword), keyword);
        }
        for (FunctionSpec function : REGISTRY.functions()) {
            assertTrue(script.contains("\"" + function.name() + "\""), function.name() + " is missing from kernel.js");
        }
        assertTrue(CodeMirrorMode.atoms(REGISTRY).containsAll(Registry.SOLVERS));
        assertTrue(CodeMirrorMode.atoms(REGISTRY).contains("portfolio_margin"));
        assertTrue(CodeMirrorMode.settings(REGISTRY).contains("max_iterations"));
    }

    @Test
    void aWordHasOneRoleSoThatTheModeNeverDependsOnTheOrderOfItsRules() {
        for (String builtin : CodeMirrorMode.builtins(REGISTRY)) {
            assertFalse(CodeMirrorMode.atoms(REGISTRY).contains(builtin), builtin + " is both a builtin and an atom");
            assertFalse(CodeMirrorMode.keywords(REGISTRY).contains(builtin) && !builtin.equals("surface"),
                    builtin + " is both a keyword and a builtin");
        }
    }
}
