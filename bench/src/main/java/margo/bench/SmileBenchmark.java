package margo.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import margo.core.smiles.SmileFamily;
import margo.core.smiles.SmileFitOptions;
import margo.core.smiles.SmileQuotes;
import margo.core.smiles.SsviSurface;
import margo.core.smiles.SurfaceFit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Smile fitting and evaluation: fitting SVI (per expiry), SSVI (one surface) and SABR to five expiries of 13
 * quotes each from a known SSVI surface (the sample chain's parameters: rho 0.15, eta 1.2, gamma 0.4), and the
 * fitted SSVI surface's implied volatilities for 1,000 random (T, k) points in one call (score per point).
 *
 * <pre>java -jar bench/target/benchmarks.jar SmileBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1</pre>
 */
public class SmileBenchmark {

    /** The quotes, a fitted surface and 1,000 query points with an output buffer; fixed seed. */
    @State(Scope.Thread)
    public static class Surface {
        static final int POINTS = 1_000;
        final SmileQuotes quotes;
        final SurfaceFit ssvi;
        final double[] times = new double[POINTS];
        final double[] logMoneyness = new double[POINTS];
        final double[] out = new double[POINTS];

        public Surface() {
            double[] t = {7 / 365.0, 28 / 365.0, 56 / 365.0, 119 / 365.0, 182 / 365.0};
            double[] thetas = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                double atm = 0.58 + 0.14 * Math.exp(-t[i] / 0.15);
                thetas[i] = atm * atm * t[i];
            }
            SsviSurface truth = new SsviSurface(0.15, 1.2, 0.4, t, thetas);
            List<Instant> expiries = new ArrayList<>();
            double[][] k = new double[t.length][13];
            double[][] iv = new double[t.length][13];
            double[][] weights = new double[t.length][13];
            double[] forwards = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                expiries.add(Instant.parse("2024-03-01T08:00:00Z").plusSeconds(Math.round(t[i] * 365 * 86400)));
                forwards[i] = 61_000 * Math.exp(0.12 * t[i]);
                double width = 2.5 * Math.sqrt(thetas[i]);
                for (int j = 0; j < 13; j++) {
                    k[i][j] = -width + 2 * width * j / 12;
                    iv[i][j] = truth.slice(i).impliedVolatility(k[i][j], t[i]);
                    weights[i][j] = 1;
                }
            }
            quotes = new SmileQuotes(expiries, t, forwards, k, iv, weights);
            ssvi = SmileFamily.SSVI.fit(quotes, SmileFitOptions.DEFAULT);
            SplittableRandom random = new SplittableRandom(20_261_124L);
            for (int p = 0; p < POINTS; p++) {
                times[p] = 1 / 365.0 + random.nextDouble() * 0.6;
                logMoneyness[p] = -1 + 1.5 * random.nextDouble();
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Surface.POINTS)
    public double[] impliedVolatilitiesOfChain(Surface surface) {
        surface.ssvi.impliedVolatilities(surface.times, surface.logMoneyness, surface.out);
        return surface.out;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SurfaceFit fitSsvi(Surface surface) {
        return SmileFamily.SSVI.fit(surface.quotes, SmileFitOptions.DEFAULT);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SurfaceFit fitSviPerExpiry(Surface surface) {
        return SmileFamily.SVI.fit(surface.quotes, SmileFitOptions.DEFAULT);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SurfaceFit fitArbitrageFreeSvi(Surface surface) {
        return SmileFamily.SVI.fit(surface.quotes, SmileFitOptions.DEFAULT.withArbitrageFree(true));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SurfaceFit fitSabrPerExpiry(Surface surface) {
        return SmileFamily.SABR.fit(surface.quotes, SmileFitOptions.DEFAULT);
    }
}
