package margo.core.calibration;

import java.io.Serializable;
import java.time.Instant;
import margo.core.market.ChainColumn;
import margo.core.market.OptionChain;
import margo.core.pricing.OptionType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Option quotes to calibrate to, as parallel primitive arrays (one element per quote). All quotes of one expiry
 * share its forward and time to expiry.
 *
 * <p>The record keeps the arrays it is given: callers must not modify them afterwards (the engine never does).
 *
 * @param expiryIndex which expiry each quote belongs to (0, 1, ... in the caller's order of expiries); the expiry
 *        subset and the per-expiry RMSE refer to these indices
 * @param types call or put
 * @param forwards the forward (futures) price of the expiry, in quote currency (USD for BTC options)
 * @param strikes the strike, in the same currency
 * @param timesYears time to expiry in years (ACT/365)
 * @param market the market value in target units: the implied volatility as a decimal, or the undiscounted price in
 *        the currency of the forward; NaN when the market has none (the quote is then excluded)
 * @param weights the weight that multiplies the quote's residual (the language evaluates the recipe's
 *        {@code weight} expression into these); a non-finite or non-positive weight excludes the quote
 */
public record CalibrationQuotes(int[] expiryIndex, OptionType[] types, double[] forwards, double[] strikes,
        double[] timesYears, double[] market, double[] weights) implements Serializable {

    /** @throws IllegalArgumentException naming the array whose length differs from {@code expiryIndex} */
    public CalibrationQuotes {
        if (expiryIndex == null) {
            throw new IllegalArgumentException("expiryIndex must not be null");
        }
        int n = expiryIndex.length;
        requireLength("types", types == null ? -1 : types.length, n);
        requireLength("forwards", forwards == null ? -1 : forwards.length, n);
        requireLength("strikes", strikes == null ? -1 : strikes.length, n);
        requireLength("timesYears", timesYears == null ? -1 : timesYears.length, n);
        requireLength("market", market == null ? -1 : market.length, n);
        requireLength("weights", weights == null ? -1 : weights.length, n);
        for (int i = 0; i < n; i++) {
            if (expiryIndex[i] < 0) {
                throw new IllegalArgumentException("expiryIndex[" + i + "] = " + expiryIndex[i] + " is negative");
            }
            if (types[i] == null) {
                throw new IllegalArgumentException("types[" + i + "] is null");
            }
        }
    }

    /**
     * The quotes of a chain, one per row in the chain's order: market values from the {@code mid_iv} column for the
     * implied-volatility target or {@code mid_usd} for the price target (NaN where the mid is missing, so those
     * quotes are excluded), expiry indices numbering the chain's distinct expiries from 0 in ascending order.
     *
     * @param weights one weight per row, as the recipe's {@code weight} expression evaluated over the table
     * @throws IllegalArgumentException when {@code weights} does not have one element per row
     */
    public static CalibrationQuotes fromChain(OptionChain chain, Target target, double[] weights) {
        return fromTable(chain.table(), target, weights);
    }

    /**
     * As {@link #fromChain}, from a table with the chain's columns {@code expiry}, {@code type}, {@code forward},
     * {@code strike}, {@code time_to_expiry} and {@code mid_iv} or {@code mid_usd}: the recipe language's chains,
     * filtered by {@code keep}, are tables of that shape.
     */
    public static CalibrationQuotes fromTable(Table table, Target target, double[] weights) {
        int n = table.rowCount();
        requireLength("weights", weights == null ? -1 : weights.length, n);
        InstantColumn expiries = table.instantColumn(ChainColumn.EXPIRY.columnName());
        StringColumn types = table.stringColumn(ChainColumn.TYPE.columnName());
        DoubleColumn market = table.doubleColumn(target == Target.IMPLIED_VOLATILITY
                ? ChainColumn.MID_IV.columnName() : ChainColumn.MID_USD.columnName());
        Instant[] distinct = expiries.asSet().stream().sorted().toArray(Instant[]::new);
        int[] expiryIndex = new int[n];
        OptionType[] optionTypes = new OptionType[n];
        for (int i = 0; i < n; i++) {
            expiryIndex[i] = java.util.Arrays.binarySearch(distinct, expiries.get(i));
            optionTypes[i] = OptionType.parse(types.get(i));
        }
        return new CalibrationQuotes(expiryIndex, optionTypes,
                table.doubleColumn(ChainColumn.FORWARD.columnName()).asDoubleArray(),
                table.doubleColumn(ChainColumn.STRIKE.columnName()).asDoubleArray(),
                table.doubleColumn(ChainColumn.TIME_TO_EXPIRY.columnName()).asDoubleArray(),
                market.asDoubleArray(), weights.clone());
    }

    private static void requireLength(String name, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(name + " has " + (length < 0 ? "no" : String.valueOf(length))
                    + " elements, expected " + expected + " (one per quote)");
        }
    }

    /** The number of quotes. */
    public int size() {
        return expiryIndex.length;
    }

    /** The quotes at {@code indices}, in that order, as new arrays. */
    public CalibrationQuotes subset(int[] indices) {
        int m = indices.length;
        int[] e = new int[m];
        OptionType[] t = new OptionType[m];
        double[] f = new double[m];
        double[] k = new double[m];
        double[] tt = new double[m];
        double[] y = new double[m];
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            int i = indices[j];
            e[j] = expiryIndex[i];
            t[j] = types[i];
            f[j] = forwards[i];
            k[j] = strikes[i];
            tt[j] = timesYears[i];
            y[j] = market[i];
            w[j] = weights[i];
        }
        return new CalibrationQuotes(e, t, f, k, tt, y, w);
    }
}
