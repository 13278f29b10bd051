package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.engine.InProcessEngine;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** {@code export TABLE to "PATH.csv"}: every row of a table in a CSV file, the same on an engine as here. */
class ExportTest {

    private static final Path DATA = Path.of("../examples/data");
    private static final String BOOK = """
            data chain = options("deribit-btc-sample.csv")
            book desk = positions("book.csv", market chain, index 61000)
            """;

    @TempDir
    Path folder;

    private Execution run(String recipe, InProcessEngine engine) throws IOException {
        for (String file : List.of("deribit-btc-sample.csv", "book.csv")) {
            if (!Files.exists(folder.resolve(file))) {
                Files.copy(DATA.resolve(file), folder.resolve(file));
            }
        }
        return new Session(folder, DataLimit.commandLine(Long.MAX_VALUE), engine)
                .run(new SourceFile("export.margo", recipe), Mode.RECIPE);
    }

    @Test
    void anExportedMarginHoldsEveryRowOfTheShownTableWithTheSameBits() throws IOException {
        Execution execution = run(BOOK + """
                show margin(desk, portfolio_margin) { rows 2 }
                export margin(desk, portfolio_margin) to "margins.csv"
                """, null);
        assertFalse(execution.hasErrors(), execution.diagnostics().toString());
        Table shown = ((TableValue) execution.shown().getFirst().value()).table();
        List<String> lines = Files.readAllLines(folder.resolve("margins.csv"), StandardCharsets.UTF_8);
        assertEquals(String.join(",", shown.columnNames()), lines.getFirst());
        assertEquals(shown.rowCount() + 1, lines.size());
        for (int row = 0; row < shown.rowCount(); row++) {
            String[] fields = lines.get(row + 1).split(",", -1);
            assertEquals(shown.stringColumn("account").get(row), fields[0]);
            for (int column = 2; column < shown.columnCount(); column++) {
                double value = ((DoubleColumn) shown.column(column)).getDouble(row);
                assertEquals(Double.doubleToRawLongBits(value), Double.isNaN(value) && fields[column].isEmpty()
                        ? Double.doubleToRawLongBits(value) : Double.doubleToRawLongBits(
                        Double.parseDouble(fields[column])), shown.column(column).name() + " of row " + row);
            }
        }
        Diagnostic note = execution.diagnostics().getLast();
        assertEquals(margo.dsl.diagnostic.Severity.NOTE, note.severity());
        assertEquals("margin(desk, portfolio_margin): " + shown.rowCount() + " rows written to margins.csv",
                note.message());
    }

    @Test
    void aBookOnAnEngineIsExportedPartByPartToTheSameBytes() throws IOException {
        String recipe = BOOK + """
                export margin(desk, portfolio_margin) to "margins.csv"
                export stress(desk, portfolio_margin, price = -10%) to "stress.csv"
                export attribution(desk, portfolio_margin) to "attribution.csv"
                """;
        Execution here = run(recipe, null);
        assertFalse(here.hasErrors(), here.diagnostics().toString());
        List<byte[]> written = List.of(read("margins.csv"), read("stress.csv"), read("attribution.csv"));
        try (InProcessEngine engine = new InProcessEngine()) {
            assertFalse(run(recipe, engine).hasErrors());
        }
        assertArrayEquals(written.get(0), read("margins.csv"));
        assertArrayEquals(written.get(1), read("stress.csv"));
        assertArrayEquals(written.get(2), read("attribution.csv"));
        try (var left = Files.list(folder)) {
            assertTrue(left.noneMatch(file -> file.getFileName().toString().startsWith(".")),
                    "no fragments or temporary files are left beside the exports");
        }
    }

    @Test
    void anyTableExportsAndTextWithACommaIsQuoted() throws IOException {
        Execution execution = run(BOOK + """
                data near = chain { keep strike == 60000; set label = "a, \\"b\\"" }
                export near to "near.csv"
                """, null);
        assertFalse(execution.hasErrors(), execution.diagnostics().toString());
        List<String> lines = Files.readAllLines(folder.resolve("near.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.get(1).endsWith(",\"a, \"\"b\"\"\""), lines.get(1));
    }

    @Test
    void onlyATableGoesToACsvFile() throws IOException {
        Execution execution = run(BOOK + """
                export 1 + 2 to "three.csv"
                export chain to "chain.txt"
                export chain to 42
                """, null);
        List<String> errors = execution.diagnostics().stream().map(d -> d.span().line() + ": " + d.message()).toList();
        assertEquals(List.of("3: export writes a table to a file, and this is a number",
                "4: export writes CSV or Parquet, so the path must end in .csv or .parquet: chain.txt",
                "5: export needs the file's path as text, not a number"), errors);
    }

    @Test
    void aParquetExportWithoutTheSparkEngineIsAnErrorThatSaysToRunWithIt() throws IOException {
        Execution execution = run(BOOK + "export margin(desk, portfolio_margin) to \"margins.parquet\"\n", null);
        assertEquals(List.of("cannot write margins.parquet: a Parquet data set is written by the spark engine"),
                execution.diagnostics().stream().map(Diagnostic::message).toList());
        assertEquals("run with --engine spark (docs/scale-out.md), or write .csv",
                execution.diagnostics().getFirst().hint());
        assertFalse(Files.exists(folder.resolve("margins.parquet")));
    }

    @Test
    void anExportNeverReplacesADataFileTheRecipeReadNorWritesIntoAMissingFolder() throws IOException {
        byte[] book = Files.readAllBytes(DATA.resolve("book.csv"));
        Execution overBook = run(BOOK + "export margin(desk, portfolio_margin) to \"book.csv\"\n", null);
        assertTrue(overBook.hasErrors());
        assertTrue(overBook.diagnostics().getFirst().message().startsWith("refusing to export to book.csv: it is "),
                overBook.diagnostics().getFirst().message());
        assertArrayEquals(book, read("book.csv"));
        Execution missing = run(BOOK + "export chain to \"out/chain.csv\"\n", null);
        assertTrue(missing.diagnostics().getFirst().message().startsWith("cannot write out/chain.csv: there is no"
                + " folder "), missing.diagnostics().getFirst().message());
    }

    private byte[] read(String file) throws IOException {
        return Files.readAllBytes(folder.resolve(file));
    }
}
