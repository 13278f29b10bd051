package margo.dsl.cli;

import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.InternalFailure;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipes written to break the language (issue 17's triggers): each ends in a diagnostic of its own kind at the
 * place it names, with exit code 1 (a warning and 0 where the recipe is legal), and never in a Java stack trace.
 */
class HostileRecipesTest {

    @TempDir
    Path folder;

    private Path recipe(String text) throws IOException {
        Path recipe = folder.resolve("r.margo");
        Files.writeString(recipe, text, StandardCharsets.UTF_8);
        return recipe;
    }

    /** The {@code file:line:col: severity: message} lines of a command's diagnostics. */
    /** A recipe whose first line opens the block of {@code data chain = options(...)} on the sample chain. */
    private Path recipeOnTheSampleChain(String rest) throws IOException {
        Files.copy(Path.of("../examples/data/deribit-btc-sample.csv"), folder.resolve("chain.csv"));
        return recipe("data chain = options(\"chain.csv\") {\n" + rest);
    }

    private static List<String> headlines(MainTest.Result result, Path recipe) {
        return result.err().lines().filter(line -> line.startsWith(recipe.toString())).toList();
    }

    private static void assertNoTrace(MainTest.Result result) {
        String output = result.out() + result.err();
        assertFalse(output.contains("Exception") || output.contains("Error:") || output.contains("\tat "),
                () -> output.substring(0, Math.min(2000, output.length())));
    }

    @Test
    void aSumOfFiveThousandTermsIsAnErrorAtTheOperatorWhereTheDepthLimitIsReached() throws IOException {
        Path recipe = recipe("show " + "1+".repeat(4999) + "1\nshow 2\n");
        for (String command : List.of("run", "check")) {
            MainTest.Result result = margo(command, recipe.toString());
            assertEquals(1, result.exit(), result.err());
            // The 500th '+' would make the sum 501 operations deep; it stands at column 7 + 2 * 499.
            assertEquals(List.of(recipe + ":1:1005: error: this expression nests more than 500 operations deep"),
                    headlines(result, recipe));
            assertTrue(result.err().contains("hint: split it over several let statements"), result.err());
            assertNoTrace(result);
        }
    }

    @Test
    void threeThousandNestedParenthesesAreAnErrorAtTheFirstBracketPastTheLimit() throws IOException {
        assertOneError("show " + "(".repeat(3000) + "1" + ")".repeat(3000) + "\n",
                "1:206: error: brackets and operators nest more than 200 deep here");
    }

    @Test
    void sevenHundredNestedCallsAreAnErrorToo() throws IOException {
        // The 201st call's '(' stands after 200 "abs(" and the "abs" of the 201st.
        assertOneError("show " + "abs(".repeat(700) + "1" + ")".repeat(700) + "\n",
                "1:" + (6 + 200 * 4 + 3) + ": error: brackets and operators nest more than 200 deep here");
    }

    /** Running {@code text} fails with exit code 1 and the one diagnostic {@code headline}, without a trace. */
    private void assertOneError(String text, String headline) throws IOException {
        Path recipe = recipe(text);
        MainTest.Result result = margo("run", recipe.toString());
        assertEquals(1, result.exit(), result.err());
        assertEquals(List.of(recipe + ":" + headline), headlines(result, recipe));
        assertNoTrace(result);
    }

    @Test
    void longChainsOfPowersAndNegationsAreBoundedLikeBrackets() throws IOException {
        Path recipe = recipe("let p = " + "2^".repeat(5000) + "1\nlet n = " + "-".repeat(5000) + "1\nlet b = "
                + "not ".repeat(5000) + "true\n");
        MainTest.Result result = margo("check", recipe.toString());
        assertEquals(1, result.exit(), result.err());
        assertEquals(List.of(
                recipe + ":1:" + (9 + 200 * 2 + 1) + ": error: brackets and operators nest more than 200 deep here",
                recipe + ":2:" + (9 + 200) + ": error: brackets and operators nest more than 200 deep here",
                recipe + ":3:" + (9 + 200 * 4) + ": error: brackets and operators nest more than 200 deep here"),
                headlines(result, recipe));
        assertNoTrace(result);
    }

    @Test
    void deeplyNestedJsonGivenToOptionsIsAnErrorAtTheLoad() throws IOException {
        Files.writeString(folder.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        assertOneError("data chain = options(\"deep.json\")\nshow chain\n", "1:14: error: cannot read deep.json: "
                + folder.resolve("deep.json") + " nests arrays and objects deeper than 64 levels at line 1 column 66;"
                + " a data file nests three or four: is it the right file?");
    }

    @Test
    void aDataFileRunAsARecipePrintsItsFirstHundredErrorsAndCountsTheRest() throws IOException {
        List<String> chain = Files.readAllLines(Path.of("../examples/data/deribit-btc-sample.csv"));
        Path data = folder.resolve("data.csv");
        Files.write(data, chain);
        MainTest.Result text = margo("run", data.toString());
        MainTest.Result json = margo("run", data.toString(), "--format", "json");
        int reported = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("diagnostics").size();
        assertEquals(1, text.exit());
        assertTrue(reported > 200, "a line of CSV is at least one mistake: " + reported);
        assertEquals(100, headlines(text, data).size());
        assertEquals(String.format(java.util.Locale.ROOT, "margo: %,d more errors not shown (the first 100 are above);"
                + " margo run --format json lists them all", reported - 100), text.err().lines().toList().getLast());
        assertNoTrace(text);
    }

    @Test
    void aRecipeSavedWithAByteOrderMarkRuns() throws IOException {
        Path recipe = recipe("\uFEFFlet x = 2\nshow x * 3\n");
        MainTest.Result result = margo("run", recipe.toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals("x * 3 (line 2)\n6\n", result.out());
    }

    @Test
    void infinityAndNaNInLetAndShowAreWarningsAtTheExpressionThatMadeThem() throws IOException {
        Path recipe = recipe("let big = 1e999\nlet ratio = 2 * (1 / 0)\nshow log(0) + 1\nshow sqrt(-1)\nshow big * 2\n");
        MainTest.Result result = margo("run", recipe.toString());
        assertEquals(0, result.exit(), "warnings only: " + result.err());
        assertEquals(List.of(
                recipe + ":1:11: warning: 1e999 is Infinity: the number is too large (the largest is about 1.8e308)",
                recipe + ":2:18: warning: 1 / 0 is Infinity: division by zero",
                recipe + ":3:6: warning: log(0) is -Infinity",
                recipe + ":4:6: warning: sqrt(-1) is undefined (NaN)"), headlines(result, recipe),
                "big * 2 is not blamed: big was, where it was made");
    }

    @Test
    void aNumberTooLargeInARowExpressionOfKeepOrSetIsAWarningAtTheNumber() throws IOException {
        Path recipe = recipeOnTheSampleChain("  keep strike < 1e999\n  set huge = strike * -2e400\n}\n"
                + "show chain { columns [strike, huge] rows 1 }\n");
        MainTest.Result result = margo("run", recipe.toString());
        assertEquals(0, result.exit(), "warnings only: " + result.err());
        assertEquals(List.of(
                recipe + ":2:17: warning: 1e999 is Infinity: the number is too large (the largest is about 1.8e308)",
                recipe + ":3:24: warning: 2e400 is Infinity: the number is too large (the largest is about 1.8e308)"),
                headlines(result, recipe));
    }

    @Test
    void infinityAndNaNInASetColumnAreWarningsAtTheExpressionWithTheirRowCount() throws IOException {
        Path recipe = recipeOnTheSampleChain("  keep bid_iv > 0 and ask_iv > 0\n}\nsurface sv = svi(chain)\n"
                + "data priced = chain {\n  set ratio = 2 + strike / 0\n  set width = 2 * log(abs(strike - 60000))\n"
                + "  set expired = vol_of(sv, time_to_expiry - 10y, log_moneyness)\n  set fine = vol_of(sv, time_to_expiry, 0)\n}\n");
        MainTest.Result result = margo("run", recipe.toString());
        assertEquals(0, result.exit(), "warnings only: " + result.err());
        List<String> warnings = headlines(result, recipe);
        assertEquals(3, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).matches(java.util.regex.Pattern.quote(recipe + ":6:19: warning: strike / 0 is Infinity in ")
                + "(\\d+) of \\1 rows \\(the first: row 1 of the table\\): division by zero"), warnings.get(0));
        assertTrue(warnings.get(1).matches(java.util.regex.Pattern.quote(recipe + ":7:19: warning: log(abs(strike - 60000))"
                + " is -Infinity in ") + "\\d+ of \\d+ rows \\(the first: row \\d+ of the table\\)"), warnings.get(1));
        assertTrue(warnings.get(2).matches(java.util.regex.Pattern.quote(recipe + ":8:17: warning: vol_of is undefined (NaN) in ")
                + "(\\d+) of \\1 rows; the first: time to expiry -9\\.\\d+ years must be positive"), warnings.get(2));
    }

    @Test
    void aSurfaceFittedToVolsThatOverflowIsAnErrorAtTheFitNotAnInternalError() throws IOException {
        Path recipe = recipeOnTheSampleChain("  keep bid > 0 and ask > 0\n  set mid_iv = mid_iv * 1e300\n}\n"
                + "surface sv = svi(chain)\nshow sv\n");
        MainTest.Result result = margo("run", recipe.toString());
        assertEquals(1, result.exit(), result.err());
        assertEquals(List.of(recipe + ":5:14: error: cannot fit svi to chain: its residuals are not finite numbers, so"
                + " least squares cannot start: implied vols or times this large overflow the total variance iv^2 T"),
                headlines(result, recipe));
    }

    @Test
    void anErrorThatEscapesACommandIsOneLineWithoutATrace() {
        StringWriter err = new StringWriter();
        assertEquals(Main.FAILED, Main.failed(new StackOverflowError(), false, new PrintWriter(err)));
        assertEquals(List.of("margo: internal error: java.lang.StackOverflowError — this is a bug in Margo; please"
                + " report it with the recipe and the command.", "Run again with --debug for details."),
                err.toString().lines().toList());
    }

    @Test
    void anInternalFailureIsReportedAtTheStatementItHappenedIn() {
        SourceFile source = new SourceFile("r.margo", "let x = 1\nshow x\n");
        InternalFailure failure = new InternalFailure(source, new Span(2, 1, 2, 7, 10, 16), "running",
                new IllegalStateException("no scalar of kind table"));
        StringWriter err = new StringWriter();
        assertEquals(Main.FAILED, Main.failed(failure, false, new PrintWriter(err)));
        List<String> lines = err.toString().lines().toList();
        assertEquals("r.margo:2:1: error: internal error while running this statement:"
                + " java.lang.IllegalStateException: no scalar of kind table", lines.getFirst());
        assertEquals("  2 | show x", lines.get(1));
        assertTrue(lines.contains("  hint: this is a bug in Margo; please report it with the recipe and the command"),
                lines.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}
