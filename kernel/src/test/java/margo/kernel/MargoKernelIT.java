package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Margo's kernel as Jupyter sees it: one real kernel process, started from the installed kernelspec
 * by jupyter_client's KernelManager, is sent a sequence of requests (kernel_client.py), and each
 * test below checks one part of what it answered.
 */
class MargoKernelIT {

    private static final String ERROR_CELL = "let y = 1\nshow y + nope";
    /** A script cell: the kernel loads the engine from its kernelspec's engine folder. */
    private static final String SCRIPT_CELL = "script js \"\"\"\nfunction twice(x) { return 2 * x; }\n"
            + "function spin(x) { while (true) {} }\n\"\"\" exports twice, spin";
    private static final String WARNING_CELL = "show implied_vol(1, 60000, 50000, 30d, \"call\")";
    private static final String COMPLETION_CELL = "let v = impl";
    /** Loads the sample chain 2,500 times: half a minute or more, unless interrupted. */
    private static final String LONG_CELL = IntStream.range(0, 2500)
            .mapToObj(i -> "data copy" + i + " = options(\"data/deribit-btc-sample.csv\") { keep bid > 0 }")
            .collect(Collectors.joining("\n"));
    /** Two figures in one cell: the first is published with display_data, the second as the cell's result. */
    private static final String FIGURE_CELL = "data smiles = options(\"data/deribit-btc-sample.csv\") {\n"
            + "  keep bid_iv > 0 and ask_iv > 0\n}\nplot smile(smiles)\nplot smile(smiles, x \"strike\")";
    /** A small multi-start fit: near-the-money quotes of two expiries, three starts. */
    private static final String FIT_CELL = "data near = options(\"data/deribit-btc-sample.csv\") {\n"
            + "  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.1 and expiry >= 20d and expiry <= 60d\n}\n"
            + "model hs = heston\nfit hf = calibrate hs to near { starts 3 }\nshow hf";
    private static final String PLOTLY = "application/vnd.plotly.v1+json";
    /** The statement of FigureHtml's loader that holds plotly.js: once per copy of the library. */
    private static final String LIBRARY = "var packed = \"";
    /** The fit of FIT_CELL with a thousand starts: far longer than any test waits for, unless stopped. */
    private static final String LONG_FIT_CELL = FIT_CELL.replace("starts 3", "starts 1000");
    /** A week of daily chains replayed as seven updates. */
    private static final String REPLAY_CELL = "data week = snapshots(\"data/heston-series\")\nmodel hw = heston\n"
            + "replay live = calibrate hw to week { budget 1h }\nshow live";
    /** Two billion starts: more memory than the kernel has, unless a limit refuses it first. */
    private static final String MEMORY_CELL = FIT_CELL.replace("starts 3", "starts 2000000000");
    private static final String LONG_SUM = "show " + "1 + ".repeat(4999) + "1";
    private static final String DEEP_PARENTHESES = "show " + "(".repeat(3000) + "1" + ")".repeat(3000);
    /** Deeper than any stack: the language refuses it or overflows, and either way the cell fails cleanly. */
    private static final String DEEPER_PARENTHESES = "show " + "(".repeat(200_000) + "1" + ")".repeat(200_000);
    /** A device as data: refused before it is read, where reading would never end. */
    private static final String DEV_ZERO_CELL = "data zero = options(\"/dev/zero\")\nshow zero";
    private static final String OPEN_BLOCK = "data chain = options(\"data/deribit-btc-sample.csv\") {\n  keep bid_iv > 0";

    @TempDir
    static Path root;
    static JupyterTestBed jupyter;
    static JsonObject report;
    /** The report read by request name. */
    static KernelScript answers;

