package margo.spark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import margo.dsl.engine.Engine;
import margo.dsl.run.DataLimit;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;

/**
 * One side of the book benchmark ({@code spark/bench/book-benchmark.sh}): the recipe that margins a book under
 * portfolio margin and exports the margins to a CSV file, run in this process or on Spark, timed from the recipe's
 * start to the file's last byte, with a digest of the file so that the two sides can be seen to agree (the export
 * writes the same bytes on both). Exported, the rows of a book of millions of accounts never gather in one JVM on
 * Spark. Prints one line of {@code key=value}.
 *
 * <pre>java -cp ... margo.spark.BookBenchmark in-process|spark BOOK.csv CHAIN.csv OUT.csv [MASTER]</pre>
 */
public final class BookBenchmark {

    private BookBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path book = Path.of(args[1]).toAbsolutePath();
        Path chain = Path.of(args[2]).toAbsolutePath();
        Path out = Path.of(args[3]).toAbsolutePath();
        String recipe = "data chain = options(\"" + chain + "\")\n"
                + "book desk = positions(\"" + book + "\", market chain, index 61000)\n"
                + "export margin(desk, portfolio_margin) to \"" + out + "\"\n";
        long startedSession = System.nanoTime();
        Engine engine = mode.equals("spark")
                ? SparkEngine.start(args.length > 4 ? Map.of("master", args[4]) : Map.of()) : null;
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
        long[] counted = accountsAndRows(out);
        double seconds = (finished - started) / 1e9;
        System.out.printf(Locale.ROOT, "mode=%s accounts=%d rows=%d session_s=%.1f run_s=%.1f accounts_per_s=%.0f"
                        + " sha256=%s peak_heap_mb=%d%n", mode, counted[0], counted[1],
                (started - startedSession) / 1e9, seconds, counted[0] / seconds, sha256(out).substring(0, 16),
                peakHeapBytes() >> 20);
    }

    /** The accounts (runs of one name in the first column, which the export keeps in book order) and the rows. */
    private static long[] accountsAndRows(Path margins) throws IOException {
        long[] counted = new long[2];
        String[] previous = {null};
        try (var lines = Files.lines(margins)) {
            lines.skip(1).forEach(line -> {
                String account = line.substring(0, Math.max(0, line.indexOf(',')));
                if (!account.equals(previous[0])) {
                    counted[0]++;
                    previous[0] = account;
                }
                counted[1]++;
            });
        }
        return counted;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
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
