package margo.bench;

import java.util.concurrent.TimeUnit;
import margo.core.pricing.Black76;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Black-76 prices and vegas per second per core over the same 1,000-option randomized chain as
 * {@link ImpliedVolatilityBenchmark}; scores are per option.
 *
 * <pre>java -jar bench/target/benchmarks.jar Black76Benchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Black76Benchmark {

    private static final int BATCH = 1_000;

    private OptionBatch batch;
    private double[] out;

    @Setup
    public void setUp() {
        batch = new OptionBatch(BATCH, 20_260_324L);
        out = new double[BATCH];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] priceOfChain() {
        for (int i = 0; i < BATCH; i++) {
            out[i] = Black76.price(batch.types[i], batch.forwards[i], batch.strikes[i], batch.timesYears[i],
                    batch.volatilities[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] vegaOfChain() {
        for (int i = 0; i < BATCH; i++) {
            out[i] = Black76.vega(batch.types[i], batch.forwards[i], batch.strikes[i], batch.timesYears[i],
                    batch.volatilities[i]);
        }
        return out;
    }
}
