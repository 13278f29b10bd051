package margo.core.smiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import margo.core.market.ChainColumn;
import margo.core.market.OptionChain;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The implied volatilities a smile is fitted to, grouped by expiry on primitive arrays: for expiry {@code i},
 * {@code logMoneyness()[i][j]}, {@code impliedVolatilities()[i][j]} and {@code weights()[i][j]} describe quote
 * {@code j}, in increasing log-moneyness.
 *
 * @param expiries            the expiry instants, nearest first
 * @param times               time to each expiry, years (ACT/365), increasing and &gt; 0
 * @param forwards            the forward for each expiry, USD per unit of underlying
 * @param logMoneyness        {@code k = ln(K/F)} of each quote, dimensionless
 * @param impliedVolatilities each quote's implied volatility, annualised decimal
 * @param weights             each quote's weight in the least-squares fit, &ge; 0 (relative within the fit)
 */
public record SmileQuotes(List<Instant> expiries, double[] times, double[] forwards, double[][] logMoneyness,
                          double[][] impliedVolatilities, double[][] weights) {

    /** Which implied volatility of a chain row to fit. */
    public enum Source {
        /** {@code mid_iv}: the volatility of (bid + ask) / 2; rows without both sides are left out. */
        MID,
        /** {@code mark_iv}: the venue's mark. */
        MARK
    }

    /** How quotes are weighted within an expiry. */
    public enum Weighting {
        /** Every quote counts the same: the fit minimises the RMSE in vol points. */
        EQUAL,
        /** Weight proportional to Black-76 vega (column {@code vega}): near-the-money quotes, which carry most
         *  of the premium, count more than far wings. */
        VEGA
    }

    public SmileQuotes {
        if (expiries == null || expiries.isEmpty()) {
            throw new IllegalArgumentException("expiries must not be empty");
        }
        expiries = List.copyOf(expiries);
        int n = expiries.size();
        if (times == null || forwards == null || logMoneyness == null || impliedVolatilities == null
                || weights == null) {
            throw new IllegalArgumentException("times, forwards, logMoneyness, impliedVolatilities and weights must"
                    + " not be null");
        }
        if (times.length != n || forwards.length != n || logMoneyness.length != n || impliedVolatilities.length != n
                || weights.length != n) {
            throw new IllegalArgumentException("times, forwards, logMoneyness, impliedVolatilities and weights must"
                    + " have one entry per expiry (" + n + ")");
        }
        times = times.clone();
        forwards = forwards.clone();
        logMoneyness = deepCopy(logMoneyness);
        impliedVolatilities = deepCopy(impliedVolatilities);
        weights = deepCopy(weights);
        Checks.increasingTimes("times", times);
        for (int i = 0; i < n; i++) {
            Checks.positive("forwards[" + i + "]", forwards[i]);
            Checks.sameLength("logMoneyness[" + i + "]", logMoneyness[i], "impliedVolatilities[" + i + "]",
                    impliedVolatilities[i]);
            Checks.sameLength("logMoneyness[" + i + "]", logMoneyness[i], "weights[" + i + "]", weights[i]);
            if (logMoneyness[i].length == 0) {
                throw new IllegalArgumentException("expiry " + expiries.get(i) + " has no quotes");
            }
            for (int j = 0; j < logMoneyness[i].length; j++) {
                Checks.finite("logMoneyness[" + i + "][" + j + "]", logMoneyness[i][j]);
                Checks.positive("impliedVolatilities[" + i + "][" + j + "]", impliedVolatilities[i][j]);
                if (!(weights[i][j] >= 0) || Double.isInfinite(weights[i][j])) {
                    throw new IllegalArgumentException("weights[" + i + "][" + j + "] must be finite and >= 0, but"
                            + " was " + weights[i][j]);
                }
            }
        }
    }

    /**
     * The out-of-the-money quotes of a chain (puts below the forward, calls at and above it): their prices carry
     * the smile, while in-the-money ones repeat it through put-call parity with wider relative spreads. Rows
     * whose chosen volatility is undefined are left out, and so are expiries left with fewer than
     * {@code minimumQuotes} quotes.
     *
     * @param chain         a loaded chain
     * @param source        mid or mark implied volatility
     * @param weighting     equal or vega weights
     * @param minimumQuotes the fewest quotes an expiry needs to be kept (5 for SVI's five parameters)
     */
    public static SmileQuotes fromChain(OptionChain chain, Source source, Weighting weighting, int minimumQuotes) {
        if (chain == null || source == null || weighting == null) {
            throw new IllegalArgumentException("chain, source and weighting must not be null");
        }
        String ivColumn = (source == Source.MID ? ChainColumn.MID_IV : ChainColumn.MARK_IV).columnName();
        Table table = chain.table();
        List<Instant> expiries = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        List<double[][]> columns = new ArrayList<>();
        Instant current = null;
        List<double[]> rows = new ArrayList<>();
        double time = 0;
        double forward = 0;
        for (Row row : table) {
            Instant expiry = row.getInstant(ChainColumn.EXPIRY.columnName());
            if (!expiry.equals(current)) {
                keep(current, time, forward, rows, minimumQuotes, expiries, times, columns);
                current = expiry;
                rows = new ArrayList<>();
            }
            time = row.getDouble(ChainColumn.TIME_TO_EXPIRY.columnName());
            forward = row.getDouble(ChainColumn.FORWARD.columnName());
            double k = row.getDouble(ChainColumn.LOG_MONEYNESS.columnName());
            boolean call = row.getString(ChainColumn.TYPE.columnName()).equals("call");
            double iv = row.getDouble(ivColumn);
            double weight = weighting == Weighting.EQUAL ? 1.0 : row.getDouble(ChainColumn.VEGA.columnName());
            if ((call == (k >= 0)) && iv > 0 && Double.isFinite(iv) && weight >= 0 && Double.isFinite(weight)) {
                rows.add(new double[] {k, iv, weight});
            }
        }
        keep(current, time, forward, rows, minimumQuotes, expiries, times, columns);
        if (expiries.isEmpty()) {
            throw new IllegalArgumentException("chain has no expiry with " + minimumQuotes + " or more out-of-the-money"
                    + " quotes with a defined " + ivColumn);
        }
        int n = expiries.size();
        double[] t = new double[n];
        double[] f = new double[n];
        double[][] k = new double[n][];
        double[][] iv = new double[n][];
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            t[i] = times.get(i)[0];
            f[i] = times.get(i)[1];
            k[i] = columns.get(i)[0];
            iv[i] = columns.get(i)[1];
            w[i] = columns.get(i)[2];
        }
        return new SmileQuotes(expiries, t, f, k, iv, w);
    }

    private static void keep(Instant expiry, double time, double forward, List<double[]> rows, int minimumQuotes,
                             List<Instant> expiries, List<double[]> times, List<double[][]> columns) {
        if (expiry == null || rows.size() < minimumQuotes || !(time > 0)) {
            return;
        }
        rows.sort((x, y) -> Double.compare(x[0], y[0]));
        double[][] column = new double[3][rows.size()];
        double maxWeight = 0;
        for (double[] row : rows) {
            maxWeight = Math.max(maxWeight, row[2]);
        }
        for (int j = 0; j < rows.size(); j++) {
            column[0][j] = rows.get(j)[0];
            column[1][j] = rows.get(j)[1];
            column[2][j] = maxWeight > 0 ? rows.get(j)[2] / maxWeight : 1.0;
        }
        expiries.add(expiry);
        times.add(new double[] {time, forward});
        columns.add(column);
    }

    /** The number of expiries. */
    public int size() {
        return expiries.size();
    }

    /**
     * The at-the-money implied volatility of expiry {@code i}, annualised decimal: the quotes' volatility at
     * {@code k = 0}, by quadratic interpolation through the three quotes nearest the money (linear with two,
     * the quote itself with one), which follows the smile's curvature between strikes.
     */
    public double atTheMoneyVolatility(int i) {
        double[] k = logMoneyness[i];
        double[] v = impliedVolatilities[i];
        int n = k.length;
        if (n == 1) {
            return v[0];
        }
        int nearest = 0;
        for (int j = 1; j < n; j++) {
            if (Math.abs(k[j]) < Math.abs(k[nearest])) {
                nearest = j;
            }
        }
        if (n == 2) {
            return v[0] + (v[1] - v[0]) * (0 - k[0]) / (k[1] - k[0]);
        }
        int start = Math.max(0, Math.min(nearest - 1, n - 3));
        double x0 = k[start];
        double x1 = k[start + 1];
        double x2 = k[start + 2];
        if (x0 == x1 || x1 == x2) {
            return v[nearest];
        }
        // Lagrange's quadratic through (x0, v0), (x1, v1), (x2, v2), evaluated at 0.
        return v[start] * (x1 * x2) / ((x0 - x1) * (x0 - x2))
                + v[start + 1] * (x0 * x2) / ((x1 - x0) * (x1 - x2))
                + v[start + 2] * (x0 * x1) / ((x2 - x0) * (x2 - x1));
    }

    /** The smallest and largest log-moneyness quoted at any expiry, {@code {min, max}}. */
    public double[] logMoneynessRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : logMoneyness) {
            min = Math.min(min, row[0]);
            max = Math.max(max, row[row.length - 1]);
        }
        return new double[] {min, max};
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] forwards() {
        return forwards.clone();
    }

    @Override
    public double[][] logMoneyness() {
        return deepCopy(logMoneyness);
    }

    @Override
    public double[][] impliedVolatilities() {
        return deepCopy(impliedVolatilities);
    }

    @Override
    public double[][] weights() {
        return deepCopy(weights);
    }

    /** Quote {@code j}'s log-moneyness at expiry {@code i}, without copying the arrays. */
    double logMoneyness(int i, int j) {
        return logMoneyness[i][j];
    }

    /** Quote {@code j}'s implied volatility at expiry {@code i}, without copying the arrays. */
    double impliedVolatility(int i, int j) {
        return impliedVolatilities[i][j];
    }

    /** Quote {@code j}'s weight at expiry {@code i}, without copying the arrays. */
    double weight(int i, int j) {
        return weights[i][j];
    }

    /** The number of quotes at expiry {@code i}. */
    public int quoteCount(int i) {
        return logMoneyness[i].length;
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException("row " + i + " must not be null");
            }
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
