package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static margo.dsl.run.Recipes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@code starts_with}, {@code contains} and {@code matches} pick rows by text in {@code keep} and make true-or-false
 * columns in {@code set}; the expected rows are counted from the sample file itself, outside Margo.
 */
class TextFunctionsRunTest {

    private static final Path SAMPLE = Path.of("../examples").toAbsolutePath().normalize();
    private static List<String> instruments;

    @BeforeAll
    static void readInstrumentNames() throws IOException {
        instruments = Files.readAllLines(SAMPLE.resolve("data/deribit-btc-sample.csv")).stream().skip(1)
                .map(line -> line.split(",")[0]).toList();
    }

    private static Table table(String recipe) {
        Execution execution = run(SAMPLE, recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return ((TableValue) execution.shown().getLast().value()).table();
    }

    private static long count(java.util.function.Predicate<String> test) {
        return instruments.stream().filter(test).count();
    }

    @Test
    void startsWithContainsAndMatchesKeepTheRowsWhoseTextPasses() {
        String load = "data c = options(\"data/deribit-btc-sample.csv\") { keep ";
        assertEquals(count(name -> name.startsWith("BTC-29MAR24-")),
                table(load + "starts_with(instrument, \"BTC-29MAR24-\") }\nshow c").rowCount());
        assertEquals(count(name -> name.contains("-60000-")),
                table(load + "contains(instrument, \"-60000-\") }\nshow c").rowCount());
        Pattern pattern = Pattern.compile("-(8MAR24|26APR24)-\\d+-P$");
        assertEquals(count(name -> pattern.matcher(name).find()),
                table(load + "matches(instrument, \"-(8MAR24|26APR24)-\\d+-P$\") }\nshow c").rowCount());
    }

    @Test
    void aTextTestInSetIsATrueOrFalseColumnAndItsArgumentsMayBeBoundNames() {
        Table table = table("let month = \"MAR24\"\n"
                + "data c = options(\"data/deribit-btc-sample.csv\") { set march = contains(instrument, month) }\n"
                + "show c");
        assertEquals(count(name -> name.contains("MAR24")), table.booleanColumn("march").countTrue());
    }

    @Test
    void aPatternFromAColumnIsTestedRowByRow() {
        Table table = table("data c = options(\"data/deribit-btc-sample.csv\") {\n"
                + "  set pattern = type\n  keep matches(instrument, underlying) and not starts_with(type, pattern)\n}\n"
                + "show c");
        assertEquals(0, table.rowCount());
    }

    @Test
    void aLiteralThatIsNoRegularExpressionIsAnErrorAtItsCharacter() {
        Execution execution = run(SAMPLE,
                "data c = options(\"data/deribit-btc-sample.csv\") { keep matches(instrument, \"BTC-[0-9\") }\n");
        Diagnostic error = execution.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals("1:84 this pattern is not a regular expression: Unclosed character class at character 8",
                located(List.of(error)).getFirst());
    }

    @Test
    void aPatternInAColumnThatIsNoRegularExpressionFailsAtTheArgumentNamingTheRow() {
        Execution execution = run(SAMPLE, "data c = options(\"data/deribit-btc-sample.csv\") {\n"
                + "  set pattern = \"(\"\n  keep matches(instrument, pattern)\n}\n");
        assertEquals(List.of("3:28 the pattern of matches is not a regular expression: Unclosed group at character 1"
                + " of \"(\" (row 1 of the table)"), located(execution.diagnostics().stream()
                .filter(Diagnostic::isError).toList()));
    }

    @Test
    void aTextTestOfANumberIsATypeError() {
        Execution execution = run(SAMPLE,
                "data c = options(\"data/deribit-btc-sample.csv\") { keep starts_with(strike, \"6\") }\n");
        assertEquals(List.of("1:68 argument 'text' of starts_with must be text, not a number"),
                located(execution.diagnostics().stream().filter(Diagnostic::isError).toList()));
    }
}
