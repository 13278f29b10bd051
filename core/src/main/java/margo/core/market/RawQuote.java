package margo.core.market;

import java.time.Instant;
import margo.core.pricing.OptionType;

/**
 * One option quote as read from a file, before validation and derivation. Prices are in the file's quote
 * units; implied volatilities as the file writes them, percent or decimals ({@link RawChain#volatilityUnit()});
 * missing numbers are NaN.
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
 * @param bidIv           bid implied volatility as written, NaN if none
 * @param askIv           ask implied volatility as written, NaN if none
 * @param markIv          mark implied volatility as written, NaN if none
 * @param openInterest    open interest in contracts, NaN if none
 * @param underlying      the underlying asset the data names for this row (a generic file's {@code underlying}
 *                        column), or null to read it from the instrument name
 */
record RawQuote(int rowNumber, String instrument, Instant expiry, OptionType type, double strike, double bid,
                double ask, double mark, double underlyingPrice, String forwardSource, double bidIv,
                double askIv, double markIv, double openInterest, String underlying) {

    /** A quote whose underlying is read from its instrument name. */
    RawQuote(int rowNumber, String instrument, Instant expiry, OptionType type, double strike, double bid,
             double ask, double mark, double underlyingPrice, String forwardSource, double bidIv, double askIv,
             double markIv, double openInterest) {
        this(rowNumber, instrument, expiry, type, strike, bid, ask, mark, underlyingPrice, forwardSource, bidIv,
                askIv, markIv, openInterest, null);
    }

    /** This quote with other implied volatilities (NaN for none). */
    RawQuote withVolatilities(double newBidIv, double newAskIv, double newMarkIv) {
        return new RawQuote(rowNumber, instrument, expiry, type, strike, bid, ask, mark, underlyingPrice,
                forwardSource, newBidIv, newAskIv, newMarkIv, openInterest, underlying);
    }
}
