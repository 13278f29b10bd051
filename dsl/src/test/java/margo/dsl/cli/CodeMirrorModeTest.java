package margo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The parser reads these words by name ({@code consumeWord("exports", ...)}, {@code matchWord("as")}). */
    @Test
    void everyWordTheParserReadsByNameIsAKeyword() throws IOException {
        String parser = Files.readString(Path.of("src/main/java/margo/dsl/syntax/Parser.java"));
        Matcher word = Pattern.compile("(?:consumeWord|matchWord|isWord|checkWord)\\(\"([a-z_]+)\"").matcher(parser);
        int words = 0;
        while (word.find()) {
            words++;
            assertTrue(CodeMirrorMode.keywords(REGISTRY).contains(word.group(1)), word.group(1) + " is not highlighted as a keyword");
        }
        assertTrue(words >= 10, "found the parser's words: " + words);
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