    @BeforeAll
    static void runOneKernelThroughAScriptOfRequests() throws Exception {
        jupyter = JupyterTestBed.install(root);
        Path deepJson = root.resolve("deep.json");
        Files.writeString(deepJson, "[".repeat(100_000) + "]".repeat(100_000));
        JsonArray requests = new JsonArray();
        requests.add(request("info", "kernel_info"));
        requests.add(execute("define", "let x = 2 + 3"));
        requests.add(execute("use", "show x * 2"));
        requests.add(execute("table", "data chain = options(\"data/deribit-btc-sample.csv\") {\n  keep bid_iv > 0 and ask_iv > 0\n}\nshow chain"));
        requests.add(execute("figures", FIGURE_CELL));
        requests.add(execute("figures again", FIGURE_CELL));
        requests.add(execute("fit", FIT_CELL));
        requests.add(execute("replay", REPLAY_CELL));
        requests.add(execute("error", ERROR_CELL));
        requests.add(execute("warning", WARNING_CELL));
        requests.add(execute("script", SCRIPT_CELL));
        requests.add(execute("script stuck", "spin(1)"));
        requests.add(execute("after script", "twice(4)"));
        requests.add(atCursor("complete", "complete", COMPLETION_CELL, COMPLETION_CELL.length()));
        requests.add(atCursor("complete bound", "complete", "show ch", 7));
        JsonObject inspect = atCursor("inspect", "inspect", "implied_vol", 3);
        inspect.addProperty("detail_level", 1);
        requests.add(inspect);
        requests.add(atCursor("inspect bound", "inspect", "show x + 1", 6));
        requests.add(request("open block", "is_complete", OPEN_BLOCK));
        requests.add(request("closed block", "is_complete", OPEN_BLOCK + "\n}"));
        requests.add(execute("long sum", LONG_SUM));
        requests.add(execute("after long sum", "show 2 + 2"));
        requests.add(execute("deep parentheses", DEEP_PARENTHESES));
        requests.add(execute("after deep parentheses", "show 2 + 2"));
        requests.add(execute("deeper parentheses", DEEPER_PARENTHESES));
        requests.add(execute("after deeper parentheses", "show 2 + 2"));
        requests.add(execute("dev zero", DEV_ZERO_CELL));
        requests.add(execute("after dev zero", "show 2 + 2"));
        requests.add(execute("deep json", "data deep = options(\"" + deepJson + "\")\nshow deep"));
        requests.add(execute("after deep json", "show 2 + 2"));
        requests.add(execute("memory", MEMORY_CELL));
        requests.add(execute("after memory", "show 2 + 2"));
        JsonObject asking = request("asked during fit", "execute_while_asking", LONG_FIT_CELL);
        asking.addProperty("after_seconds", 1.5);
        requests.add(asking);
        requests.add(execute("after asking", "show 2 + 2"));
        requests.add(request("interrupt", "interrupt"));
        JsonObject running = request("interrupted", "execute_and_interrupt", LONG_CELL);
        running.addProperty("after_seconds", 1.5);
        requests.add(running);
        requests.add(execute("after interrupt", "show x"));
        JsonObject history = request("history", "history");
        history.addProperty("n", 100);
        requests.add(history);
        JsonObject script = new JsonObject();
        script.add("requests", requests);
        JsonObject whileRunning = new JsonObject();
        whileRunning.addProperty("code", LONG_FIT_CELL);
        whileRunning.addProperty("after_seconds", 1.5);
        script.add("shutdown_while_running", whileRunning);
        // The kernel's working directory is the folder of the notebook; here, examples/, so that
        // the cells' relative data paths resolve as they do in a recipe there.
        Path examples = Path.of(JupyterTestBed.requiredProperty("margo.examples"));
        report = jupyter.driveKernel(examples, script, Duration.ofSeconds(240));
        answers = KernelScript.reading(report);
    }

    @Test
    void kernelspecListShowsMargoInstalledByTheJar() throws Exception {
        JupyterTestBed.ProcessResult listed = jupyter.run(Duration.ofSeconds(60), root, List.of(JupyterTestBed.JUPYTER, "kernelspec", "list", "--json"));
        listed.requireSuccess("jupyter kernelspec list");
        JsonObject margo = JsonParser.parseString(listed.stdout()).getAsJsonObject().getAsJsonObject("kernelspecs").getAsJsonObject("margo");
        assertTrue(margo != null, "jupyter kernelspec list shows no margo kernel: " + listed.stdout());
        assertEquals(jupyter.kernelSpecDirectory().toRealPath(), Path.of(margo.get("resource_dir").getAsString()).toRealPath());
        assertEquals("margo", margo.getAsJsonObject("spec").get("language").getAsString());
    }

