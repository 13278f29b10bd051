package margo.dsl.engine;

import java.io.Serializable;
import margo.core.margin.Book;

/**
 * What a recipe changes in every part of a partitioned book before a statement uses it, such as the coin's
 * collateral haircut given to {@code positions}; account by account, like a {@link BookTask}.
 */
@FunctionalInterface
public interface BookAdjustment extends Serializable {

    /** Leaves the book as its file wrote it. */
    BookAdjustment NONE = part -> part;

    Book apply(Book part);
}
