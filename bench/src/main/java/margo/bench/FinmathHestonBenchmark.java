package margo.bench;

import java.util.concurrent.TimeUnit;
import margo.core.models.CosPricer;
import margo.core.pricing.OptionType;
import net.finmath.exception.CalculationException;
import net.finmath.fouriermethod.models.HestonModel;
import net.finmath.fouriermethod.products.EuropeanOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same 200 Heston options as {@link CosHestonBenchmark}, priced by finmath-lib 6.0.28
 * ({@code net.finmath.fouriermethod.models.HestonModel} with {@code products.EuropeanOption}, which integrates the
 * Lewis-type Fourier representation by Simpson's rule on 20,000 intervals of [-100, 100], one integral per option).
 * finmath prices calls; puts are the call minus {@code F - K} (zero rates). The setup checks that both libraries
 * agree on every option to {@value #AGREEMENT} of the forward before anything is timed.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class FinmathHestonBenchmark {

    /** Agreement required between finmath-lib and Margo, as a fraction of the forward. */
    static final double AGREEMENT = 1e-9;

    private final HestonChain chain = new HestonChain();
    private HestonModel[] finmathModels;
    private EuropeanOption[] finmathCalls;

    @Setup(Level.Trial)
    public void buildAndCheckAgreement() throws CalculationException {
        finmathModels = new HestonModel[HestonChain.SIZE];
        finmathCalls = new EuropeanOption[HestonChain.SIZE];
        double[] margo = new double[HestonChain.SIZE];
        CosPricer.DEFAULT.priceChain(chain.model, chain.forwards, chain.timesYears, chain.strikes, chain.types,
                margo);
        double worst = 0.0;
        for (int i = 0; i < HestonChain.SIZE; i++) {
            // finmath's HestonModel(S0, r, sigma = sqrt(v0), theta, kappa, xi, rho); S0 = F with r = 0.
            finmathModels[i] = new HestonModel(chain.forwards[i], 0.0, Math.sqrt(chain.model.v0()),
                    chain.model.theta(), chain.model.kappa(), chain.model.xi(), chain.model.rho());
            finmathCalls[i] = new EuropeanOption(chain.timesYears[i], chain.strikes[i]);
            double finmath = finmathPrice(i);
            double difference = Math.abs(finmath - margo[i]) / chain.forwards[i];
            worst = Math.max(worst, difference);
            if (!(difference <= AGREEMENT)) {
                throw new IllegalStateException("finmath-lib and Margo disagree on option " + i + " ("
                        + chain.types[i].label() + " K=" + chain.strikes[i] + " T=" + chain.timesYears[i] + "): "
                        + finmath + " vs " + margo[i]);
            }
        }
        System.out.printf("%nfinmath-lib and Margo agree on all %d options to %.2e of the forward%n",
                HestonChain.SIZE, worst);
    }

    private double finmathPrice(int i) throws CalculationException {
        double call = finmathCalls[i].getValue(finmathModels[i]);
        return chain.types[i] == OptionType.CALL ? call : call - (chain.forwards[i] - chain.strikes[i]);
    }

    @Benchmark
    @OperationsPerInvocation(HestonChain.SIZE)
    public double[] priceChain() throws CalculationException {
        for (int i = 0; i < HestonChain.SIZE; i++) {
            chain.out[i] = finmathPrice(i);
        }
        return chain.out;
    }
}
