package margo.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import margo.dsl.engine.Engine;
import margo.dsl.run.DataLimit;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.TableValue;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * One side of the book benchmark ({@code spark/bench/book-benchmark.sh}): the recipe that margins a book under
 * portfolio margin, run in this process or on Spark, timed from the recipe's start to its last row, with a digest of
 * every margin's bits so that the two sides can be seen to agree. Prints one line of {@code key=value}.
 *
 * <pre>java -cp ... margo.spark.BookBenchmark in-process|spark BOOK.csv CHAIN.csv [MASTER]</pre>
 */
public final class BookBenchmark {

    private BookBenchmark() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Path book = Path.of(args[1]).toAbsolutePath();
        Path chain = Path.of(args[2]).toAbsolutePath();
        String recipe = "data chain = options(\"" + chain + "\")\n"
                + "book desk = positions(\"" + book + "\", market chain, index 61000)\n"
                + "show margin(desk, portfolio_margin)\n";
        long startedSession = System.nanoTime();
        Engine engine = mode.equals("spark")
                ? SparkEngine.start(args.length > 3 ? Map.of("master", args[3]) : Map.of()) : null;
        long started = System.nanoTime();
        Execution execution = new Session(book.getParent(), DataLimit.commandLine(Long.MAX_VALUE), engine)
                .run(new SourceFile("benchmark.margo", recipe), Mode.RECIPE);
        long finished = System.nanoTime();
        if (engine != null) {
            engine.close();
        }
        if (execution.hasErrors()) {
            execution.diagnostics().forEach(diagnostic -> System.err.println(diagnostic.message()));
            System.exit(1);
        }
        Table margins = ((TableValue) execution.shown().getFirst().value()).table();
        long digest = 1;
        for (String column : margins.columnNames()) {
            if (margins.column(column) instanceof DoubleColumn numbers) {
                for (int row = 0; row < numbers.size(); row++) {
                    digest = digest * 31 + Double.doubleToRawLongBits(numbers.getDouble(row));
                }
            }
        }
        long accounts = margins.stringColumn("account").countUnique();
        double seconds = (finished - started) / 1e9;
        System.out.printf(Locale.ROOT, "mode=%s accounts=%d rows=%d session_s=%.1f run_s=%.1f accounts_per_s=%.0f"
                        + " digest=%016x peak_heap_mb=%d%n", mode, accounts, margins.rowCount(),
                (started - startedSession) / 1e9, seconds, accounts / seconds, digest, peakHeapBytes() >> 20);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap the run used at once. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
