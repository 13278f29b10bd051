package margo.bench;

import java.util.concurrent.TimeUnit;
import margo.core.models.CosPricer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Heston prices per second per core by Margo's COS pricer over the 200-option, 8-expiry chain of
 * {@link HestonChain} (one expansion per expiry, then O(N) per strike), and prices with the analytic gradient in
 * (v0, kappa, theta, xi, rho); the score is per option. Run with {@link FinmathHestonBenchmark} for the comparison:
 *
 * <pre>java -jar bench/target/benchmarks.jar "CosHestonBenchmark|FinmathHestonBenchmark" -f 1 -wi 2 -i 3 -w 1s -r 2s -t 1</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CosHestonBenchmark {

    @Benchmark
    @OperationsPerInvocation(HestonChain.SIZE)
    public double[] priceChain(HestonChain chain) {
        CosPricer.DEFAULT.priceChain(chain.model, chain.forwards, chain.timesYears, chain.strikes, chain.types,
                chain.out);
        return chain.out;
    }

    @Benchmark
    @OperationsPerInvocation(HestonChain.SIZE)
    public double[] priceAndGradientChain(HestonChain chain) {
        CosPricer.DEFAULT.priceAndGradientChain(chain.model, chain.forwards, chain.timesYears, chain.strikes,
                chain.types, chain.out, chain.jacobian);
        return chain.jacobian;
    }
}
