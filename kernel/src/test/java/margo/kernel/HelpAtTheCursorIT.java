package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help where the cursor is, as a front end asks for it through jupyter_client: magics, {@code name?} in the pager,
 * is_complete by the language's parser. One kernel runs in a scratch notebook folder holding a copy of the sample
 * chain, so that {@code %save} writes a recipe whose data paths resolve, which {@code margo run} then runs.
 */
class HelpAtTheCursorIT {

    private static final String CHAIN = "data chain = options(\"data/deribit-btc-sample.csv\") {\n"
            + "  keep bid_iv > 0 and ask_iv > 0\n  set spread = ask_iv - bid_iv\n}";
    private static final String PRICE = "show black(61000, 65000, 28d, atm, \"call\")";

    @TempDir
    static Path root;
    static Path notebooks;
    static JupyterTestBed jupyter;
    static KernelScript kernel = new KernelScript();

    @BeforeAll
    static void runOneKernelInAScratchNotebookFolder() throws Exception {
        jupyter = JupyterTestBed.install(root);
        notebooks = Files.createDirectories(root.resolve("notebooks"));
        Files.createDirectories(notebooks.resolve("data"));
        Path examples = Path.of(JupyterTestBed.requiredProperty("margo.examples"));
        Files.copy(examples.resolve("data/deribit-btc-sample.csv"), notebooks.resolve("data/deribit-btc-sample.csv"));
        kernel.execute("chain", CHAIN)
                .execute("atm", "let atm = 58%")
                .execute("failing", "show atm + nope")
                .execute("price", PRICE)
                .execute("time", "%time let twice = 2 * atm")
                .execute("time cell", "%%time\nshow twice")
                .execute("who", "%who")
                .execute("docs", "%docs keep")
                .execute("unknown magic", "%whos")
                .execute("help", "black?")
                .execute("more help", "black??")
                .execute("save", "%save session.margo")
                .inspectAt("call", "show black(|", 0)
                .inspectAt("call in detail", "show black(|", 1)
                .inspectAt("argument", "show black(61000, 6|5000, 28d", 0)
                .inspectAt("keep", "data c = chain {\n  ke|ep spread < 5%\n}", 0)
                .inspectAt("solver setting", "fit hf = calibrate hs to chain {\n  method bobyqa { max_eval|uations 100 }\n}", 0)
                .completeAt("path", "data more = options(\"data/de|")
                .completeAt("in a string", "show \"deribit_st|")
                .completeAt("model parameter", "model hs = heston {\n  ka|")
                .completeAt("rules setting", "rules pm = portfolio_margin {\n  vol_|")
                .completeAt("column", "data wide = chain {\n  keep spr|")
                .isComplete("dangling operator", "let x = 1 +")
                .isComplete("operand on the next line", "let x = 1 +\n  2")
                .isComplete("misplaced operator", "let x = * 2")
                .drive(jupyter, notebooks, Duration.ofSeconds(120));
    }

    @Test
    void timePrintsTheWallTimeOfAStatementOrOfTheWholeCell() {
        assertEquals("ok", kernel.reply("time").get("status").getAsString());
        assertTrue(kernel.stream("time", "stdout").matches("Wall time: [0-9.]+ (µs|ms|s)\n"), kernel.result("time").toString());
        assertTrue(kernel.stream("time cell", "stdout").startsWith("Wall time: "), kernel.result("time cell").toString());
        assertEquals(List.of("1.1600"), kernel.plainTexts("time cell"), "the timed cell still shows its value");
    }

    @Test
    void whoListsTheBindingsWithKindAndSummary() {
        List<String> lines = kernel.stream("who", "stdout").lines().toList();
        assertEquals(List.of("name", "kind", "summary"), List.of(lines.get(0).split("\\s+")));
        assertTrue(lines.get(1).matches("chain\\s+table\\s+\\d+ rows × \\d+ columns: instrument, .*"), lines.get(1));
        assertTrue(lines.get(2).matches("atm\\s+number\\s+58%"), lines.get(2));
        assertTrue(lines.get(3).matches("twice\\s+number\\s+1\\.16.*"), lines.get(3));
    }

    @Test
    void docsShowsTheEntryOfAStatementWordInTheCell() {
        JsonObject data = kernel.outputsOfType("docs", "display_data").getFirst().getAsJsonObject("data");
        assertTrue(data.get("text/markdown").getAsString().startsWith("### keep (clause)"), data.toString());
    }

