package margo.dsl.value;

import margo.core.margin.Book;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PositionPricer;
import margo.core.market.OptionChain;

/**
 * Positions by account, bound by {@code book N = positions(PATH, market CHAIN)}, with the market they are valued
 * in: a book is always margined against the chain it was loaded with.
 *
 * @param book    the accounts, their margin groups, positions and collateral
 * @param market  the market chain's index, forwards and mark IVs at its valuation time
 * @param pricer  Black-76 in {@code market}; {@code priced_by} replaces it for one call
 * @param display one row per position or collateral holding
 * @param chain   the market chain the book was loaded with, whose bids and asks a hedge trades at
 */
public record BookValue(Book book, MarketSnapshot market, PositionPricer pricer, TableValue display,
                        OptionChain chain) implements TabulatedValue {

    public BookValue {
        if (book == null || market == null || pricer == null || display == null || chain == null) {
            throw new IllegalArgumentException("book, market, pricer, display and chain must not be null");
        }
    }

    @Override
    public String kind() {
        return "book";
    }
}
