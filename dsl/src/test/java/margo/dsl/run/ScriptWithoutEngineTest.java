package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dsl module alone has no script engine (JavaScript lives in margo-polyglot): a recipe with a script gets a
 * clear error at its language, and the rest of the recipe is still checked.
 */
class ScriptWithoutEngineTest {

    @Test
    void aScriptWithoutTheEngineOnTheClassPathIsAClearError() {
        Execution execution = Recipes.check("""
                script js \"""function f(x) { return x; }\""" exports f
                let y = f(1)
                let z = 1 +
                """);
        List<String> errors = Recipes.located(execution.diagnostics());
        assertEquals("1:8 script js needs Margo's JavaScript engine (the margo-polyglot module), which is not on the"
                + " class path", errors.getFirst());
        assertEquals("2:9 unknown function 'f'", errors.get(1));
    }
}