    @Test
    void kernelInfoDescribesTheMargoLanguage() {
        JsonObject reply = reply("info");
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        assertTrue(reply.get("protocol_version").getAsString().startsWith("5."), reply.toString());
        JsonObject language = reply.getAsJsonObject("language_info");
        assertEquals("margo", language.get("name").getAsString());
        assertEquals(".margo", language.get("file_extension").getAsString());
        assertEquals("text/x-margo", language.get("mimetype").getAsString());
        assertEquals("margo", language.get("codemirror_mode").getAsString(), "the mode the kernelspec's kernel.js defines");
        assertEquals("python", language.get("pygments_lexer").getAsString(), "a lexer nbconvert has");
        assertTrue(reply.get("banner").getAsString().contains("Margo"), reply.toString());
    }

    @Test
    void bindingsOfOneCellAreVisibleInLaterCells() {
        assertEquals("ok", reply("define").get("status").getAsString(), result("define").toString());
        assertEquals(List.of(), outputsOfType("define", "error"));
        assertEquals("ok", reply("use").get("status").getAsString(), result("use").toString());
        assertEquals(List.of("10"), plainTexts("use"));
    }

    @Test
    void aTableIsPublishedAsHtmlAndPlainText() {
        assertEquals("ok", reply("table").get("status").getAsString(), result("table").toString());
        List<JsonObject> bundles = new ArrayList<>(outputsOfType("table", "display_data"));
        bundles.addAll(outputsOfType("table", "execute_result"));
        assertEquals(1, bundles.size(), "one shown table, one output: " + result("table"));
        JsonObject data = bundles.getFirst().getAsJsonObject("data");
        assertTrue(data.has("text/html") && data.get("text/html").getAsString().contains("<table"), data.toString());
        assertTrue(data.has("text/plain") && data.get("text/plain").getAsString().contains("strike"), data.toString());
        assertTrue(data.get("text/plain").getAsString().startsWith("chain: "), "the table is named: " + data.get("text/plain"));
        assertTrue(data.get("text/html").getAsString().contains("<b style=\"color:#222\">chain</b>: "), "the HTML caption names the table");
    }

