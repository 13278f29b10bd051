package margo.bench;

import java.util.concurrent.TimeUnit;
import margo.core.pricing.ImpliedVolatility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Implied volatilities per second per core (Jaeckel's "Let's be rational") over the 1,000-option randomized chain
 * of {@link OptionBatch}; the score is per option thanks to {@link OperationsPerInvocation}.
 *
 * <pre>java -jar bench/target/benchmarks.jar ImpliedVolatilityBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImpliedVolatilityBenchmark {

    /** Measure real work only: every price in the batch must invert back to its volatility. */
    @Setup
    public void checkTheBatchInverts(OptionBatch batch) {
        double[] out = impliedVolatilityOfChain(batch);
        for (int i = 0; i < OptionBatch.SIZE; i++) {
            double error = Math.abs(out[i] - batch.volatilities[i]);
            if (!(error <= 1e-9 * batch.volatilities[i])) {
                throw new IllegalStateException("option " + i + ": implied " + out[i] + " but priced at "
                        + batch.volatilities[i]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OptionBatch.SIZE)
    public double[] impliedVolatilityOfChain(OptionBatch batch) {
        ImpliedVolatility.impliedVolatilities(batch.types, batch.prices, batch.forwards, batch.strikes,
                batch.timesYears, batch.out);
        return batch.out;
    }
}
