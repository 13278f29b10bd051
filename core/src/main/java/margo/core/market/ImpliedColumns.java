package margo.core.market;

import margo.core.pricing.Black76;
import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;

/**
 * The implied-volatility and vega columns of a chain, computed on primitive arrays.
 *
 * <p>Bid and ask volatilities come from the data when it has them (already decimals) and are otherwise
 * implied from the USD bid and ask by Black-76, undiscounted, as venues margin options on the forward.
 * The mid volatility is always implied from the USD mid. A USD price is the coin price times the forward,
 * so implying from it equals implying from the coin price
 * ({@link ImpliedVolatility#impliedVolatilityFromCoinPrice}).
 *
 * @param bidIv bid implied volatility, decimal, NaN when undefined (no bid, or outside Black-76's range)
 * @param midIv mid implied volatility, decimal, NaN when undefined
 * @param askIv ask implied volatility, decimal, NaN when undefined
 * @param vega  Black-76 vega in USD per vol point (0.01), at the mid volatility, else the mark volatility
 */
record ImpliedColumns(double[] bidIv, double[] midIv, double[] askIv, double[] vega) {

    /** One volatility point, 0.01: vega per point is Black-76 vega per unit of volatility times this. */
    static final double VOL_POINT = 0.01;

    /**
     * All arrays are aligned by row. Prices are USD per option on one unit of underlying; forwards and
     * strikes USD; times in years; volatilities decimals with NaN where the data has none.
     */
    static ImpliedColumns compute(OptionType[] types, double[] forward, double[] strike, double[] years,
                                  double[] bidUsd, double[] midUsd, double[] askUsd,
                                  double[] dataBidIv, double[] dataAskIv, double[] markIv) {
        int n = types.length;
        double[] bidIv = new double[n];
        double[] midIv = new double[n];
        double[] askIv = new double[n];
        double[] vega = new double[n];
        ImpliedVolatility.impliedVolatilities(types, bidUsd, forward, strike, years, bidIv);
        ImpliedVolatility.impliedVolatilities(types, midUsd, forward, strike, years, midIv);
        ImpliedVolatility.impliedVolatilities(types, askUsd, forward, strike, years, askIv);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(dataBidIv[i])) {
                bidIv[i] = dataBidIv[i];
            }
            if (!Double.isNaN(dataAskIv[i])) {
                askIv[i] = dataAskIv[i];
            }
            double volatility = Double.isNaN(midIv[i]) ? markIv[i] : midIv[i];
            vega[i] = volatility > 0
                    ? Black76.vega(types[i], forward[i], strike[i], years[i], volatility) * VOL_POINT
                    : Double.NaN;
        }
        return new ImpliedColumns(bidIv, midIv, askIv, vega);
    }
}