    @Test
    void anUnknownMagicIsAnErrorThatListsEveryMagic() {
        JsonObject reply = kernel.reply("unknown magic");
        assertEquals("error", reply.get("status").getAsString());
        String traceback = String.join("\n", KernelScript.strings(reply.getAsJsonArray("traceback")));
        assertTrue(traceback.startsWith("cell[" + reply.get("execution_count").getAsInt() + "]:1:1: error: there is no magic %whos"), traceback);
        for (Magics.Usage magic : Magics.MAGICS) {
            assertTrue(traceback.contains(magic.written()), magic.written() + " is listed: " + traceback);
        }
        assertFalse(traceback.contains("at margo."), traceback);
    }

    private static String inspected(String name) {
        JsonObject reply = kernel.reply(name);
        assertTrue(reply.get("found").getAsBoolean(), name + ": " + reply);
        return reply.getAsJsonObject("data").get("text/plain").getAsString();
    }

    @Test
    void aQuestionMarkShowsTheDocumentationInThePagerAndNothingInTheCell() {
        for (String asked : List.of("help", "more help")) {
            JsonArray payload = kernel.reply(asked).getAsJsonArray("payload");
            assertEquals(1, payload.size(), kernel.reply(asked).toString());
            JsonObject page = payload.get(0).getAsJsonObject();
            assertEquals("page", page.get("source").getAsString());
            assertTrue(page.getAsJsonObject("data").get("text/plain").getAsString().startsWith("### black(forward, strike, time, vol, type)"), page.toString());
            assertEquals(List.of(), kernel.outputsOfType(asked, "execute_result"));
        }
        String more = kernel.reply("more help").getAsJsonArray("payload").get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString();
        String less = kernel.reply("help").getAsJsonArray("payload").get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(more.contains("Example:") && !less.contains("Example:"), "?? adds the example:\n" + less + "\n---\n" + more);
    }

    @Test
    void saveWritesARecipeThatMargoRunReproducesWithoutTheFailedCell() throws Exception {
        assertEquals("ok", kernel.reply("save").get("status").getAsString(), kernel.result("save").toString());
        Path saved = notebooks.resolve("session.margo");
        String recipe = Files.readString(saved);
        assertFalse(recipe.contains("nope"), recipe);
        JupyterTestBed.ProcessResult run = jupyter.run(Duration.ofSeconds(60), root, List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jupyter.jar().toString(), "run", saved.toString()));
        run.requireSuccess("margo run " + saved);
        String price = kernel.plainTexts("price").getFirst();
        assertTrue(run.stdout().contains(price), "margo run shows the price the cell showed, " + price + ":\n" + run.stdout());
    }

    @Test
    void inspectionInACallShowsTheFunctionWithTheArgumentAtTheCursor() {
        String call = inspected("call");
        assertTrue(call.startsWith("At `forward`, argument 1 of black:") && call.contains("black(forward, strike, time, vol, type)"), call);
        assertFalse(call.contains("Example:"), "detail level 0 is short: " + call);
        assertTrue(inspected("call in detail").contains("Example:"), inspected("call in detail"));
        assertTrue(inspected("argument").startsWith("At `strike`, argument 2 of black:"), inspected("argument"));
    }

    @Test
    void inspectionOfAClauseWordOrASettingShowsItsOwnEntry() {
        assertTrue(inspected("keep").startsWith("### keep (clause)"), inspected("keep"));
        assertTrue(inspected("solver setting").startsWith("### bobyqa { max_evaluations ... }"), inspected("solver setting"));
    }

    @Test
    void completionOffersPathsInALoadersStringAndNothingInOtherStrings() {
        assertEquals(List.of("data/deribit-btc-sample.csv"), kernel.matches("path"));
        assertEquals("data more = options(\"".length(), kernel.reply("path").get("cursor_start").getAsInt());
        assertEquals(List.of(), kernel.matches("in a string"));
    }

    @Test
    void completionOffersModelParametersRulesSettingsAndTheColumnsOfTheTableInScope() {
        assertEquals(List.of("kappa"), kernel.matches("model parameter"));
        assertTrue(kernel.matches("rules setting").containsAll(List.of("vol_up", "vol_down")), kernel.matches("rules setting").toString());
        assertEquals(List.of("spread"), kernel.matches("column"), "the column the chain's block set");
    }

    @Test
    void isCompleteAsksForMoreAfterADanglingOperatorAndRefusesAMistake() {
        assertEquals("incomplete", kernel.reply("dangling operator").get("status").getAsString());
        assertEquals("complete", kernel.reply("operand on the next line").get("status").getAsString());
        assertEquals("invalid", kernel.reply("misplaced operator").get("status").getAsString());
    }
}