    @Test
    void aFigureIsPublishedAsPlotlyJsonHtmlSvgAndTextThatAgreeOnItsPanels() throws Exception {
        assertEquals("ok", reply("figures").get("status").getAsString(), "the figure cell failed");
        List<JsonObject> bundles = new ArrayList<>(outputsOfType("figures", "display_data"));
        bundles.addAll(outputsOfType("figures", "execute_result"));
        assertEquals(2, bundles.size(), "two plots, two outputs");
        for (JsonObject bundle : bundles) {
            JsonObject data = bundle.getAsJsonObject("data");
            assertEquals(Set.of(PLOTLY, "text/html", "image/svg+xml", "text/plain"), data.keySet());
            Matcher plain = Pattern.compile("figure: smile of smiles, (\\d+) panels").matcher(data.get("text/plain").getAsString());
            assertTrue(plain.matches(), data.get("text/plain").getAsString());
            int panels = Integer.parseInt(plain.group(1));
            assertTrue(panels > 1, "the sample chain has several expiries");
            JsonObject figure = data.getAsJsonObject(PLOTLY);
            long xAxes = figure.getAsJsonObject("layout").keySet().stream().filter(key -> key.startsWith("xaxis")).count();
            assertEquals(panels, xAxes, "one subplot per panel in the Plotly figure");
            assertTrue(figure.getAsJsonArray("data").size() >= panels, "at least one trace per panel");
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                    new InputSource(new StringReader(data.get("image/svg+xml").getAsString())));
            int svgPanels = 0;
            NodeList groups = svg.getElementsByTagName("g");
            for (int i = 0; i < groups.getLength(); i++) {
                svgPanels += ((Element) groups.item(i)).getAttribute("class").equals("panel") ? 1 : 0;
            }
            assertEquals(panels, svgPanels, "one panel per expiry in the SVG picture");
            String html = data.get("text/html").getAsString();
            assertTrue(html.contains("class=\"margo-figure\"") && html.contains("<svg"), "the HTML holds the picture until Plotly draws");
            assertFalse(Pattern.compile("<script[^>]*\\ssrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                    "no script is loaded from anywhere, a CDN least of all");
        }
        String first = bundles.get(0).getAsJsonObject("data").get("text/html").getAsString();
        String second = bundles.get(1).getAsJsonObject("data").get("text/html").getAsString();
        assertEquals(1, first.split(Pattern.quote(LIBRARY), -1).length - 1, "the session's first figure carries plotly.js");
        assertFalse(second.contains(LIBRARY), "later figures of the cell wait for the copy of the first");
    }

    @Test
    void plotlyJsComesOncePerSessionNotOncePerCell() {
        assertEquals("ok", reply("figures again").get("status").getAsString(), result("figures again").toString());
        List<JsonObject> bundles = new ArrayList<>(outputsOfType("figures again", "display_data"));
        bundles.addAll(outputsOfType("figures again", "execute_result"));
        assertEquals(2, bundles.size(), "two plots, two outputs");
        for (JsonObject bundle : bundles) {
            String html = bundle.getAsJsonObject("data").get("text/html").getAsString();
            assertTrue(html.contains("class=\"margo-figure\""), html);
            assertFalse(html.contains(LIBRARY), "a later cell's figures wait for the copy of the session's first figure");
        }
    }

    @Test
    void aRunningFitShowsItsProgressOnOneDisplayBeforeTheResult() {
        assertEquals("ok", reply("fit").get("status").getAsString(), result("fit").toString());
        List<String> types = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> displayIds = new HashSet<>();
        for (JsonElement element : result("fit").getAsJsonArray("outputs")) {
            JsonObject output = element.getAsJsonObject();
            String type = output.get("output_type").getAsString();
            JsonObject data = output.getAsJsonObject("data");
            String text = data == null ? "" : data.get("text/plain").getAsString();
            if ((type.equals("display_data") || type.equals("update_display_data"))
                    && text.matches("calibrat(ing: [0-2] of 3 starts done|ed: 3 starts), \\d+ evaluations, objective .+")) {
                types.add(type);
                texts.add(text);
                displayIds.add(output.getAsJsonObject("transient").get("display_id").getAsString());
            }
            if (type.equals("execute_result")) {
                break;
            }
        }
        assertTrue(!types.isEmpty(), "progress before the result: " + result("fit"));
        assertEquals("display_data", types.getFirst(), "the first report opens the display: " + types);
        assertTrue(types.subList(1, types.size()).stream().allMatch("update_display_data"::equals), types.toString());
        assertEquals(1, displayIds.size(), "one display id for the fit: " + displayIds);
        assertTrue(texts.getLast().startsWith("calibrated: 3 starts, "), "the line left says the fit ended: " + texts);
        assertEquals(1, outputsOfType("fit", "execute_result").size(), result("fit").toString());
    }

    @Test
    void aReplayShowsEachUpdateOnOneDisplayAsItIsFitted() {
        assertEquals("ok", reply("replay").get("status").getAsString(), result("replay").toString());
        List<String> types = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> displayIds = new HashSet<>();
        for (JsonElement element : result("replay").getAsJsonArray("outputs")) {
            JsonObject output = element.getAsJsonObject();
            String type = output.get("output_type").getAsString();
            JsonObject data = output.getAsJsonObject("data");
            String text = data == null ? "" : data.get("text/plain").getAsString();
            if ((type.equals("display_data") || type.equals("update_display_data")) && text.startsWith("replay")) {
                types.add(type);
                texts.add(text);
                displayIds.add(output.getAsJsonObject("transient").get("display_id").getAsString());
            }
        }
        assertEquals(7, types.size(), "one line per update: " + texts);
        assertEquals("display_data", types.getFirst(), types.toString());
        assertTrue(types.subList(1, types.size()).stream().allMatch("update_display_data"::equals), types.toString());
        assertEquals(1, displayIds.size(), displayIds.toString());
        assertTrue(texts.getFirst().startsWith("replaying live: update 1 of 7 (2024-03-01T08:00:00Z) in "),
                texts.getFirst());
        assertTrue(texts.getLast().startsWith("replayed live: 7 updates, the last (2024-03-07T08:00:00Z)"),
                texts.getLast());
        assertEquals(1, outputsOfType("replay", "execute_result").size(), result("replay").toString());
    }

    @Test
    void anErrorIsReportedAtItsCellLineAndColumnWithoutAJavaStackTrace() {
        JsonObject reply = reply("error");
        assertEquals("error", reply.get("status").getAsString(), result("error").toString());
        assertEquals("MargoError", reply.get("ename").getAsString());
        int cell = reply.get("execution_count").getAsInt();
        List<JsonObject> errors = outputsOfType("error", "error");
        assertEquals(1, errors.size(), result("error").toString());
        JsonObject error = errors.getFirst();
        assertEquals("MargoError", error.get("ename").getAsString());
        assertTrue(error.get("evalue").getAsString().contains("nope"), error.toString());
        String traceback = String.join("\n", strings(error.getAsJsonArray("traceback")));
        // `nope` starts at line 2, column 10 of "let y = 1\nshow y + nope".
        assertTrue(traceback.contains("cell[" + cell + "]:2:10: error:"), traceback);
        assertCaretUnder("nope", "show y + nope", strings(error.getAsJsonArray("traceback")));
        String everything = traceback + "\n" + reply;
        assertFalse(everything.contains("Exception"), everything);
        assertFalse(everything.contains("at margo."), everything);
        assertFalse(everything.contains("at org."), everything);
    }

    @Test
    void aScriptLoadsInTheKernelAndAStuckCallIsAnErrorAfterWhichTheSessionGoesOn() {
        assertEquals("ok", reply("script").get("status").getAsString(), result("script").toString());
        // The kernelspec keeps the start-up cache, so scripts run interpreted, and the first one says why.
        String notes = outputsOfType("script", "stream").stream().map(stream -> stream.get("text").getAsString())
                .reduce("", String::concat);
        assertTrue(notes.contains("note: JavaScript runs interpreted"), notes);
        assertEquals("error", reply("script stuck").get("status").getAsString(), result("script stuck").toString());
        String stuck = outputsOfType("script stuck", "error").getFirst().get("evalue").getAsString();
        assertTrue(stuck.contains("spin(...) ran out of resources") && stuck.contains("at line 3 of its script"),
                stuck);
        assertEquals(List.of("8"), plainTexts("after script"));
    }

    @Test
    void aWarningGoesToStderrAndTheCellStillRuns() {
        JsonObject reply = reply("warning");
        assertEquals("ok", reply.get("status").getAsString(), result("warning").toString());
        int cell = reply.get("execution_count").getAsInt();
        List<JsonObject> streams = outputsOfType("warning", "stream");
        assertEquals(1, streams.size(), result("warning").toString());
        assertEquals("stderr", streams.getFirst().get("name").getAsString());
        String text = streams.getFirst().get("text").getAsString();
        // A call priced at 1 USD with 10,000 USD of intrinsic value has no implied volatility.
        assertTrue(text.startsWith("cell[" + cell + "]:1:6: warning:") && text.contains("intrinsic"), text);
        assertEquals(List.of("none"), plainTexts("warning"), "no value reads as a word, not NaN");
    }

    @Test
    void completionOffersBuiltInsStartingWithTheWordAtTheCursor() {
        JsonObject reply = reply("complete");
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        assertTrue(strings(reply.getAsJsonArray("matches")).contains("implied_vol"), reply.toString());
        assertEquals(COMPLETION_CELL.indexOf("impl"), reply.get("cursor_start").getAsInt());
        assertEquals(COMPLETION_CELL.length(), reply.get("cursor_end").getAsInt());
    }

    @Test
    void completionOffersNamesBoundInEarlierCells() {
        JsonObject reply = reply("complete bound");
        assertEquals("chain", strings(reply.getAsJsonArray("matches")).getFirst(), reply.toString());
        assertEquals(5, reply.get("cursor_start").getAsInt());
    }

    @Test
    void inspectionOfABoundNameShowsItsValue() {
        JsonObject reply = reply("inspect bound");
        assertTrue(reply.get("found").getAsBoolean(), reply.toString());
        assertEquals("x: number\n5", reply.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void historyListsTheCellsRunSoFarAsSessionLineInputTriples() {
        JsonArray history = reply("history").getAsJsonArray("history");
        JsonArray first = history.get(0).getAsJsonArray();
        assertEquals(0, first.get(0).getAsInt(), history.toString());
        assertEquals(reply("define").get("execution_count").getAsInt(), first.get(1).getAsInt(), history.toString());
        assertEquals("let x = 2 + 3", first.get(2).getAsString());
        assertEquals("show x", history.get(history.size() - 1).getAsJsonArray().get(2).getAsString());
    }

    @Test
    void inspectionShowsTheRegistryDocumentationOfABuiltIn() {
        JsonObject reply = reply("inspect");
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        assertTrue(reply.get("found").getAsBoolean(), reply.toString());
        JsonObject data = reply.getAsJsonObject("data");
        String text = data.get("text/plain").getAsString();
        assertTrue(text.contains("implied_vol(price, forward, strike, time, type)"), "the signature: " + text);
        assertTrue(text.contains("Jaeckel"), "the documentation: " + text);
        assertTrue(text.contains("let vol = implied_vol("), "an example: " + text);
        assertEquals(text, data.get("text/markdown").getAsString());
    }

    @Test
    void aCellWithAnOpenBlockIsIncomplete() {
        assertEquals("incomplete", reply("open block").get("status").getAsString());
        assertEquals("complete", reply("closed block").get("status").getAsString());
    }

    @Test
    void anInterruptStopsTheRunningCellWithAnError() {
        JsonObject interrupted = result("interrupted");
        assertEquals("error", reply("interrupted").get("status").getAsString(), interrupted.toString());
        assertEquals("interrupted", reply("interrupted").get("evalue").getAsString(), interrupted.toString());
        assertTrue(interrupted.get("seconds").getAsDouble() < 15, "the cell ran on after the interrupt: " + interrupted);
    }

    @Test
    void anInterruptLeavesTheKernelAndItsBindingsAlive() {
        assertTrue(result("interrupt").get("alive").getAsBoolean(), "the kernel died when interrupted: " + report.get("kernel_log"));
        assertEquals("ok", reply("after interrupt").get("status").getAsString(), result("after interrupt").toString());
        assertEquals(List.of("5"), plainTexts("after interrupt"));
    }

    @Test
    void aShutdownRequestDuringALongFitIsAnsweredAndEndsTheKernelProcessAtOnce() {
        assertTrue(report.get("alive").getAsBoolean(), "the kernel was alive after all requests");
        JsonObject shutdown = report.getAsJsonObject("shutdown");
        assertEquals("ok", shutdown.getAsJsonObject("reply").get("status").getAsString(), shutdown.toString());
        assertTrue(shutdown.get("exited").getAsBoolean(), "the kernel did not exit after a shutdown request: " + shutdown);
        assertEquals(0, shutdown.get("exit_code").getAsInt(), shutdown + "\n" + report.get("kernel_log"));
        assertTrue(shutdown.get("seconds").getAsDouble() < 5, "the kernel waited for the fit to end: " + shutdown);
    }

    /**
     * Issue 17's triggers of Java errors: a 5,000-term sum and 3,000-deep parentheses run or are refused with a
     * diagnostic; nesting deeper than any stack, /dev/zero and JSON nested 100,000 deep as data, and a fit asking
     * for more memory than there is, fail with an error reply that has no Java stack trace. After each the kernel
     * runs the next cell as usual.
     */
    @Test
    void hugeExpressionsAndExhaustedMemoryFailCleanlyAndTheKernelRunsTheNextCell() {
        for (String abuse : List.of("long sum", "deep parentheses", "deeper parentheses", "dev zero", "deep json",
                "memory")) {
            JsonObject reply = reply(abuse);
            assertTrue(Set.of("ok", "error").contains(reply.get("status").getAsString()), abuse + ": " + reply);
            String everything = result(abuse).toString();
            assertFalse(everything.contains("\\tat ") || everything.contains("java.lang."), abuse + " showed Java internals: " + everything);
            assertEquals("ok", reply("after " + abuse).get("status").getAsString(), result("after " + abuse).toString());
            assertEquals(List.of("4"), plainTexts("after " + abuse));
        }
        assertEquals("error", reply("deeper parentheses").get("status").getAsString());
        assertEquals("error", reply("dev zero").get("status").getAsString());
        assertTrue(result("dev zero").toString().contains("it is a device, not a regular file"), result("dev zero").toString());
        assertEquals("error", reply("deep json").get("status").getAsString());
        assertTrue(result("deep json").toString().contains("nests arrays and objects deeper than 64 levels"),
                result("deep json").toString());
        assertTrue(Set.of("StackOverflowError", "MargoError").contains(reply("deeper parentheses").get("ename").getAsString()));
        JsonObject memory = reply("memory");
        assertEquals("error", memory.get("status").getAsString(), memory.toString());
        if (memory.get("ename").getAsString().equals("OutOfMemoryError")) {
            assertTrue(memory.get("traceback").toString().contains("restart the kernel"), memory.toString());
        }
    }

    @Test
    void kernelInfoAndCompletionAreAnsweredAtOnceWhileAFitRuns() {
        JsonObject asked = result("asked during fit").getAsJsonObject("asked");
        assertFalse(asked.has("cell_ended_first"), "the fit ended before the questions: " + asked);
        for (String question : List.of("kernel_info", "complete")) {
            JsonObject answer = asked.getAsJsonObject(question);
            assertEquals("ok", answer.getAsJsonObject("reply").get("status").getAsString(), answer.toString());
            assertTrue(answer.get("seconds").getAsDouble() < 2, question + " waited for the fit: " + answer);
        }
        assertTrue(strings(asked.getAsJsonObject("complete").getAsJsonObject("reply").getAsJsonArray("matches")).contains("implied_vol"));
        assertEquals("interrupted", reply("asked during fit").get("evalue").getAsString());
        assertEquals("ok", reply("after asking").get("status").getAsString());
    }

    /** The traceback quotes {@code sourceLine} and, on a later line, puts a caret under {@code word}. */
    private static void assertCaretUnder(String word, String sourceLine, List<String> traceback) {
        List<String> lines = traceback.stream().flatMap(String::lines).toList();
        int quoted = -1;
        for (int i = 0; i < lines.size() && quoted < 0; i++) {
            if (lines.get(i).endsWith(sourceLine)) {
                quoted = i;
            }
        }
        assertTrue(quoted >= 0, "the traceback quotes the source line `" + sourceLine + "`: " + lines);
        int column = lines.get(quoted).length() - sourceLine.length() + sourceLine.indexOf(word);
        boolean caret = false;
        for (String line : lines.subList(quoted + 1, lines.size())) {
            caret |= line.indexOf('^') == column;
        }
        assertTrue(caret, "the traceback puts a caret under `" + word + "`: " + lines);
    }

    private static JsonObject request(String name, String type) {
        JsonObject request = new JsonObject();
        request.addProperty("name", name);
        request.addProperty("type", type);
        return request;
    }

    private static JsonObject request(String name, String type, String code) {
        JsonObject request = request(name, type);
        request.addProperty("code", code);
        return request;
    }

    private static JsonObject execute(String name, String code) {
        return request(name, "execute", code);
    }

    private static JsonObject atCursor(String name, String type, String code, int cursor) {
        JsonObject request = request(name, type, code);
        request.addProperty("cursor_pos", cursor);
        return request;
    }

    private static JsonObject result(String name) {
        return answers.result(name);
    }

    private static JsonObject reply(String name) {
        return answers.reply(name);
    }

    private static List<JsonObject> outputsOfType(String name, String outputType) {
        return answers.outputsOfType(name, outputType);
    }

    private static List<String> plainTexts(String name) {
        return answers.plainTexts(name);
    }

    private static List<String> strings(JsonArray array) {
        return KernelScript.strings(array);
    }
}
