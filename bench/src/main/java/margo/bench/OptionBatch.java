package margo.bench;

import java.util.SplittableRandom;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A reproducible batch of BTC-like options resembling one venue snapshot: forward ~60,000 USD, expiries from one
 * hour to two years (log-uniform), volatilities 30%-150%, strikes from -3 to +3 standard deviations around the
 * forward, out-of-the-money calls and puts as listed on Deribit plus some in-the-money ones, and their Black prices;
 * with an output buffer {@code out}. Fixed seed, so every run and every benchmark sees the same chain.
 */
@State(Scope.Thread)
public class OptionBatch {

    /** Options per benchmark invocation; the benchmarks' {@code OperationsPerInvocation}. */
    static final int SIZE = 1_000;
    private static final long SEED = 20_260_324L;

    final OptionType[] types;
    final double[] forwards;
    final double[] strikes;
    final double[] timesYears;
    final double[] volatilities;
    final double[] prices;
    final double[] out;

    public OptionBatch() {
        int size = SIZE;
        SplittableRandom random = new SplittableRandom(SEED);
        out = new double[size];
        types = new OptionType[size];
        forwards = new double[size];
        strikes = new double[size];
        timesYears = new double[size];
        volatilities = new double[size];
        prices = new double[size];
        for (int i = 0; i < size; i++) {
            double timeYears = Math.exp(Math.log(1.0 / 8760) + random.nextDouble() * Math.log(2.0 * 8760));
            double volatility = 0.3 + 1.2 * random.nextDouble();
            double forward = 60_000 * (0.9 + 0.2 * random.nextDouble());
            double standardDeviations = -3 + 6 * random.nextDouble();
            double strike = forward * Math.exp(standardDeviations * volatility * Math.sqrt(timeYears));
            boolean outOfTheMoney = random.nextDouble() < 0.8;
            boolean call = (strike >= forward) == outOfTheMoney;
            types[i] = call ? OptionType.CALL : OptionType.PUT;
            forwards[i] = forward;
            strikes[i] = strike;
            timesYears[i] = timeYears;
            volatilities[i] = volatility;
            prices[i] = Black76.price(types[i], forward, strike, timeYears, volatility);
        }
    }
}
