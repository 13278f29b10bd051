package margo.bench;

import java.util.List;
import margo.core.calibration.CalibrationQuotes;
import margo.core.calibration.ParameterSpec;
import margo.core.pricing.OptionType;
import margo.core.smiles.SsviSurface;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.Registry;

/**
 * A BTC chain of real size and shape for the model-calibration benchmarks: 400 out-of-the-money options over the
 * ten expiries a Deribit chain lists (1, 2 and 7 days, 2 and 4 weeks, 2, 3, 6, 9 and 12 months), 40 strikes each
 * evenly spaced within +-2.5 at-the-money standard deviations of a forward near 60,000 USD. The market implied
 * volatilities come from an SSVI surface (Gatheral and Jacquier 2014) with a BTC-like term structure, at-the-money
 * {@code 0.55 + 0.15 exp(-T / 0.1)}, and a short-dated smile as curved as the day's options show (rho 0.1, eta 1.2,
 * gamma 0.4): a shape none of the four models produces exactly, so every fit stops at a misfit of its own, as on
 * real data.
 *
 * <p>The bounds and starts are the defaults of the recipe language's model families ({@link Registry}), so a
 * benchmark fit is what {@code fit f = calibrate m to chain} runs for {@code model m = heston}.
 */
final class BtcSurfaceChain {

    static final int SIZE = 400;
    private static final double[] EXPIRY_DAYS = {1, 2, 7, 14, 28, 56, 91, 182, 273, 364};
    private static final int STRIKES_PER_EXPIRY = SIZE / EXPIRY_DAYS.length;

    private BtcSurfaceChain() {
    }

    /** The at-the-money implied volatility at T years. */
    static double atmVolatility(double timeYears) {
        return 0.55 + 0.15 * Math.exp(-timeYears / 0.1);
    }

    /** The chain's quotes, implied-volatility target, unit weights. */
    static CalibrationQuotes quotes() {
        int expiries = EXPIRY_DAYS.length;
        double[] times = new double[expiries];
        double[] thetas = new double[expiries];
        for (int e = 0; e < expiries; e++) {
            times[e] = EXPIRY_DAYS[e] / 365.0;
            thetas[e] = atmVolatility(times[e]) * atmVolatility(times[e]) * times[e];
        }
        SsviSurface surface = new SsviSurface(0.1, 1.2, 0.4, times, thetas);
        int[] expiry = new int[SIZE];
        OptionType[] types = new OptionType[SIZE];
        double[] forwards = new double[SIZE];
        double[] strikes = new double[SIZE];
        double[] timesYears = new double[SIZE];
        double[] iv = new double[SIZE];
        double[] weights = new double[SIZE];
        for (int e = 0; e < expiries; e++) {
            double t = times[e];
            double forward = 60_000 * Math.exp(0.08 * t);
            double sd = atmVolatility(t) * Math.sqrt(t);
            for (int j = 0; j < STRIKES_PER_EXPIRY; j++) {
                int i = e * STRIKES_PER_EXPIRY + j;
                double k = sd * (-2.5 + 5.0 * j / (STRIKES_PER_EXPIRY - 1));
                expiry[i] = e;
                forwards[i] = forward;
                strikes[i] = forward * Math.exp(k);
                types[i] = k >= 0 ? OptionType.CALL : OptionType.PUT;
                timesYears[i] = t;
                iv[i] = Math.sqrt(surface.totalVariance(thetas[e], k) / t);
                weights[i] = 1.0;
            }
        }
        return new CalibrationQuotes(expiry, types, forwards, strikes, timesYears, iv, weights);
    }

    /** The recipe language's model family of that name: heston, bates, merton, variance_gamma. */
    static ModelFamily family(String name) {
        return Registry.standard().modelFamily(name)
                .orElseThrow(() -> new IllegalArgumentException("no model family " + name));
    }

    /** The family's default bounds and starts, as a recipe's {@code model m = NAME} with nothing written. */
    static List<ParameterSpec> parameters(ModelFamily family) {
        return family.parameters().stream()
                .map(p -> ParameterSpec.free(p.name(), p.lower(), p.upper(), p.start())).toList();
    }
}
