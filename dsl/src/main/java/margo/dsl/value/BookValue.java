package margo.dsl.value;

import margo.core.margin.Book;
import margo.core.margin.PositionPricer;

/**
 * Positions by account, bound by {@code book N = positions(PATH, market CHAIN)}, with the market they are valued
 * in: a book is always margined against the chain it was loaded with.
 *
 * @param book    the accounts, their margin groups, positions and collateral
 * @param pricer  Black-76 at the market chain's forwards and mark IVs, at its index price
 * @param display one row per position or collateral holding
 */
public record BookValue(Book book, PositionPricer pricer, TableValue display) implements TabulatedValue {

    public BookValue {
        if (book == null || pricer == null || display == null) {
            throw new IllegalArgumentException("book, pricer and display must not be null");
        }
    }

    @Override
    public String kind() {
        return "book";
    }
}
