package margo.spark;

import static margo.spark.Recipes.CHAIN;
import static margo.spark.Recipes.assertSameBits;
import static margo.spark.Recipes.messages;
import static margo.spark.Recipes.syntheticBook;
import static margo.spark.Recipes.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PositionPricer;
import margo.core.market.ChainFormatException;
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
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A recipe's margin, stress and attribution of a book run on Spark in {@code local[2]} give the in-process run's
 * tables, bit for bit and in the same order, however the book is split, and so do the statements that gather the
 * book whole; its rows' problems are reported at the same lines; a part that fails is named.
 */
class PartitionedBookTest {

    private static SparkSession spark;

    @TempDir
    static Path folder;

    @BeforeAll
    static void startSpark() throws IOException {
        spark = LocalSpark.session();
        Files.copy(CHAIN, folder.resolve("chain.csv"));
    }

    private static final String RECIPE = """
            data chain = options("chain.csv")
            book desk = positions("book.csv", market chain, index 61000, haircut 2%)
            rules pm = portfolio_margin { price_range 16%  vol_up 50%  vol_down 25% }
            show margin(desk, pm)
            show margin(desk, deribit_standard)
            show stress(desk, pm) { price -30%, vol 20% }
            show attribution(desk, pm)
            show what_if(desk, "BTC-29MAR24-70000-C", -1, pm, account "acct-00000003")
            show desk
            """;

    @Test
    void marginStressAndAttributionOfAShuffledBookEqualTheInProcessRunBitForBitWhateverTheParts() throws IOException {
        writeShuffledBook(120, 7);

        Execution inProcess = new Session(folder).run(new SourceFile("test.margo", RECIPE), Mode.RECIPE);
        assertFalse(inProcess.hasErrors(), () -> inProcess.diagnostics().toString());
        for (int parts : new int[] {1, 3, 8}) {
            Execution onSpark = onSpark(RECIPE, parts);
            assertEquals(messages(inProcess), messages(onSpark), parts + " parts");
            assertEquals(inProcess.shown().size(), onSpark.shown().size());
            for (int i = 0; i < inProcess.shown().size(); i++) {
                assertSameBits(table(inProcess.shown().get(i)), table(onSpark.shown().get(i)), parts + " parts");
            }
        }
    }

