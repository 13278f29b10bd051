package margo.dsl.value;

import margo.core.market.PriceHistory;
import margo.core.risk.CollateralHaircut;

/**
 * A collateral haircut calibrated from a coin's price history by {@code haircut(HISTORY, ...)}: shown as its report,
 * and taken by a book's collateral, {@code positions(PATH, market CHAIN, haircut H)}.
 *
 * @param haircut the haircut and how it was estimated
 * @param history the history as written in the recipe, e.g. {@code eth}
 * @param prices  that history, whose price level tells whether it is the coin of the book it is given to
 * @param report  how {@code show} displays it
 */
public record HaircutValue(CollateralHaircut haircut, String history, PriceHistory prices, ReportValue report)
        implements Value {

    public HaircutValue {
        if (haircut == null || history == null || prices == null || report == null) {
            throw new IllegalArgumentException("haircut, history, prices and report must not be null");
        }
    }

    @Override
    public String kind() {
        return "haircut";
    }
}
