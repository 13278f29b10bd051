package margo.spark;

import static margo.spark.Recipes.CHAIN;
import static margo.spark.Recipes.messages;
import static margo.spark.Recipes.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.MarketSnapshot;
import margo.core.market.ChainLoad;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChains;
import margo.dsl.engine.BookTask;
import margo.dsl.engine.PartitionedBook;
import margo.dsl.engine.TaskFailure;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code export TABLE to "PATH.parquet"} on Spark in {@code local[2]}: the book's parts write the data set, which read
 * back in the order of its files' names gives the in-process table's rows, bit for bit and in book order; a failed
 * export leaves the previous data set as it was, and an export never replaces the recipe's data.
 */
class ParquetExportTest {

    private static SparkSession spark;

    @TempDir
    static Path folder;

    @BeforeAll
    static void startSpark() throws IOException {
        spark = LocalSpark.session();
        Files.copy(CHAIN, folder.resolve("chain.csv"));
        Recipes.writeShuffledBook(folder.resolve("book.csv"), 45, 5);
    }

    @Test
    void theMarginAndAttributionOfABookReadBackFromParquetAreTheInProcessTablesInBookOrderFor1And3Parts() {
        String shown = """
                data chain = options("chain.csv")
                book desk = positions("book.csv", market chain, index 61000)
                show margin(desk, portfolio_margin)
                show attribution(desk, portfolio_margin)
                """;
        Execution inProcess = new Session(folder).run(new SourceFile("test.margo", shown), Mode.RECIPE);
        assertFalse(inProcess.hasErrors(), () -> inProcess.diagnostics().toString());
        String exported = shown.replace("show margin(desk, portfolio_margin)",
                        "export margin(desk, portfolio_margin) to \"margins.parquet\"")
                .replace("show attribution(desk, portfolio_margin)",
                        "export attribution(desk, portfolio_margin) to \"attribution.parquet\"");
        for (int parts : new int[] {1, 3}) {
            Execution onSpark = onSpark(exported, parts);
            assertFalse(onSpark.hasErrors(), () -> onSpark.diagnostics().toString());
            Table margins = table(inProcess.shown().get(0));
            assertEquals("margin(desk, portfolio_margin): " + margins.rowCount() + " rows written to margins.parquet",
                    onSpark.diagnostics().getFirst().message());
            assertSameRows(margins, readBack("margins.parquet"), parts + " parts");
            assertSameRows(table(inProcess.shown().get(1)), readBack("attribution.parquet"), parts + " parts");
            assertEquals(parts, partFiles("margins.parquet"), "one file per part, written where the part is");
            assertEquals(List.of(), hiddenFolders(), "the export's temporary folder is removed");
        }
    }

    @Test
    void aTableMadeInTheDriverIsWrittenToParquetWithItsInstants() {
        String recipe = """
                data chain = options("chain.csv")
                data near = chain { keep strike == 60000 }
                show near
                export near to "near.parquet"
                """;
        Execution onSpark = onSpark(recipe, 2);
        assertFalse(onSpark.hasErrors(), () -> onSpark.diagnostics().toString());
        assertSameRows(table(onSpark.shown().getFirst()), readBack("near.parquet"), "driver");
    }

    @Test
    void aPartThatFailsLeavesThePreviousDataSetAsItWasAndNoPartialOutput() throws Exception {
        Path target = folder.resolve("kept.parquet");
        spark.range(3).write().parquet(target.toString());
        List<byte[]> before = contents(target);
        ChainLoad load = OptionChains.load(CHAIN, LoadOptions.DEFAULTS);
        try (SparkEngine engine = new SparkEngine(spark, 3)) {
            PartitionedBook book = engine.book(folder.resolve("book.csv"),
                    new Black76PositionPricer(MarketSnapshot.fromChain(load.chain(), 61000)));
            BookTask failing = part -> {
                if (part.accounts().stream().anyMatch(account -> account.name().equals("acct-00000040"))) {
                    throw new IllegalArgumentException("account acct-00000040 cannot be margined");
                }
                return Table.create("rows", DoubleColumn.create("n", part.accounts().size()));
            };
            TaskFailure failure = assertThrows(TaskFailure.class, () -> book.exportParquet(failing, target));
            assertEquals("account acct-00000040 cannot be margined", failure.getMessage());
            assertTrue(failure.where().matches("partition [0-2] of 3 \\(accounts acct-\\d{8} to acct-\\d{8}\\)"),
                    failure.where());
        }
        List<byte[]> after = contents(target);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
        assertEquals(List.of(), hiddenFolders());
    }

