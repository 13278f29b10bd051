package margo.dsl.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import margo.dsl.check.Kind;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md ends with the registry's whole reference, as {@code margo docs} prints it with its headings one
 * level down, so the page cannot drift from the built-ins the checker and the runner know. With
 * {@code -Dmargo.docs.update=true} the test writes the generated part instead of comparing it.
 */
class LanguageReferenceTest {

    static final Path PAGE = Path.of("../docs/language.md");
    static final String BEGIN = "<!-- generated from the registry: begin -->\n";
    static final String END = "<!-- generated from the registry: end -->\n";
    static final String UPDATE = "./run-tests -pl core,dsl -Dtest=LanguageReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dmargo.docs.update=true";

    /** {@code margo docs} without its title, every heading one level deeper, to sit under the page's own. */
    static String generated() {
        StringBuilder out = new StringBuilder();
        String all = new Documentation(Registry.standard()).all();
        for (String line : all.substring(all.indexOf('\n') + 1).strip().split("\n", -1)) {
            out.append(line.startsWith("#") ? "#" + line : line).append('\n');
        }
        return out.toString();
    }

    @Test
    void thePageEndsWithTheRegistrysReferenceAsMargoDocsPrintsIt() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertTrue(begin >= 0 && end > begin, PAGE + " has lost its markers " + BEGIN.strip() + " and " + END.strip());
        String written = page.substring(begin + BEGIN.length(), end);
        String wanted = "\n" + generated() + "\n";
        if (Boolean.getBoolean("margo.docs.update")) {
            Files.writeString(PAGE, page.substring(0, begin + BEGIN.length()) + wanted + page.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(wanted, written, PAGE + " and the registry differ (a built-in, setting or family was added or"
                + " changed); regenerate the page's reference with\n  " + UPDATE + "\n");
    }

    @Test
    void everyKindOfValueHasARowInTheTableOfKinds() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        for (Kind kind : Kind.values()) {
            assertTrue(kind == Kind.ERROR || page.contains("\n| " + kind.word() + " | "),
                    kind.word() + " has no row in the table of " + PAGE + ", \"Values and kinds\"");
        }
    }

    @Test
    void everyStatementKeywordIsExplainedInThePagesOwnWords() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String prose = page.substring(0, page.indexOf(BEGIN));
        for (String keyword : margo.dsl.syntax.Parser.STATEMENT_KEYWORDS) {
            assertTrue(prose.contains("`" + keyword) || prose.contains(" " + keyword + " "),
                    keyword + " is not described before the generated reference of " + PAGE);
        }
    }
}
