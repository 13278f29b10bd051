package margo.bench;

import java.util.concurrent.TimeUnit;
import margo.core.pricing.Black76;
import margo.core.pricing.ImpliedVolatility;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
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
 * of {@link OptionBatch}; the score is per option thanks to {@link OperationsPerInvocation}. The peer in the same
 * run is what a team would otherwise write: Brent's root finder (Commons Math) on the Black-76 price, bracketed in
 * [0.1%, 1000%] and solved to 1e-12 absolute in volatility, a tolerance that still loses to the 1e-15 of
 * "Let's be rational".
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

    /** The peer's solver, reused across calls as a team would; Brent keeps no state between solves. */
    private final BrentSolver brent = new BrentSolver(1e-12);

    @Benchmark
    @OperationsPerInvocation(OptionBatch.SIZE)
    public double[] brentRootFindingOfChain(OptionBatch batch) {
        for (int i = 0; i < OptionBatch.SIZE; i++) {
            int option = i;
            batch.out[i] = brent.solve(200, volatility -> Black76.price(batch.types[option], batch.forwards[option],
                    batch.strikes[option], batch.timesYears[option], volatility) - batch.prices[option], 0.001, 10.0);
        }
        return batch.out;
    }

    @Benchmark
    @OperationsPerInvocation(OptionBatch.SIZE)
    public double[] impliedVolatilityOfChain(OptionBatch batch) {
        ImpliedVolatility.impliedVolatilities(batch.types, batch.prices, batch.forwards, batch.strikes,
                batch.timesYears, batch.out);
        return batch.out;
    }
}