    @Test
    void anExportNeverReplacesTheParquetBookTheRecipeReadNorAFolderThatIsNotADataSet() throws IOException {
        spark.read().option("header", "true").option("inferSchema", "true").csv(folder.resolve("book.csv").toString())
                .write().mode("overwrite").parquet(folder.resolve("desk.parquet").toString());
        List<byte[]> book = contents(folder.resolve("desk.parquet"));
        Execution overBook = onSpark("""
                data chain = options("chain.csv")
                book desk = positions("desk.parquet", market chain, index 61000)
                export margin(desk, portfolio_margin) to "desk.parquet"
                """, 2);
        assertTrue(overBook.hasErrors());
        assertTrue(overBook.diagnostics().getLast().message().startsWith("refusing to export to desk.parquet: it is "),
                overBook.diagnostics().getLast().message());
        assertEquals(book.size(), contents(folder.resolve("desk.parquet")).size());

        Path notes = Files.createDirectories(folder.resolve("notes.parquet"));
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        Execution overNotes = onSpark("""
                data chain = options("chain.csv")
                export chain to "notes.parquet"
                """, 2);
        assertEquals(List.of("2:17 cannot write notes.parquet: the folder holds todo.txt, which is not a file of a"
                + " Parquet data set, so it is not replaced; the data set is left as it was"), messages(overNotes));
        assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    }

    /** The data set's rows in the order of its files' names, and of the rows in each file. */
    private static List<Row> readBack(String name) {
        return spark.read().parquet(folder.resolve(name).toString())
                .withColumn("_file", functions.col("_metadata.file_path"))
                .withColumn("_row", functions.col("_metadata.row_index"))
                .orderBy("_file", "_row").drop("_file", "_row").collectAsList();
    }

    private static void assertSameRows(Table expected, List<Row> actual, String what) {
        assertEquals(expected.rowCount(), actual.size(), what);
        assertEquals(expected.columnNames(), List.of(actual.getFirst().schema().fieldNames()), what);
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> column = expected.column(c);
            for (int r = 0; r < expected.rowCount(); r++) {
                Object value = actual.get(r).get(c);
                if (column instanceof DoubleColumn numbers) {
                    assertEquals(Double.doubleToRawLongBits(numbers.getDouble(r)),
                            Double.doubleToRawLongBits((Double) value), what + ": " + column.name() + " row " + r);
                } else if (value instanceof java.sql.Timestamp time) {
                    assertEquals(column.get(r), time.toInstant(), what + ": " + column.name() + " row " + r);
                } else {
                    assertEquals(column.isMissing(r) && value == null ? null : column.get(r), value,
                            what + ": " + column.name() + " row " + r);
                }
            }
        }
    }

    private static long partFiles(String name) {
        try (Stream<Path> files = Files.list(folder.resolve(name))) {
            return files.filter(file -> file.getFileName().toString().startsWith("part-")).count();
        } catch (IOException failed) {
            throw new AssertionError(failed);
        }
    }

    private static List<String> hiddenFolders() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
        } catch (IOException failed) {
            throw new AssertionError(failed);
        }
    }

    /** Every file of a data set, in the order of their names. */
    private static List<byte[]> contents(Path dataSet) throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataSet)) {
            for (Path file : files.sorted().toList()) {
                bytes.add(Files.readAllBytes(file));
            }
        }
        return bytes;
    }

    private static Execution onSpark(String recipe, int parts) {
        return Recipes.onSpark(spark, folder, recipe, parts);
    }
}