    @Test
    void anExportOfABookOnSparkIsWrittenByItsPartsToTheBytesOfTheInProcessFile() throws IOException {
        writeShuffledBook(60, 11);
        String recipe = """
                data chain = options("chain.csv")
                book desk = positions("book.csv", market chain, index 61000)
                show margin(desk, portfolio_margin)
                export margin(desk, portfolio_margin) to "margins.csv"
                export attribution(desk, portfolio_margin) to "attribution.csv"
                """;
        Execution inProcess = new Session(folder).run(new SourceFile("test.margo", recipe), Mode.RECIPE);
        assertFalse(inProcess.hasErrors(), () -> inProcess.diagnostics().toString());
        byte[] margins = Files.readAllBytes(folder.resolve("margins.csv"));
        byte[] attribution = Files.readAllBytes(folder.resolve("attribution.csv"));
        assertEquals(table(inProcess.shown().getFirst()).rowCount() + 1,
                Files.readAllLines(folder.resolve("margins.csv")).size());
        Files.delete(folder.resolve("margins.csv"));
        Execution onSpark = onSpark(recipe, 3);
        assertEquals(messages(inProcess), messages(onSpark));
        assertArrayEquals(margins, Files.readAllBytes(folder.resolve("margins.csv")));
        assertArrayEquals(attribution, Files.readAllBytes(folder.resolve("attribution.csv")));
        try (var files = Files.list(folder)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith(".margins.csv")),
                    "the parts' fragments are removed once committed");
        }
    }

    @Test
    void aBadRowOfAPartitionedBookIsReportedAtItsLineAsInProcess() throws IOException {
        String book = syntheticBook(40);
        List<String> lines = new ArrayList<>(List.of(book.split("\n")));
        lines.set(57, "acct-00000005,BTC-1JAN24-60000-C,1,0.01,,");
        lines.set(90, "acct-00000009,BTC-29MAR24,two,60000,,");
        lines.add(120, lines.get(119));
        Files.writeString(folder.resolve("book.csv"), String.join("\n", lines) + "\n");
        Execution inProcess = new Session(folder).run(new SourceFile("test.margo", RECIPE), Mode.RECIPE);
        Execution onSpark = onSpark(RECIPE, 4);
        List<String> warnings = messages(onSpark);
        assertEquals(messages(inProcess), warnings);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("2:13 book.csv line 58 (BTC-1JAN24-60000-C)")),
                warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("2:13 book.csv line 91 (BTC-29MAR24): size 'two'")),
                warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("line 121") && w.contains("repeats line 120")),
                warnings::toString);
    }

    @Test
    void aTaskThatFailsOnAPartIsNamedWithItsAccounts() throws Exception {
        Path file = Files.writeString(folder.resolve("failing.csv"), syntheticBook(30));
        PositionPricer pricer = pricer();
        try (SparkEngine engine = new SparkEngine(spark, 3)) {
            PartitionedBook book = engine.book(file, pricer);
            BookTask failing = part -> {
                if (part.accounts().stream().anyMatch(account -> account.name().equals("acct-00000017"))) {
                    throw new IllegalArgumentException("account acct-00000017 cannot be margined");
                }
                return Table.create("ok");
            };
            TaskFailure failure = org.junit.jupiter.api.Assertions.assertThrows(TaskFailure.class,
                    () -> book.rows(failing));
            assertEquals("account acct-00000017 cannot be margined", failure.getMessage());
            assertTrue(failure.rejected());
            assertEquals("partition 1 of 3 (accounts acct-00000011 to acct-00000020)", failure.where());
        }
    }

    @Test
    void aStatementWhoseRuleCannotLeaveTheDriverRunsThereWithAWarning() throws IOException {
        Files.writeString(folder.resolve("book.csv"), syntheticBook(20));
        String recipe = """
                data chain = options("chain.csv")
                book desk = positions("book.csv", market chain, index 61000)
                rules house = custom {
                  price [-20%, 0%, 20%]
                  vol   [0%, 50%]
                  initial = worst_loss
                  maintenance = 80% * initial
                }
                show margin(desk, house)
                """;
        Execution inProcess = new Session(folder).run(new SourceFile("test.margo", recipe), Mode.RECIPE);
        assertFalse(inProcess.hasErrors(), () -> messages(inProcess).toString());
        Execution onSpark = onSpark(recipe, 2);
        assertSameBits(table(inProcess.shown().getFirst()), table(onSpark.shown().getFirst()), "driver");
        assertTrue(messages(onSpark).stream().anyMatch(w -> w.startsWith("9:6 margin runs in the driver on the book"
                + " gathered whole, not on the spark engine")), () -> messages(onSpark).toString());
    }

    @Test
    void aParquetBookInTwoFilesGivesTheMarginsOfTheSameBookInCsvAndReportsItsBadRowsByRow() throws IOException {
        List<String> lines = new ArrayList<>(List.of(syntheticBook(60).split("\n")));
        lines.set(33, "acct-00000004,BTC-1JAN24-60000-C,1,0.01,,");
        Files.writeString(folder.resolve("book.csv"), String.join("\n", lines) + "\n");
        StructType schema = new StructType()
                .add("account", DataTypes.StringType).add("instrument", DataTypes.StringType)
                .add("size", DataTypes.DoubleType).add("average_price", DataTypes.DoubleType)
                .add("haircut", DataTypes.DoubleType).add("margin_group", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(RowFactory.create(f[0], f[1], Double.parseDouble(f[2]), number(f[3]), number(f[4]),
                    f[5].isEmpty() ? null : f[5]));
        }
        // two slices of the rows, in order, written as the files part-00000-… and part-00001-…
        JavaRDD<Row> slices = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2);
        spark.createDataFrame(slices, schema).write().parquet(folder.resolve("book.parquet").toString());
        String csvRecipe = """
                data chain = options("chain.csv")
                book desk = positions("book.csv", market chain, index 61000)
                show margin(desk, portfolio_margin)
                """;
        Execution fromCsv = new Session(folder).run(new SourceFile("test.margo", csvRecipe), Mode.RECIPE);
        Execution fromParquet = onSpark(csvRecipe.replace("book.csv", "book.parquet"), 3);
        assertFalse(fromParquet.hasErrors(), () -> messages(fromParquet).toString());
        assertSameBits(table(fromCsv.shown().getFirst()), table(fromParquet.shown().getFirst()), "parquet");
        assertEquals(List.of("2:13 book.parquet row 33 (BTC-1JAN24-60000-C): "), messages(fromParquet).stream()
                .map(w -> w.substring(0, w.indexOf(": ") + 2)).toList());
        assertEquals(messages(fromCsv).getFirst().replace("book.csv line 34", "book.parquet row 33"),
                messages(fromParquet).getFirst());
    }

    private static Double number(String text) {
        return text.isEmpty() ? null : Double.parseDouble(text);
    }

    private static Execution onSpark(String recipe, int parts) {
        return Recipes.onSpark(spark, folder, recipe, parts);
    }

    private static void writeShuffledBook(int accounts, long seed) throws IOException {
        Recipes.writeShuffledBook(folder.resolve("book.csv"), accounts, seed);
    }

    private static PositionPricer pricer() throws ChainFormatException {
        ChainLoad load = OptionChains.load(CHAIN, LoadOptions.DEFAULTS);
        return new Black76PositionPricer(MarketSnapshot.fromChain(load.chain(), 61000));
    }
}
