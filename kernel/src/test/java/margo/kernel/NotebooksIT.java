package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook under {@code notebooks/} runs from top to bottom on Margo's kernel with
 * {@code jupyter nbconvert --execute}, as a reader would run it, and none of its cells fails. The executed
 * notebook carries plotly.js once, weighs under 2 MB, and every one of its figures is drawn by Plotly when
 * nbconvert's HTML of it is opened, offline, in headless Chromium.
 */
class NotebooksIT {

    /** The statement of FigureHtml's loader that holds plotly.js: once per copy of the library. */
    private static final String LIBRARY = "var packed = \\\"";
    /** What an executed notebook may weigh, its figures and plotly.js included. */
    private static final long MAX_EXECUTED_BYTES = 2_000_000;

    @TempDir
    static Path root;
    static JupyterTestBed jupyter;

    @BeforeAll
    static void installKernel() throws Exception {
        jupyter = JupyterTestBed.install(root);
    }

    @Test
    void notebooksAreStoredWithoutOutputs() throws IOException {
        for (Path notebook : notebooks()) {
            for (JsonObject cell : codeCells(read(notebook))) {
                assertEquals(0, cell.getAsJsonArray("outputs").size(), notebook + " is stored with outputs; clear them before committing");
                assertTrue(cell.get("execution_count").isJsonNull(), notebook + " is stored with execution counts; clear them before committing");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsWithoutAnError() throws IOException {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks in " + notebooksFolder());
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> execute(notebook)));
    }

    private static void execute(Path notebook) throws Exception {
        assertEquals("margo", read(notebook).getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString(),
                notebook + " does not name the margo kernel in its metadata");
        Path executed = Files.createDirectories(root.resolve("executed"));
        // nbconvert starts the kernel in the notebook's own folder, so its relative data paths resolve.
        JupyterTestBed.ProcessResult run = jupyter.run(Duration.ofSeconds(150), root, List.of(
                JupyterTestBed.PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=margo", "--ExecutePreprocessor.timeout=120",
                "--output-dir", executed.toString(), notebook.toString()));
        run.requireSuccess("executing " + notebook.getFileName());
        List<JsonObject> cells = codeCells(read(executed.resolve(notebook.getFileName())));
        int shown = 0;
        for (JsonObject cell : cells) {
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                String type = output.getAsJsonObject().get("output_type").getAsString();
                assertFalse(type.equals("error"), notebook.getFileName() + " failed in cell\n" + cell.get("source") + "\n" + output);
                if (type.equals("display_data") || type.equals("execute_result")) {
                    shown++;
                }
            }
        }
        assertTrue(shown > 0, notebook.getFileName() + " ran but showed nothing: " + cells);
        int figures = countOutputs(cells, "application/vnd.plotly.v1+json");
        Path executedNotebook = executed.resolve(notebook.getFileName());
        String saved = Files.readString(executedNotebook);
        assertEquals(figures == 0 ? 0 : 1, saved.split(Pattern.quote(LIBRARY), -1).length - 1,
                notebook.getFileName() + " has " + figures + " figures and should carry plotly.js once");
        if (figures > 0) {
            assertEquals(figures, drawnFigures(executedNotebook), notebook.getFileName() + ": figures drawn by Plotly in nbconvert's HTML");
        }
        long bytes = Files.size(executedNotebook);
        assertTrue(bytes < MAX_EXECUTED_BYTES, "the executed " + notebook.getFileName() + " weighs " + bytes + " bytes");
    }

    /**
     * The figures of an executed notebook that Plotly drew in its HTML: nbconvert converts it, Chromium opens the
     * page with no network and runs its scripts, and each {@code margo-figure} div that Plotly took over has the
     * class {@code js-plotly-plot} (one whose library never came keeps its SVG picture and not that class).
     */
    private static int drawnFigures(Path executedNotebook) throws Exception {
        Path pages = Files.createDirectories(root.resolve("html"));
        JupyterTestBed.ProcessResult converted = jupyter.run(Duration.ofSeconds(120), root, List.of(
                JupyterTestBed.PYTHON, "-m", "nbconvert", "--to", "html", "--output-dir", pages.toString(),
                executedNotebook.toString()));
        converted.requireSuccess("converting " + executedNotebook.getFileName() + " to HTML");
        assertFalse(converted.stderr().contains("No lexer found"), "nbconvert knows the notebook's pygments_lexer: " + converted.stderr());
        String page = executedNotebook.getFileName().toString().replaceFirst("\\.ipynb$", ".html");
        String document = HeadlessChromium.renderedDocument(pages.resolve(page), root);
        Matcher figure = Pattern.compile("<div id=\"margo-figure-[^\"]+\" class=\"([^\"]*)\"").matcher(document);
        int figures = 0;
        int drawn = 0;
        while (figure.find()) {
            figures++;
            drawn += List.of(figure.group(1).split(" ")).contains("js-plotly-plot") ? 1 : 0;
        }
        assertTrue(figures > 0, "no Margo figure in Chromium's document of " + page);
        return drawn;
    }

    private static int countOutputs(List<JsonObject> cells, String mimeType) {
        int count = 0;
        for (JsonObject cell : cells) {
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                JsonObject data = output.getAsJsonObject().getAsJsonObject("data");
                count += data != null && data.has(mimeType) ? 1 : 0;
            }
        }
        return count;
    }

    private static Path notebooksFolder() {
        return Path.of(JupyterTestBed.requiredProperty("margo.notebooks"));
    }

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(notebooksFolder())) {
            return files.filter(file -> file.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static JsonObject read(Path notebook) throws IOException {
        return JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    }

    private static List<JsonObject> codeCells(JsonObject notebook) {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : notebook.getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                cells.add(cell.getAsJsonObject());
            }
        }
        return cells;
    }
}
