package margo.core.smiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits one {@link SsviSurface} to every expiry of a chain at once by weighted least squares on implied
 * volatility: Levenberg-Marquardt over {@code rho}, {@code eta}, {@code gamma} and the at-the-money total
 * variances {@code theta_t}, which start from the quotes' interpolated ATM volatility
 * ({@link SmileQuotes#atTheMoneyVolatility}) and are refined with the rest, since interpolating between strikes
 * misses the smile's curvature.
 *
 * <p>Coordinates: {@code rho = tanh(x0)}; unconstrained, {@code eta = exp(x1)}, {@code gamma = logistic(x2)} in
 * (0, 1) and each {@code theta_t = exp(y_t)}. With {@link SmileFitOptions#arbitrageFree()} the coordinates
 * themselves enforce the sufficient conditions, so no penalty is needed: {@code eta = 2/(1+|rho|) logistic(x1)},
 * {@code gamma = logistic(x2)/2} (the power-law condition of {@link SsviSurface#conditionFailures}) and
 * {@code theta_t = theta_(t-1) + exp(y_t)} (non-decreasing, Theorem 4.1).
 */
public final class SsviFitter {

    private SsviFitter() {
    }

    /** Fits the surface to all of {@code quotes}; see the class comment. */
    public static SurfaceFit fit(SmileQuotes quotes, SmileFitOptions options) {
        int n = quotes.size();
        double[] times = quotes.times();
        boolean constrained = options.arbitrageFree();
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += quotes.quoteCount(i);
        }
        double[] k = new double[count];
        double[] vol = new double[count];
        double[] sqrtWeight = new double[count];
        int[] expiry = new int[count];
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < quotes.quoteCount(i); j++, q++) {
                k[q] = quotes.logMoneyness(i, j);
                vol[q] = quotes.impliedVolatility(i, j);
                sqrtWeight[q] = Math.sqrt(quotes.weight(i, j));
                expiry[q] = i;
            }
        }
        double[] atmThetas = new double[n];
        for (int i = 0; i < n; i++) {
            double atm = quotes.atTheMoneyVolatility(i);
            atmThetas[i] = atm * atm * times[i];
            if (constrained && i > 0) {
                atmThetas[i] = Math.max(atmThetas[i], atmThetas[i - 1] * (1 + 1e-6));
            }
        }
        List<double[]> starts = new ArrayList<>();
        for (double rho : new double[] {-0.3, 0.0, 0.3}) {
            double eta = constrained ? 0.5 * 2 / (1 + Math.abs(rho)) : 1.0;
            double gamma = 0.3;
            double[] start = new double[3 + n];
            start[0] = LeastSquares.atanh(rho);
            start[1] = constrained ? LeastSquares.logit(eta * (1 + Math.abs(rho)) / 2) : Math.log(eta);
            start[2] = LeastSquares.logit(constrained ? 2 * gamma : gamma);
            for (int i = 0; i < n; i++) {
                start[3 + i] = Math.log(constrained && i > 0 ? atmThetas[i] - atmThetas[i - 1] : atmThetas[i]);
            }
            starts.add(start);
        }
        LeastSquares.Result result = LeastSquares.bestOf(count, starts, (x, out) -> {
            SsviSurface surface = surface(x, times, constrained);
            double[] thetas = surface.thetas();
            for (int p = 0; p < out.length; p++) {
                double w = surface.totalVariance(thetas[expiry[p]], k[p]);
                out[p] = sqrtWeight[p] * (Math.sqrt(w / times[expiry[p]]) - vol[p]);
            }
        });
        SsviSurface surface = surface(result.point(), times, constrained);
        return SurfaceFit.of(SmileFamily.SSVI, quotes, surface.slices(), surface, options.grid(quotes),
                surface.conditionFailures());
    }

    /** The surface at unbounded coordinates, as the class comment describes. */
    static SsviSurface surface(double[] x, double[] times, boolean constrained) {
        double rho = LeastSquares.correlation(x[0]);
        double eta = constrained ? 2 / (1 + Math.abs(rho)) * LeastSquares.logistic(x[1]) : Math.exp(x[1]);
        double gamma = constrained ? LeastSquares.logistic(x[2]) / 2 : LeastSquares.logistic(x[2]);
        double[] thetas = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            thetas[i] = Math.exp(x[3 + i]) + (constrained && i > 0 ? thetas[i - 1] : 0);
        }
        return new SsviSurface(rho, eta, gamma, times, thetas);
    }
}
