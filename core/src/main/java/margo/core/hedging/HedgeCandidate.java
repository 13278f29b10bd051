package margo.core.hedging;

import margo.core.market.InstrumentName;

/**
 * An instrument a hedge may trade, with the prices it trades at.
 *
 * @param instrument the instrument
 * @param bid        the price a sale gets, in the instrument's quote units (coin per option for an inverse option, USD
 *                   for a linear one); NaN when nobody bids, which rules out selling. For futures and perpetuals, NaN
 *                   on both sides means they trade at their mark with no spread (Margo has no futures quotes)
 * @param ask        the price a purchase pays, in the same units; NaN when nobody offers, which rules out buying
 */
public record HedgeCandidate(InstrumentName instrument, double bid, double ask) {

    public HedgeCandidate {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument must not be null");
        }
        if (!(Double.isNaN(bid) || (bid >= 0 && Double.isFinite(bid)))
                || !(Double.isNaN(ask) || (ask >= 0 && Double.isFinite(ask)))) {
            throw new IllegalArgumentException("bid and ask must be non-negative prices or NaN, not " + bid + " and "
                    + ask + " (" + instrument.text() + ")");
        }
        if (bid > ask) {
            throw new IllegalArgumentException(instrument.text() + " has a crossed quote: bid " + bid + " above ask "
                    + ask);
        }
    }

    /** A future or perpetual, traded at its mark. */
    public static HedgeCandidate atMark(InstrumentName instrument) {
        return new HedgeCandidate(instrument, Double.NaN, Double.NaN);
    }
}
