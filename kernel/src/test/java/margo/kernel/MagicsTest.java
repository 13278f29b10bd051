package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margo.dsl.cli.Main;
import margo.dsl.run.Session;
import margo.kernel.jupyter.CellOutput;
import margo.kernel.jupyter.CellResult;
import margo.kernel.jupyter.MimeBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The magics and {@code name?} help, run through {@link MargoKernel#execute} as the kernel's cells thread runs them
 * (MargoKernelIT drives the same through jupyter_client). The notebook's folder is a scratch copy of the example
 * chain, so that {@code %save} writes where a recipe's data paths resolve.
 */
class MagicsTest {

    @TempDir
    Path folder;
    private MargoKernel kernel;
    private int cells;

    @BeforeEach
    void startAKernelInAFolderWithTheSampleChain() throws IOException {
        Files.createDirectories(folder.resolve("data"));
        Files.copy(Path.of("../examples/data/deribit-btc-sample.csv"), folder.resolve("data/deribit-btc-sample.csv"));
        kernel = new MargoKernel(new Session(folder), folder, "test", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void timeRunsTheStatementAndPrintsItsWallTime() {
        Ran ran = run("%time let x = 2 + 3\nshow x");
        assertInstanceOf(CellResult.Ok.class, ran.result);
        assertTrue(ran.stdout().matches("Wall time: [0-9.]+ (µs|ms|s)\n"), ran.stdout());
        assertEquals("5", ran.resultText());
    }

    @Test
    void timeOnTheFirstLineOfACellTimesTheWholeCell() {
        Ran ran = run("%%time\nlet x = 2\nshow x * 10");
        assertTrue(ran.stdout().startsWith("Wall time: "), ran.stdout());
        assertEquals("20", ran.resultText());
    }

    @Test
    void aMistakeAfterTimeIsReportedAtItsColumnInTheCell() {
        Ran ran = run("let y = 1\n%time show y + nope");
        CellResult.Failed failed = assertInstanceOf(CellResult.Failed.class, ran.result);
        assertTrue(failed.traceback().getFirst().startsWith(ran.cell + ":2:16: error:"), failed.traceback().toString());
        assertTrue(ran.stdout().startsWith("Wall time: "), "the time is printed even when the statement fails");
    }

    @Test
    void whoListsEachBindingWithItsKindAndASummary() {
        run("data chain = options(\"data/deribit-btc-sample.csv\")\nlet width = 2 * 16%\nmodel hs = heston");
        String width = run("show width").resultText();
        String who = run("%who").stdout();
        List<String> lines = who.lines().toList();
        assertEquals("name   kind    summary", lines.get(0));
        assertTrue(lines.get(1).matches("chain  table   \\d+ rows × \\d+ columns: instrument, .*"), lines.get(1));
        assertEquals("width  number  " + width, lines.get(2), "a number as show prints it");
        assertTrue(lines.get(3).startsWith("hs     model   "), lines.get(3));
    }

    @Test
    void whoBeforeAnyBindingSaysSo() {
        assertEquals("no names are bound yet\n", run("%who").stdout());
    }

    @Test
    void anUnknownMagicIsAMistakeThatListsTheMagics() {
        CellResult.Failed failed = assertInstanceOf(CellResult.Failed.class, run("let a = 1\n%tme let b = 2").result);
        String text = String.join("\n", failed.traceback());
        assertTrue(text.contains(":2:1: error: there is no magic %tme"), text);
        assertTrue(text.contains("did you mean %time?"), text);
        for (Magics.Usage magic : Magics.MAGICS) {
            assertTrue(text.contains(magic.written()), "lists " + magic.written() + ": " + text);
        }
    }

    @Test
    void aLineStartingWithPercentInsideAScriptsCodeIsTheScriptsNotAMagic() {
        String script = "script js \"\"\"\nfunction rest(a, b) {\n  return a\n    % b;\n}\n\"\"\" exports rest";
        Cell cell = Cell.parse(script + "\n%who");
        assertEquals(List.of(new Cell.Recipe(script, 1, 1), new Cell.LineMagic("who", "", 7, 1, 5)), cell.parts(),
                "one recipe with the % line in its string, then the magic after the string closed");
    }

    @Test
    void aCellMagicPastTheFirstLineIsAMistake() {
        CellResult.Failed failed = assertInstanceOf(CellResult.Failed.class, run("let a = 1\n%%time").result);
        assertTrue(failed.value().contains("first line"), failed.value());
    }

    @Test
    void loadRunsARecipeIntoTheSessionWithItsDataPathsFromItsOwnFolder() throws IOException {
        Path recipes = Files.createDirectories(folder.resolve("recipes"));
        Files.createDirectories(recipes.resolve("data"));
        Files.copy(folder.resolve("data/deribit-btc-sample.csv"), recipes.resolve("data/deribit-btc-sample.csv"));
        Files.writeString(recipes.resolve("load.margo"), "data loaded = options(\"data/deribit-btc-sample.csv\")\nlet n = 7\n");
        Ran load = run("%load recipes/load.margo");
        assertInstanceOf(CellResult.Ok.class, load.result, load.toString());
        assertEquals("14", run("show n * 2").resultText());
    }

    @Test
    void loadOfAMissingFileSaysWhichFileAtTheMagic() {
        CellResult.Failed failed = assertInstanceOf(CellResult.Failed.class, run("%load nowhere.margo").result);
        String text = String.join("\n", failed.traceback());
        assertTrue(text.contains(":1:7: error: cannot read nowhere.margo"), text);
    }

    @Test
    void aMistakeInALoadedRecipeIsReportedAtItsFileLineAndColumn() throws IOException {
        Files.writeString(folder.resolve("broken.margo"), "let a = 1\nshow a + nope\n");
        CellResult.Failed failed = assertInstanceOf(CellResult.Failed.class, run("%load broken.margo").result);
        assertTrue(failed.traceback().getFirst().startsWith("broken.margo:2:10: error:"), failed.traceback().toString());
    }

    @Test
    void saveWritesTheCellsThatRanAsARecipeThatMargoRunReproduces() throws IOException {
        run("data chain = options(\"data/deribit-btc-sample.csv\") { keep bid > 0 and ask > 0 }");
        run("let atm = 58%");
        run("show nope");
        Ran shown = run("show black(61000, 65000, 28d, atm, \"call\")");
        Ran saved = run("%save session.margo");
        assertInstanceOf(CellResult.Ok.class, saved.result, saved.toString());
        String recipe = Files.readString(folder.resolve("session.margo"));
        assertFalse(recipe.contains("nope"), "a failed cell is not saved: " + recipe);
        assertFalse(recipe.contains("%save") || recipe.contains("cell[3]") || recipe.contains("cell[5]"), recipe);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.execute(new String[] {"run", folder.resolve("session.margo").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(shown.resultText()),
                "margo run shows what the cell showed, " + shown.resultText() + ": " + out);
    }

    @Test
    void saveRefusesToReplaceAFileUnlessForced() throws IOException {
        run("let a = 1");
        Files.writeString(folder.resolve("kept.margo"), "let kept = 1\n");
        assertInstanceOf(CellResult.Failed.class, run("%save kept.margo").result);
        assertEquals("let kept = 1\n", Files.readString(folder.resolve("kept.margo")));
        assertInstanceOf(CellResult.Ok.class, run("%save -f kept.margo").result);
        assertTrue(Files.readString(folder.resolve("kept.margo")).contains("let a = 1"));
    }

    @Test
    void saveWritesNothingWhenTheCellsDoNotMakeARecipe() {
        run("let a = 1");
        run("let a = 2");
        CellResult.Failed failed = assertInstanceOf(CellResult.Failed.class, run("%save twice.margo").result);
        String text = String.join("\n", failed.traceback());
        assertTrue(text.contains("nothing was written"), text);
        assertTrue(text.contains("twice.margo:"), "says where in the file it would write: " + text);
        assertFalse(Files.exists(folder.resolve("twice.margo")));
    }

    @Test
    void docsShowsTheRegistryEntryAndAnUnknownNameGetsASuggestion() {
        Ran docs = run("%docs black");
        assertTrue(docs.displays.getFirst().plainText().contains("black(forward, strike, time, vol, type)"), docs.toString());
        CellResult.Failed failed = assertInstanceOf(CellResult.Failed.class, run("%docs blak").result);
        assertTrue(String.join("\n", failed.traceback()).contains("did you mean black?"), failed.traceback().toString());
    }

    @Test
    void aQuestionMarkAfterANameShowsItsDocumentationInThePager() {
        CellResult.Ok ok = assertInstanceOf(CellResult.Ok.class, run("implied_vol?").result);
        assertTrue(ok.page().plainText().contains("Jaeckel"), ok.toString());
        assertEquals(null, ok.result(), "help shows nothing in the cell");
        run("let x = 5");
        CellResult.Ok bound = assertInstanceOf(CellResult.Ok.class, run("x?").result);
        assertEquals("x: number\n5", bound.page().plainText());
        CellResult.Failed unknown = assertInstanceOf(CellResult.Failed.class, run("nope?").result);
        assertTrue(unknown.traceback().getFirst().contains(":1:1: error: nothing is called 'nope'"), unknown.traceback().toString());
    }

    private Ran run(String code) {
        cells++;
        Recorded output = new Recorded();
        CellResult result = kernel.execute(code, cells, output);
        return new Ran("cell[" + cells + "]", result, output.displays, output.stdout.toString());
    }

    private record Ran(String cell, CellResult result, List<MimeBundle> displays, String stdout) {
        String resultText() {
            return result instanceof CellResult.Ok(MimeBundle shown, MimeBundle page) && shown != null ? shown.plainText() : null;
        }
    }

    /** What a cell sent to its front end. */
    private static final class Recorded implements CellOutput {
        final List<MimeBundle> displays = new ArrayList<>();
        final StringBuilder stdout = new StringBuilder();

        @Override
        public void display(MimeBundle bundle) {
            displays.add(bundle);
        }

        @Override
        public void updateDisplay(MimeBundle bundle) {
        }

        @Override
        public void stdout(String text) {
            stdout.append(text);
        }

        @Override
        public void stderr(String text) {
        }
    }
}
