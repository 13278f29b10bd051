package margo.spark;

import static margo.spark.Recipes.assertSameBits;
import static margo.spark.Recipes.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.margin.Book;
import margo.core.margin.BookFormatException;
import margo.core.margin.PositionPricer;
import margo.core.market.RowProblem;
import margo.dsl.engine.BookTask;
import margo.dsl.engine.Engine;
import margo.dsl.engine.ItemTask;
import margo.dsl.engine.PartitionedBook;
import margo.dsl.run.DataLimit;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.ReportValue;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A recipe's backtest of a book against a rule calibrated on BTC's daily closes runs on Spark in {@code local[2]} as
 * one job over the book's parts, never gathering the book into the driver, and gives the in-process report: every
 * cell bit for bit, the same notes, however the book is split; core rejecting the backtest is the in-process error.
 */
class BookBacktestOnSparkTest {

    private static final Path DATA = Path.of("../examples/data").toAbsolutePath();

    private static SparkSession spark;

    @TempDir
    static Path folder;

    @BeforeAll
    static void copyData() throws IOException {
        spark = LocalSpark.session();
        Path data = Files.createDirectory(folder.resolve("data"));
        for (String file : List.of("btc-usd-daily-close-yahoo.csv", "deribit-btc-sample.csv")) {
            Files.copy(DATA.resolve(file), data.resolve(file));
        }
        // the example book's rows shuffled through the file, so that its accounts are spread over the parts
        Recipes.writeShuffled(data.resolve("book.csv"), Files.readString(DATA.resolve("book.csv")), 5);
    }

    private static String recipe(String from) {
        return """
                data btc = history("data/btc-usd-daily-close-yahoo.csv")
                data chain = options("data/deribit-btc-sample.csv")
                book desk = positions("data/book.csv", market chain)
                rules pm = calibrate portfolio_margin to btc { confidence 99%%  horizon 1d  method fhs  lookback 2y }
                show backtest(pm, from %s, book desk, vol_response = -0.5)
                """.formatted(from);
    }

    @Test
    void aBookBacktestOnSparkInOneOrThreePartsIsTheInProcessReportCellForCell() {
        String recipe = recipe("2024-01-01");
        Execution inProcess = new Session(folder).run(new SourceFile("test.margo", recipe), Mode.RECIPE);
        assertFalse(inProcess.hasErrors(), () -> messages(inProcess).toString());
        ReportValue expected = (ReportValue) inProcess.shown().getFirst().value();
        assertEquals(6, expected.sections().getFirst().table().table().rowCount(), "the example book's groups");
        for (int parts : new int[] {1, 3}) {
            Execution onSpark = onPartsOnly(recipe, parts);
            // the same warnings: none says the backtest ran in the driver
            assertEquals(messages(inProcess), messages(onSpark), parts + " parts");
            ReportValue actual = (ReportValue) onSpark.shown().getFirst().value();
            assertEquals(expected.title(), actual.title());
            assertEquals(expected.notes(), actual.notes());
            assertEquals(expected.sections().size(), actual.sections().size());
            for (int i = 0; i < expected.sections().size(); i++) {
                ReportValue.Section section = expected.sections().get(i);
                assertEquals(section.title(), actual.sections().get(i).title());
                assertSameBits(section.table().table(), actual.sections().get(i).table().table(),
                        parts + " parts");
            }
        }
    }

    @Test
    void aBacktestPeriodWithTooFewHorizonsIsRejectedOnSparkWithTheInProcessMessage() {
        // from the second-last bar: two shocks, one of them realised
        String recipe = recipe("2026-06-29");
        Execution inProcess = new Session(folder).run(new SourceFile("test.margo", recipe), Mode.RECIPE);
        List<String> expected = messages(inProcess);
        assertEquals("5:6 backtest cannot be computed: the shock series has 1 realised horizons: too few to"
                + " backtest a book", expected.getLast());
        assertEquals(expected, messages(onPartsOnly(recipe, 3)));
    }

    /** The recipe run on Spark, each book in {@code parts} parts that no statement may gather into the driver. */
    private static Execution onPartsOnly(String recipe, int parts) {
        try (Engine engine = new NeverWhole(new SparkEngine(spark, parts))) {
            return new Session(folder, DataLimit.DEFAULT, engine).run(new SourceFile("test.margo", recipe),
                    Mode.RECIPE);
        }
    }

    /** An engine whose books fail the test when gathered whole: a statement must run as jobs over the parts. */
    private record NeverWhole(Engine engine) implements Engine {

        @Override
        public String name() {
            return engine.name();
        }

        @Override
        public PartitionedBook book(Path file, PositionPricer pricer) throws BookFormatException {
            PartitionedBook parts = engine.book(file, pricer);
            return new PartitionedBook() {
                @Override
                public List<RowProblem> problems() {
                    return parts.problems();
                }

                @Override
                public List<RowProblem> warnings() {
                    return parts.warnings();
                }

                @Override
                public Book whole() {
                    throw new AssertionError("the book was gathered into the driver");
                }

                @Override
                public Table rows(BookTask task) {
                    return parts.rows(task);
                }

                @Override
                public long exportCsv(BookTask task, Path target) throws IOException {
                    return parts.exportCsv(task, target);
                }

                @Override
                public long exportParquet(BookTask task, Path target) throws IOException {
                    return parts.exportParquet(task, target);
                }
            };
        }

        @Override
        public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, ItemTask<T, R> task) {
            return engine.map(items, task);
        }

        @Override
        public long exportParquet(Table table, Path target) throws IOException {
            return engine.exportParquet(table, target);
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
