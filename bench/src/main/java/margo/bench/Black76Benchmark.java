package margo.bench;

import java.util.concurrent.TimeUnit;
import margo.core.pricing.Black76;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Black-76 prices per second per core over the 1,000-option randomized chain of {@link OptionBatch}, the same one
 * {@link ImpliedVolatilityBenchmark} inverts; the score is per option.
 *
 * <pre>java -jar bench/target/benchmarks.jar Black76Benchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Black76Benchmark {

    @Benchmark
    @OperationsPerInvocation(OptionBatch.SIZE)
    public double[] priceOfChain(OptionBatch batch) {
        for (int i = 0; i < OptionBatch.SIZE; i++) {
            batch.out[i] = Black76.price(batch.types[i], batch.forwards[i], batch.strikes[i], batch.timesYears[i],
                    batch.volatilities[i]);
        }
        return batch.out;
    }
}
