package margo.core.smiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits raw SVI ({@link SviRaw}) to each expiry of a chain by weighted least squares on implied volatility.
 *
 * <p>Method: Levenberg-Marquardt in unbounded coordinates {@code (ln w_min, ln b, atanh rho, m, ln sigma)},
 * {@code w_min = a + b sigma sqrt(1 - rho^2)} the minimum total variance, so every trial smile is a valid SVI
 * with positive variance. Starts: a grid of {@code (m, sigma, rho)}; for each, {@code a} and {@code b} solve the
 * weighted linear least-squares problem in total variance, which is linear in them for fixed {@code (m, sigma,
 * rho)} (the observation behind Zeliade's quasi-explicit calibration, Zeliade Systems 2009). The best fit over
 * the starts wins.
 *
 * <p>With {@link SmileFitOptions#arbitrageFree()} the residuals gain penalties, on the check grid, for a negative
 * density {@code g(k)} (Gatheral and Jacquier 2014, eq. 2.1), for wings steeper than Lee's bound
 * {@code b(1 + |rho|) <= 2} (beyond which {@code g -> 1/4 - b^2(1+|rho|)^2/16 < 0} in the wing) and, expiry by
 * expiry in increasing time, for total variance below the previous expiry's; the penalty weight rises tenfold
 * until the grid checks pass (at most {@value #PENALTY_ROUNDS} rounds); any violation left is in the report.
 */
public final class SviFitter {

    static final int PENALTY_ROUNDS = 6;
    /** Lee's bound on the slope of total variance in either wing. */
    private static final double LEE_BOUND = 2.0;
    /** Margin inside the constraints, so that the fitted smile passes the checks with room for round-off. */
    private static final double MARGIN = 1e-6;

    private SviFitter() {
    }

    /** Fits every expiry of {@code quotes}; see the class comment. */
    public static SurfaceFit fit(SmileQuotes quotes, SmileFitOptions options) {
        double[] grid = options.grid(quotes);
        double[] times = quotes.times();
        List<Smile> smiles = new ArrayList<>();
        List<String> wings = new ArrayList<>();
        SviRaw previous = null;
        for (int i = 0; i < quotes.size(); i++) {
            SviRaw smile = fitExpiry(quotes, i, times[i], options.arbitrageFree() ? grid : null, previous);
            smiles.add(smile);
            if (!withinLeeBound(smile)) {
                wings.add("wing slope b (1 + |rho|) = " + smile.steepestWingSlope() + " > 2 at expiry " + i
                        + " (Lee 2004): the density is negative far in the wing, beyond the grid");
            }
            previous = smile;
        }
        return SurfaceFit.of(SmileFamily.SVI, quotes, smiles, null, grid, wings);
    }

    /** Lee's bound on the wings, {@link SviRaw#steepestWingSlope()} at most 2, with the checks' tolerance. */
    static boolean withinLeeBound(SviRaw svi) {
        return svi.steepestWingSlope() <= LEE_BOUND + ArbitrageChecks.TOLERANCE;
    }

    /**
     * One expiry's fit; with a non-null {@code grid}, constrained to no butterfly arbitrage on it and, given a
     * {@code previous} smile, to total variance above it.
     */
    static SviRaw fitExpiry(SmileQuotes quotes, int expiry, double time, double[] grid, SviRaw previous) {
        int m = quotes.quoteCount(expiry);
        double[] k = new double[m];
        double[] vol = new double[m];
        double[] sqrtWeight = new double[m];
        for (int j = 0; j < m; j++) {
            k[j] = quotes.logMoneyness(expiry, j);
            vol[j] = quotes.impliedVolatility(expiry, j);
            sqrtWeight[j] = Math.sqrt(quotes.weight(expiry, j));
        }
        LeastSquares.Result free = LeastSquares.bestOf(m, starts(k, vol, sqrtWeight, time),
                (x, out) -> volatilityResiduals(x, k, vol, sqrtWeight, time, out));
        if (grid == null || passes(smile(free.point()), previous, grid)) {
            return smile(free.point()); // an unconstrained optimum without arbitrage also solves the constrained fit
        }
        double[] previousVariance = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            previousVariance[g] = previous == null ? 0 : previous.totalVariance(grid[g]);
        }
        int count = m + 1 + 2 * grid.length;
        double[] penalty = {1.0};
        LeastSquares.Residuals residuals = (x, out) -> {
            volatilityResiduals(x, k, vol, sqrtWeight, time, out);
            double lambda = penalty[0];
            if (!representable(x)) {
                // A trial step of the penalised search can overflow a coordinate's exp: a point no smile has, which
                // the search must refuse, not a failure of the fit.
                java.util.Arrays.fill(out, m, out.length, lambda * OVERFLOW_PENALTY);
                return;
            }
            SviRaw svi = smile(x);
            out[m] = lambda * Math.max(0, svi.steepestWingSlope() - LEE_BOUND + MARGIN);
            for (int g = 0; g < grid.length; g++) {
                out[m + 1 + g] = lambda * Math.max(0, MARGIN - svi.density(grid[g]));
                out[m + 1 + grid.length + g] = previous == null ? 0
                        : lambda * Math.max(0, previousVariance[g] + MARGIN - svi.totalVariance(grid[g]));
            }
        };
        // Start from the unconstrained optimum and from the previous expiry's smile, which is arbitrage-free.
        List<double[]> starts = new ArrayList<>();
        starts.add(free.point());
        if (previous != null) {
            starts.add(coordinates(previous));
        }
        LeastSquares.Result result = LeastSquares.bestOf(count, starts, residuals);
        for (int round = 1; round < PENALTY_ROUNDS && !passes(smile(result.point()), previous, grid); round++) {
            penalty[0] *= 10;
            result = LeastSquares.minimize(count, result.point(), residuals);
        }
        return smile(result.point());
    }

    /** The penalty residual of a point whose smile overflows: large, and its square still finite. */
    private static final double OVERFLOW_PENALTY = 1e100;

    /** Whether {@link #smile(double[])} is a smile at {@code x}: its a, b and sigma finite. */
    private static boolean representable(double[] x) {
        double b = Math.exp(x[1]);
        double sigma = Math.exp(x[4]);
        return Double.isFinite(b) && Double.isFinite(sigma) && Double.isFinite(Math.exp(x[0]) - b * sigma)
                && Double.isFinite(x[3]);
    }

    /** The unbounded coordinates of a smile, the inverse of {@link #smile(double[])}. */
    static double[] coordinates(SviRaw svi) {
        return new double[] {Math.log(Math.max(svi.minimumTotalVariance(), 1e-12)), Math.log(Math.max(svi.b(), 1e-12)),
                LeastSquares.atanh(svi.rho()), svi.m(), Math.log(svi.sigma())};
    }

    /**
     * Whether a smile needs no constraint: no negative density on the grid, wings within Lee's bound (whose
     * violation the grid may not reach), and no fall below the previous expiry's total variance.
     */
    private static boolean passes(SviRaw svi, SviRaw previous, double[] grid) {
        return withinLeeBound(svi) && ArbitrageChecks.butterfly(svi, grid).isEmpty()
                && (previous == null || ArbitrageChecks.calendar(previous, svi, grid).isEmpty());
    }

    /** The SVI smile at unbounded coordinates {@code (ln w_min, ln b, atanh rho, m, ln sigma)}. */
    static SviRaw smile(double[] x) {
        double b = Math.exp(x[1]);
        double rho = LeastSquares.correlation(x[2]);
        double sigma = Math.exp(x[4]);
        double a = Math.exp(x[0]) - b * sigma * Math.sqrt(1 - rho * rho);
        return new SviRaw(a, b, rho, x[3], sigma);
    }

    private static void volatilityResiduals(double[] x, double[] k, double[] vol, double[] sqrtWeight, double time,
                                            double[] out) {
        double b = Math.exp(x[1]);
        double rho = LeastSquares.correlation(x[2]);
        double m = x[3];
        double sigma = Math.exp(x[4]);
        double a = Math.exp(x[0]) - b * sigma * Math.sqrt(1 - rho * rho);
        for (int j = 0; j < k.length; j++) {
            double d = k[j] - m;
            double w = a + b * (rho * d + Math.sqrt(d * d + sigma * sigma));
            out[j] = sqrtWeight[j] * (Math.sqrt(Math.max(w, 0) / time) - vol[j]);
        }
    }

    /** Starting points over a grid of (m, sigma, rho), with a and b from weighted linear least squares in w. */
    private static List<double[]> starts(double[] k, double[] vol, double[] sqrtWeight, double time) {
        double span = Math.max(k[k.length - 1] - k[0], 0.05);
        double meanVariance = 0;
        for (double v : vol) {
            meanVariance += v * v * time / vol.length;
        }
        List<double[]> starts = new ArrayList<>();
        for (double mShift : new double[] {-0.1, 0.0, 0.1}) {
            for (double sigmaShare : new double[] {0.1, 0.3}) {
                for (double rho : new double[] {-0.5, 0.0, 0.5}) {
                    double m = mShift * span;
                    double sigma = sigmaShare * span;
                    double[] ab = linearLevelAndAngle(k, vol, sqrtWeight, time, m, sigma, rho);
                    double b = ab[1] > 0 ? ab[1] : 0.1 * meanVariance / span;
                    double minimum = ab[0] + b * sigma * Math.sqrt(1 - rho * rho);
                    if (!(minimum > 0)) {
                        minimum = 0.5 * meanVariance;
                    }
                    starts.add(new double[] {Math.log(minimum), Math.log(b), LeastSquares.atanh(rho), m,
                            Math.log(sigma)});
                }
            }
        }
        return starts;
    }

    /** Weighted least squares of {@code w_j = a + b f_j}, {@code f_j = rho(k_j - m) + sqrt((k_j - m)^2 + sigma^2)}. */
    private static double[] linearLevelAndAngle(double[] k, double[] vol, double[] sqrtWeight, double time, double m,
                                                double sigma, double rho) {
        double sw = 0, sf = 0, sff = 0, sy = 0, sfy = 0;
        for (int j = 0; j < k.length; j++) {
            double weight = sqrtWeight[j] * sqrtWeight[j];
            double d = k[j] - m;
            double f = rho * d + Math.sqrt(d * d + sigma * sigma);
            double y = vol[j] * vol[j] * time;
            sw += weight;
            sf += weight * f;
            sff += weight * f * f;
            sy += weight * y;
            sfy += weight * f * y;
        }
        double determinant = sw * sff - sf * sf;
        if (!(Math.abs(determinant) > 1e-300)) {
            return new double[] {sy / sw, 0};
        }
        double b = (sw * sfy - sf * sy) / determinant;
        double a = (sy - b * sf) / sw;
        return new double[] {a, b};
    }
}
