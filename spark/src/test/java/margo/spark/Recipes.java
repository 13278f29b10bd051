package margo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import margo.dsl.run.DataLimit;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.run.Shown;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What the module's recipe tests share: the sample chain, a synthetic book, a run on Spark, what it showed and the
 * comparison of its tables with the in-process run's.
 */
final class Recipes {

    static final Path CHAIN = Path.of("../examples/data/deribit-btc-sample.csv").toAbsolutePath();

    private Recipes() {
    }

    /** The recipe run in {@code folder} on the session, each book in {@code parts} parts. */
    static Execution onSpark(SparkSession spark, Path folder, String recipe, int parts) {
        try (SparkEngine engine = new SparkEngine(spark, parts)) {
            return new Session(folder, DataLimit.DEFAULT, engine).run(new SourceFile("test.margo", recipe),
                    Mode.RECIPE);
        }
    }

    /** A synthetic book's CSV text across the sample chain's instruments (seed 11, 6 positions an account). */
    static String syntheticBook(int accounts) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticBook(CHAIN).write(out, accounts, 6, 11);
        return out.toString();
    }

    /** A synthetic book whose rows are shuffled through the file, so that every account is spread over the parts. */
    static void writeShuffledBook(Path file, int accounts, long seed) throws IOException {
        writeShuffled(file, syntheticBook(accounts), seed);
    }

    /** A book's CSV text with its rows, after the header, shuffled through the file. */
    static void writeShuffled(Path file, String csv, long seed) throws IOException {
        List<String> lines = new ArrayList<>(List.of(csv.split("\n")));
        String header = lines.removeFirst();
        Collections.shuffle(lines, new Random(seed));
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
    }

    /** The table a statement showed. */
    static Table table(Shown shown) {
        return shown.value() instanceof TabulatedValue tabulated ? tabulated.display().table()
                : ((TableValue) shown.value()).table();
    }

    /** The tables have the same columns and rows, doubles with the same bits. */
    static void assertSameBits(Table expected, Table actual, String what) {
        assertEquals(expected.columnNames(), actual.columnNames(), what);
        assertEquals(expected.rowCount(), actual.rowCount(), what);
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> column = expected.column(c);
            if (column instanceof DoubleColumn numbers) {
                DoubleColumn other = (DoubleColumn) actual.column(c);
                for (int r = 0; r < numbers.size(); r++) {
                    assertEquals(Double.doubleToRawLongBits(numbers.getDouble(r)),
                            Double.doubleToRawLongBits(other.getDouble(r)),
                            what + ": " + column.name() + " row " + r);
                }
            } else {
                assertEquals(column.asList(), actual.column(c).asList(), what + ": " + column.name());
            }
        }
    }

    /** The diagnostics as {@code line:column message}. */
    static List<String> messages(Execution execution) {
        return execution.diagnostics().stream()
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList();
    }
}
