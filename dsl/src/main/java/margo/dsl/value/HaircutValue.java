package margo.dsl.value;

import margo.core.risk.CollateralHaircut;

/**
 * A collateral haircut calibrated from a coin's price history by {@code haircut(HISTORY, ...)}: shown as its report,
 * and taken by a book's collateral, {@code positions(PATH, market CHAIN, haircut H)}.
 *
 * @param haircut the haircut and how it was estimated
 * @param history the history as written in the recipe, e.g. {@code eth}
 * @param report  how {@code show} displays it
 */
public record HaircutValue(CollateralHaircut haircut, String history, ReportValue report) implements Value {

    public HaircutValue {
        if (haircut == null || history == null || report == null) {
            throw new IllegalArgumentException("haircut, history and report must not be null");
        }
    }

    @Override
    public String kind() {
        return "haircut";
    }
}
