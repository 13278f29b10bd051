package margo.bench;

import java.util.SplittableRandom;
import margo.core.models.HestonParameters;
import margo.core.pricing.OptionType;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A reproducible BTC-like Heston chain for the model benchmarks: 200 out-of-the-money options over 8 expiries (1 week
 * to 1 year, 25 strikes each), strikes drawn within +-2.5 standard deviations of a 60% volatility around a forward of
 * about 60,000 USD, sorted by expiry as a calibration would hold them. Fixed seed. The shortest expiry is one week
 * because finmath-lib's pricer integrates over |u| &le; 100 only, which truncates a one-day Heston integrand.
 */
@State(Scope.Thread)
public class HestonChain {

    /** Options per benchmark invocation; the benchmarks' {@code OperationsPerInvocation}. */
    static final int SIZE = 200;
    static final int EXPIRIES = 8;
    static final int STRIKES_PER_EXPIRY = SIZE / EXPIRIES;
    private static final double[] EXPIRY_DAYS = {7, 14, 30, 60, 91, 182, 273, 365};
    private static final long SEED = 20_261_124L;

    /** BTC-like: 60% volatility now, 63% long-run, vol of vol 2.5, mild negative skew. */
    final HestonParameters model = new HestonParameters(0.36, 3.0, 0.4, 2.5, -0.1);
    final OptionType[] types = new OptionType[SIZE];
    final double[] forwards = new double[SIZE];
    final double[] strikes = new double[SIZE];
    final double[] timesYears = new double[SIZE];
    final double[] out = new double[SIZE];
    final double[] jacobian = new double[SIZE * HestonParameters.PARAMETER_COUNT];

    public HestonChain() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int e = 0; e < EXPIRIES; e++) {
            double t = EXPIRY_DAYS[e] / 365.0;
            double forward = 60_000 * (1.0 + 0.002 * e);
            for (int j = 0; j < STRIKES_PER_EXPIRY; j++) {
                double strike = forward * Math.exp((-2.5 + 5.0 * random.nextDouble()) * 0.6 * Math.sqrt(t));
                OptionType type = strike >= forward ? OptionType.CALL : OptionType.PUT;
                int i = e * STRIKES_PER_EXPIRY + j;
                types[i] = type;
                forwards[i] = forward;
                strikes[i] = strike;
                timesYears[i] = t;
            }
        }
    }
}
