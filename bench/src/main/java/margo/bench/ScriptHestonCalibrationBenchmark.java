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
 * Heston written in JavaScript ({@code examples/custom-model.margo}'s {@code heston_js}, a characteristic_function
 * model) calibrated to the sample chain, against the built-in Heston from the same start in the same run: the
 * example's fit, one start, Levenberg-Marquardt. The built-in one has the analytic gradient; the script's is
 * differenced, so it prices the chain about five times as often. Run from the repository's root, once interpreted and
 * once compiled (see {@link ScriptSetBenchmark}):
 * <pre>bench/jmh.sh ScriptHestonCalibrationBenchmark -f 1 -wi 1 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScriptHestonCalibrationBenchmark {

    private static final String START = "v0 in [0.01, 4] start 0.5  kappa in [0.1, 30] start 3  theta in [0.01, 4]"
            + " start 0.5  xi in [0.05, 8] start 1.5  rho in [-0.99, 0.99] start -0.2";
    private static final String FIT = " to chain { weight 1 / max(ask_iv - bid_iv, 0.5%)  starts 1 }\n";

    private RecipeSession session;

    @Setup(Level.Trial)
    public void loadTheExample() {
        Path examples = Path.of("examples").toAbsolutePath();
        String example;
        try {
            example = Files.readString(examples.resolve("custom-model.margo"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmark from the repository's root, where examples/ is", e);
        }
        session = new RecipeSession(examples);
        session.run(example.substring(0, example.indexOf("model hs")) + "model hs = heston { " + START + " }\n"
                + "model hj = characteristic_function { parameters { " + START + " } cf js heston_js }\n");
    }

    @Benchmark
    public Object javaScriptHeston() {
        return session.run("fit f = calibrate hj" + FIT);
    }

    /** The peer: the built-in Heston, with its analytic gradient. */
    @Benchmark
    public Object builtInHeston() {
        return session.run("fit f = calibrate hs" + FIT);
    }
}
