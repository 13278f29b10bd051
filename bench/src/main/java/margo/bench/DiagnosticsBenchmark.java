package margo.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;
import margo.dsl.syntax.Parser;
import margo.dsl.syntax.SourceFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Printing every diagnostic of a data file given to {@code margo run} by mistake (a Deribit CSV of {@code lines}
 * lines, several syntax errors per line): {@link SourceFile} indexes its line starts once, so the cost grows with
 * the file. The peer, in the same run, looks each diagnostic's line up the way SourceFile did before, by splitting
 * the whole text again, which grows with the square of the file.
 *
 * <pre>java -jar bench/target/benchmarks.jar DiagnosticsBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiagnosticsBenchmark {

    private static final String HEADER = "instrument_name,base_currency,quote_currency,creation_timestamp,"
            + "underlying_index,underlying_price,bid_price,ask_price,mark_iv";
    private static final String ROW = "BTC-29MAR24-60000-C,BTC,BTC,1709280000000,BTC-29MAR24,61140.55,0.0925,0.0945,61.2";

    @Param({"1000", "4000"})
    public int lines;

    private List<Diagnostic> diagnostics;

    @Setup
    public void parseTheDataFile() {
        String text = HEADER + "\n" + (ROW + "\n").repeat(lines - 1);
        diagnostics = Parser.parse(new SourceFile("data.csv", text)).diagnostics();
    }

    @Benchmark
    public int formatWithIndexedLines() {
        int length = 0;
        for (Diagnostic diagnostic : diagnostics) {
            length += DiagnosticFormatter.format(diagnostic).length();
        }
        return length;
    }

    /** The same work with the line found by re-splitting the text, as before the index: the peer. */
    @Benchmark
    public int formatResplittingTheText() {
        int length = 0;
        for (Diagnostic diagnostic : diagnostics) {
            List<String> split = diagnostic.source().text().lines().toList();
            length += split.get(diagnostic.span().line() - 1).length() + DiagnosticFormatter.format(diagnostic).length();
        }
        return length;
    }
}
