package margo.core.market;

import java.time.Instant;
import margo.core.pricing.OptionType;

/**
 * One option quote as read from a file, before validation and derivation. Prices are in the file's quote
 * units; implied volatilities are decimals (readers convert percent); missing numbers are NaN.
 *
 * @param rowNumber       CSV line or JSON entry, as in {@link RowProblem#rowNumber()}
 * @param instrument      the instrument name
 * @param expiry          the expiry instant
 * @param type            call or put
 * @param strike          strike, USD per unit of underlying
 * @param bid             best bid, quote units, NaN if none
 * @param ask             best ask, quote units, NaN if none
 * @param mark            mark price, quote units, NaN if none
 * @param underlyingPrice the forward (or underlying) price the data gives for this option's expiry, NaN if none
 * @param forwardSource   where {@code underlyingPrice} comes from, a {@code forward_source} label, or null
 * @param bidIv           bid implied volatility, decimal, NaN if none
 * @param askIv           ask implied volatility, decimal, NaN if none
 * @param markIv          mark implied volatility, decimal, NaN if none
 * @param openInterest    open interest in contracts, NaN if none
 */
record RawQuote(int rowNumber, String instrument, Instant expiry, OptionType type, double strike, double bid,
                double ask, double mark, double underlyingPrice, String forwardSource, double bidIv,
                double askIv, double markIv, double openInterest) {

    /** This quote with its implied volatilities multiplied by {@code factor} (0.01 turns percent into decimals). */
    RawQuote scaleVolatilities(double factor) {
        return new RawQuote(rowNumber, instrument, expiry, type, strike, bid, ask, mark, underlyingPrice,
                forwardSource, bidIv * factor, askIv * factor, markIv * factor, openInterest);
    }
}
