package margo.core.smiles;

import java.util.List;

/**
 * A smile family fitted to a chain: the per-expiry smiles, how well they fit, and where they admit arbitrage.
 * This is what {@code surface sv = svi(chain)} holds and {@code plot smile(sv)} draws.
 *
 * <p>Between expiries, total variance is interpolated linearly in time at fixed log-moneyness, which keeps a
 * calendar-arbitrage-free set of smiles free of calendar arbitrage; before the first expiry and after the last
 * the implied volatility at fixed log-moneyness is held flat ({@code w} proportional to {@code T}).
 *
 * @param family    SVI, SSVI or SABR
 * @param quotes    the quotes fitted to
 * @param smiles    one fitted smile per expiry of {@code quotes}, nearest first: {@link SviRaw} for SVI and SSVI
 *                  (an SSVI slice is a raw SVI smile, Gatheral and Jacquier 2014, section 4), {@link SabrSmile}
 *                  for SABR
 * @param ssvi      the fitted SSVI surface for family SSVI, else null
 * @param residuals model minus market implied volatility for every quote, vol points (percent), indexed like
 *                  {@code quotes}
 * @param rmse      each expiry's weighted root-mean-square residual, vol points
 * @param arbitrage the butterfly and calendar checks of the fitted smiles
 */
public record SurfaceFit(SmileFamily family, SmileQuotes quotes, List<Smile> smiles, SsviSurface ssvi,
                         double[][] residuals, double[] rmse, ArbitrageReport arbitrage) {

    public SurfaceFit {
        if (family == null || quotes == null || smiles == null || arbitrage == null || residuals == null
                || rmse == null) {
            throw new IllegalArgumentException("family, quotes, smiles, residuals, rmse and arbitrage must not be null");
        }
        if (smiles.size() != quotes.size() || residuals.length != quotes.size() || rmse.length != quotes.size()) {
            throw new IllegalArgumentException("smiles, residuals and rmse must have one entry per expiry ("
                    + quotes.size() + ")");
        }
        if ((family == SmileFamily.SSVI) != (ssvi != null)) {
            throw new IllegalArgumentException("ssvi must be given for family SSVI and only for it");
        }
        smiles = List.copyOf(smiles);
        double[][] copy = new double[residuals.length][];
        for (int i = 0; i < residuals.length; i++) {
            copy[i] = residuals[i].clone();
        }
        residuals = copy;
        rmse = rmse.clone();
    }

    /** Residuals, RMSE and the arbitrage report of {@code smiles} against {@code quotes}. */
    static SurfaceFit of(SmileFamily family, SmileQuotes quotes, List<Smile> smiles, SsviSurface ssvi, double[] grid,
                         List<String> conditionFailures) {
        int n = quotes.size();
        double[][] residuals = new double[n][];
        double[] rmse = new double[n];
        double[] times = quotes.times();
        for (int i = 0; i < n; i++) {
            int m = quotes.quoteCount(i);
            residuals[i] = new double[m];
            double sum = 0;
            double weights = 0;
            for (int j = 0; j < m; j++) {
                double model = smiles.get(i).impliedVolatility(quotes.logMoneyness(i, j), times[i]);
                residuals[i][j] = 100 * (model - quotes.impliedVolatility(i, j));
                sum += quotes.weight(i, j) * residuals[i][j] * residuals[i][j];
                weights += quotes.weight(i, j);
            }
            rmse[i] = weights > 0 ? Math.sqrt(sum / weights) : Double.NaN;
        }
        ArbitrageReport report = ArbitrageChecks.surface(smiles, times, grid, conditionFailures);
        return new SurfaceFit(family, quotes, smiles, ssvi, residuals, rmse, report);
    }

    @Override
    public double[][] residuals() {
        double[][] copy = new double[residuals.length][];
        for (int i = 0; i < residuals.length; i++) {
            copy[i] = residuals[i].clone();
        }
        return copy;
    }

    @Override
    public double[] rmse() {
        return rmse.clone();
    }

    /** Time to each fitted expiry, years (ACT/365), increasing. */
    public double[] times() {
        return quotes.times();
    }

    /** The fitted implied volatility (annualised decimal) of expiry {@code expiryIndex} at log-moneyness {@code k}. */
    public double impliedVolatility(int expiryIndex, double logMoneyness) {
        return smiles.get(expiryIndex).impliedVolatility(logMoneyness, quotes.times()[expiryIndex]);
    }

    /**
     * The surface's total implied variance (dimensionless) at time {@code T} (years, &gt; 0) and log-moneyness
     * {@code k}, interpolated between expiries as the class comment says.
     */
    public double totalVariance(double timeYears, double logMoneyness) {
        return totalVariance(quotes.times(), timeYears, logMoneyness);
    }

    /**
     * The surface's implied volatility (annualised decimal) at time {@code T} (years) and log-moneyness {@code k}; NaN
     * where {@code T} is not &gt; 0, as {@link #impliedVolatilities}.
     */
    public double impliedVolatility(double timeYears, double logMoneyness) {
        return timeYears > 0 && Double.isFinite(timeYears)
                ? Math.sqrt(totalVariance(timeYears, logMoneyness) / timeYears) : Double.NaN;
    }

    /**
     * The surface's implied volatilities for a whole chain in one call, on primitive arrays:
     * {@code out[i] = impliedVolatility(times[i], logMoneyness[i])}, NaN where {@code times[i]} is not &gt; 0.
     *
     * @param times        each option's time to expiry, years (ACT/365)
     * @param logMoneyness each option's {@code ln(K/F)}
     * @param out          receives the implied volatilities, annualised decimals; may not alias the inputs
     */
    public void impliedVolatilities(double[] times, double[] logMoneyness, double[] out) {
        Checks.sameLength("times", times, "logMoneyness", logMoneyness);
        Checks.sameLength("times", times, "out", out);
        double[] nodes = quotes.times();
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            out[i] = t > 0 && Double.isFinite(t) ? Math.sqrt(totalVariance(nodes, t, logMoneyness[i]) / t) : Double.NaN;
        }
    }

    private double totalVariance(double[] nodes, double t, double k) {
        int last = nodes.length - 1;
        if (t <= nodes[0]) {
            return smiles.get(0).totalVariance(k) * t / nodes[0];
        }
        if (t >= nodes[last]) {
            return smiles.get(last).totalVariance(k) * t / nodes[last];
        }
        int upper = java.util.Arrays.binarySearch(nodes, t);
        if (upper >= 0) {
            return smiles.get(upper).totalVariance(k);
        }
        upper = -upper - 1;
        int lower = upper - 1;
        double fraction = (t - nodes[lower]) / (nodes[upper] - nodes[lower]);
        double before = smiles.get(lower).totalVariance(k);
        return before + fraction * (smiles.get(upper).totalVariance(k) - before);
    }
}
