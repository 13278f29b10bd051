package margo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import margo.dsl.output.PlotlyLibrary;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    static final Path QUICKSTART = Path.of("../examples/quickstart.margo");
    static final Path ERRORS = Path.of("../examples/errors.margo");

    record Result(int exit, String out, String err) {}

    static Result margo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TempDir
    Path folder;

    @Test
    void runPrintsEachShownValueUnderAHeadingAndExitsZero() {
        Result result = margo("run", QUICKSTART.toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals("", result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals("one_month_call (line 14)", lines.get(0));
        assertEquals("chain (line 16)", lines.get(3));
        assertTrue(lines.get(4).matches("\\d+ rows × 8 columns"), lines.get(4));
        assertTrue(lines.get(5).startsWith("instrument"), lines.get(5));
        assertTrue(lines.getLast().matches("… \\d+ more rows"), lines.getLast());
    }

    @Test
    void runAsJsonGivesOutputsAndDiagnosticsAProgramCanRead() {
        Result result = margo("run", QUICKSTART.toString(), "--format", "json");
        assertEquals(0, result.exit(), result.err());
        JsonObject root = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(QUICKSTART.toString(), root.get("file").getAsString());
        JsonArray outputs = root.getAsJsonArray("outputs");
        assertEquals(2, outputs.size());
        JsonObject premium = outputs.get(0).getAsJsonObject();
        assertEquals("one_month_call", premium.get("name").getAsString());
        assertEquals(14, premium.get("line").getAsInt());
        assertEquals("number", premium.get("kind").getAsString());
        assertEquals(Black76.price(OptionType.CALL, 61000, 65000, 28.0 / 365, 0.58), premium.get("value").getAsDouble());
        JsonObject chain = outputs.get(1).getAsJsonObject();
        assertEquals("table", chain.get("kind").getAsString());
        JsonArray rows = chain.getAsJsonArray("value");
        assertTrue(rows.size() > 12, "JSON has every row, not only the 12 displayed");
        for (var row : rows) {
            JsonObject option = row.getAsJsonObject();
            assertEquals(List.of("instrument", "expiry", "strike", "mid_usd", "model_usd", "mid_iv", "iv_of_mid", "spread_iv"),
                    List.copyOf(option.keySet()));
            assertTrue(option.get("mid_iv").getAsDouble() > 0);
            assertEquals(option.get("mid_usd").getAsDouble(), option.get("model_usd").getAsDouble(), 1e-6);
            assertTrue(option.get("expiry").getAsString().endsWith("T08:00:00Z"));
        }
        assertEquals(0, root.getAsJsonArray("diagnostics").size());
    }

    @Test
    void checkReportsTheThreeMistakesOfTheErrorsExampleAtTheirPlaces() {
        Result result = margo("check", ERRORS.toString());
        assertEquals(1, result.exit());
        String file = ERRORS.toString();
        List<String> headlines = result.err().lines().filter(line -> line.startsWith(file)).toList();
        assertEquals(List.of(
                file + ":3:8: error: unknown column 'mid_ivv'",
                file + ":4:8: error: unit mismatch: cannot compare a duration with a number",
                file + ":6:6: error: unknown function 'blak'"), headlines);
        assertTrue(result.err().contains("hint: did you mean mid_iv?"), result.err());
        assertTrue(result.err().contains("hint: did you mean black?"), result.err());
        assertTrue(result.err().contains("    |        ^^^^^^^\n"), result.err());
    }

    @Test
    void runOfARecipeWithErrorsRunsNothingAndExitsOneWithJsonDiagnostics() {
        Result result = margo("run", ERRORS.toString(), "--format", "json");
        assertEquals(1, result.exit());
        JsonObject root = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(0, root.getAsJsonArray("outputs").size());
        JsonArray diagnostics = root.getAsJsonArray("diagnostics");
        assertEquals(3, diagnostics.size());
        JsonObject first = diagnostics.get(0).getAsJsonObject();
        assertEquals("error", first.get("severity").getAsString());
        assertEquals(ERRORS.toString(), first.get("file").getAsString());
        assertEquals(3, first.get("line").getAsInt());
        assertEquals(8, first.get("column").getAsInt());
        assertEquals(3, first.get("end_line").getAsInt());
        assertEquals(15, first.get("end_column").getAsInt());
        assertEquals("did you mean mid_iv?", first.get("hint").getAsString());
        assertTrue(diagnostics.get(1).getAsJsonObject().get("hint").isJsonPrimitive());
    }

    @Test
    void checkOfACleanRecipeSaysSoAndReadsNoData() throws IOException {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/garbage.csv"), "not,an,option,chain\n");
        Path recipe = folder.resolve("clean.margo");
        Files.writeString(recipe, "data chain = options(\"data/garbage.csv\") { keep bid > 0 }\nshow chain\n");
        Result checked = margo("check", recipe.toString());
        assertEquals(0, checked.exit(), checked.err());
        assertEquals(recipe + ": no errors\n", checked.out());
        Result ran = margo("run", recipe.toString());
        assertEquals(1, ran.exit(), "the data is only read, and found wanting, when the recipe runs");
        assertTrue(ran.err().contains(":1:14: error: cannot read data/garbage.csv: "), ran.err());
    }

    @Test
    void checkReportsADataFileThatDoesNotExist() throws IOException {
        Path recipe = folder.resolve("missing.margo");
        Files.writeString(recipe, "let x = 1\ndata chain = options(\"data/not-there.csv\")\n");
        Result result = margo("check", recipe.toString());
        assertEquals(1, result.exit());
        assertTrue(result.err().startsWith(recipe + ":2:14: error: cannot read data/not-there.csv: no such file (looked for "
                + folder.resolve("data/not-there.csv") + ")"), result.err());
    }

    @Test
    void warningsAreReportedButDoNotFailTheRun() throws IOException {
        Path recipe = folder.resolve("warn.margo");
        Files.writeString(recipe, "let v = implied_vol(1, 60000, 40000, 30d, \"call\")\nv\n");
        Result result = margo("run", recipe.toString());
        assertEquals(0, result.exit());
        assertEquals("v (line 2)\nnone\n", result.out());
        assertTrue(result.err().startsWith(recipe + ":1:9: warning: implied_vol is undefined (NaN)"), result.err());
    }

    @Test
    void docsDescribesEveryBuiltinFunctionAndChainColumn() {
        Result result = margo("docs");
        assertEquals(0, result.exit());
        for (FunctionSpec function : Registry.standard().functions()) {
            assertTrue(result.out().contains("### " + function.signature()), function.name());
        }
        Registry.standard().chainColumns().forEach(column -> assertTrue(result.out().contains("`" + column.name() + "`")));
        assertTrue(result.out().contains("expiry >= 2d"), "the time-remaining rule is documented");
    }

    @Test
    void docsOfOneNameShowsItsEntryAndSuggestsForAMisspeltOne() {
        Result black = margo("docs", "black");
        assertEquals(0, black.exit());
        assertTrue(black.out().startsWith("### black(forward, strike, time, vol, type) -> number"), black.out());
        Result misspelt = margo("docs", "implied_voll");
        assertEquals(2, misspelt.exit());
        assertEquals("margo: no built-in named 'implied_voll'; did you mean implied_vol?", misspelt.err().lines().findFirst().orElseThrow());
    }

    @Test
    void usageErrorsAreOneLineWithExitCodeTwo() {
        Result unknownOption = margo("run", "--colour", QUICKSTART.toString());
        assertEquals(2, unknownOption.exit());
        assertEquals("margo: Unknown option: '--colour'", unknownOption.err().lines().findFirst().orElseThrow());
        Result missing = margo("run", "nowhere.margo");
        assertEquals(2, missing.exit());
        assertEquals("margo: cannot read nowhere.margo: no such file", missing.err().lines().findFirst().orElseThrow());
        Result noCommand = margo();
        assertEquals(2, noCommand.exit());
        assertEquals("margo: missing command: run, check, docs or kernel", noCommand.err().lines().findFirst().orElseThrow());
        Result badFormat = margo("run", QUICKSTART.toString(), "--format", "yaml");
        assertEquals(2, badFormat.exit());
        assertEquals("", missing.out());
    }

    @Test
    void runWritesHtmlToAFileWithOut() throws IOException {
        Path page = folder.resolve("quickstart.html");
        Result result = margo("run", QUICKSTART.toString(), "--format", "html", "--out", page.toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals("", result.out());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<h3>chain (line 16)</h3>\n<table style="), html);
    }

    @Test
    void versionNamesTheBuild() {
        Result result = margo("--version");
        assertEquals(0, result.exit());
        assertTrue(result.out().matches("margo \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), result.out());
    }
    static final Path SMILE = Path.of("../examples/smile.margo");

    @Test
    void runAsHtmlInlinesPlotlyOnceInTheHeadAndDrawsEachFigureInItsOwnDiv() throws IOException {
        Path page = folder.resolve("smile.html");
        Result result = margo("run", SMILE.toString(), "--format", "html", "--out", page.toString());
        assertEquals(0, result.exit(), result.err());
        String html = Files.readString(page);
        String bundle = PlotlyLibrary.gzippedBase64();
        int at = html.indexOf(bundle);
        assertTrue(at > 0 && at < html.indexOf("</head>"), "plotly.js is in the head");
        assertEquals(-1, html.indexOf(bundle, at + 1), "plotly.js is in the page once");
        assertEquals(2, html.split("class=\"margo-figure\"", -1).length - 1, "one div per plot statement");
        assertTrue(html.contains("<div id=\"margo-figure-1\"") && html.contains("<div id=\"margo-figure-2\""));
        assertFalse(java.util.regex.Pattern.compile("<script[^>]*\\ssrc\\s*=").matcher(html).find(), "nothing is fetched");
    }

    @Test
    void runAsTextNotesEachFigureAndWhereToSeeIt() {
        Result result = margo("run", SMILE.toString());
        assertEquals(0, result.exit(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals("smile(chain) (line 7)", lines.get(0));
        assertTrue(lines.get(1).matches("figure: smile of chain, \\d+ panels \\(a chart: see it with --format html\\)"),
                lines.get(1));
    }

    @Test
    void runAsJsonGivesAFigureAsItsPlotlyJson() {
        Result result = margo("run", SMILE.toString(), "--format", "json");
        assertEquals(0, result.exit(), result.err());
        JsonObject output = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray("outputs").get(1)
                .getAsJsonObject();
        assertEquals("figure", output.get("kind").getAsString());
        assertEquals("smile(chain, x \"strike\")", output.get("name").getAsString());
        JsonObject figure = output.getAsJsonObject("value");
        assertTrue(figure.getAsJsonArray("data").size() > 0, figure.toString());
        assertEquals("strike (USD)", figure.getAsJsonObject("layout").getAsJsonObject("xaxis").getAsJsonObject("title")
                .get("text").getAsString());
    }
}
