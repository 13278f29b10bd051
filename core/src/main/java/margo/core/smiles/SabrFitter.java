package margo.core.smiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits Hagan's SABR ({@link Sabr}) to each expiry of a chain, with beta fixed by the user
 * ({@link SmileFitOptions#sabrBeta()}) and Hagan's or Obloj's expansion ({@link SmileFitOptions#sabrExpansion()}),
 * by weighted least squares on implied volatility: Levenberg-Marquardt in
 * unbounded coordinates {@code (ln alpha, atanh rho, ln nu)}, from nine starts: alpha from the quotes' ATM
 * volatility ({@link Sabr#atTheMoneyAlpha}) and a grid of rho in {-0.5, 0, 0.5} and nu in {0.5, 1.5, 4}
 * (crypto vol-of-vol is high at short expiries). The best fit wins.
 *
 * <p>SABR fits are checked for butterfly and calendar arbitrage like the others, but not constrained:
 * {@link SmileFitOptions#arbitrageFree()} does not change them; a recipe that asks for an arbitrage-free surface
 * should use SVI or SSVI.
 */
public final class SabrFitter {

    private SabrFitter() {
    }

    /** Fits every expiry of {@code quotes}; see the class comment. */
    public static SurfaceFit fit(SmileQuotes quotes, SmileFitOptions options) {
        double beta = options.sabrBeta();
        Sabr.Expansion expansion = options.sabrExpansion();
        double[] times = quotes.times();
        double[] forwards = quotes.forwards();
        List<Smile> smiles = new ArrayList<>();
        for (int i = 0; i < quotes.size(); i++) {
            smiles.add(new SabrSmile(fitExpiry(quotes, i, forwards[i], times[i], beta, expansion), forwards[i], times[i],
                    expansion));
        }
        return SurfaceFit.of(SmileFamily.SABR, quotes, smiles, null, options.grid(quotes), List.of());
    }

    static Sabr fitExpiry(SmileQuotes quotes, int expiry, double forward, double time, double beta,
                          Sabr.Expansion expansion) {
        int m = quotes.quoteCount(expiry);
        double[] strikes = new double[m];
        double[] vol = new double[m];
        double[] sqrtWeight = new double[m];
        for (int j = 0; j < m; j++) {
            strikes[j] = forward * Math.exp(quotes.logMoneyness(expiry, j));
            vol[j] = quotes.impliedVolatility(expiry, j);
            sqrtWeight[j] = Math.sqrt(quotes.weight(expiry, j));
        }
        double alpha = Sabr.atTheMoneyAlpha(quotes.atTheMoneyVolatility(expiry), forward, beta);
        List<double[]> starts = new ArrayList<>();
        for (double rho : new double[] {-0.5, 0.0, 0.5}) {
            for (double nu : new double[] {0.5, 1.5, 4.0}) {
                starts.add(new double[] {Math.log(alpha), LeastSquares.atanh(rho), Math.log(nu)});
            }
        }
        double[] point = LeastSquares.bestOf(m, starts, (x, out) -> {
            Sabr sabr = parameters(x, beta);
            for (int j = 0; j < m; j++) {
                out[j] = sqrtWeight[j] * (sabr.impliedVolatility(forward, strikes[j], time, expansion) - vol[j]);
            }
        }).point();
        return parameters(point, beta);
    }

    private static Sabr parameters(double[] x, double beta) {
        return new Sabr(Math.exp(x[0]), beta, LeastSquares.correlation(x[1]), Math.exp(x[2]));
    }
}
