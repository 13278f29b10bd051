package margo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JavaScript function called from a {@code set} column over a chain of a million rows, once per row through the
 * sandbox, against the same formula in the recipe language (compiled to closures over the column arrays), in the
 * same run: {@code set y = moneyness(strike, forward)} against {@code set y = log(strike / forward)}. Both times
 * include copying the table and adding the column. The {@code keep} pair tests the same formulas as a condition
 * that keeps no row, which copies nothing: there a million divided by the time is the calls per second.
 *
 * <p>Scripts compile only with JVMCI and the Graal compiler on the upgrade module path (docs/scripts.md); run once
 * as is (interpreted) and once with them:
 * <pre>bench/jmh.sh ScriptSetBenchmark -f 1 -wi 3 -i 5
 * bench/jmh.sh ScriptSetBenchmark -f 1 -wi 3 -i 5 -jvmArgsAppend "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI
 *     --upgrade-module-path $(ls polyglot/target/graal-compiler/*.jar | paste -sd:)"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScriptSetBenchmark {

    static final int ROWS = 1_000_000;

    private RecipeSession session;

    @Setup(Level.Trial)
    public void loadAMillionRowChain() {
        try {
            Path folder = Files.createTempDirectory("margo-script-bench");
            StringBuilder csv = new StringBuilder("expiry,strike,type,bid,ask,forward,timestamp\n");
            for (int row = 0; row < ROWS; row++) {
                double strike = 20000 + 0.1 * row;
                csv.append("2024-03-29,").append(strike).append(row % 2 == 0 ? ",call," : ",put,")
                        .append("100,110,61000,2024-03-01T08:00:00Z\n");
            }
            Path chain = Files.writeString(folder.resolve("chain.csv"), csv, StandardCharsets.UTF_8);
            chain.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            session = new RecipeSession(folder);
            session.run("""
                    script js \"""
                    function moneyness(k, f) { return Math.log(k / f); }
                    \""" exports moneyness
                    data chain = options("chain.csv")
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public Object javaScriptFunction() {
        return session.run("let a = chain { set y = moneyness(strike, forward) }\n");
    }

    /** The peer: the same formula in the recipe language. */
    @Benchmark
    public Object recipeLanguage() {
        return session.run("let a = chain { set y = log(strike / forward) }\n");
    }

    @Benchmark
    public Object javaScriptFunctionInKeep() {
        return session.run("let a = chain { keep moneyness(strike, forward) > 100 }\n");
    }

    /** The peer of {@link #javaScriptFunctionInKeep}. */
    @Benchmark
    public Object recipeLanguageInKeep() {
        return session.run("let a = chain { keep log(strike / forward) > 100 }\n");
    }
}
