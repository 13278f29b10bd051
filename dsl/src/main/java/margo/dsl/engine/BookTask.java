package margo.dsl.engine;

import java.io.Serializable;
import margo.core.margin.Book;
import tech.tablesaw.api.Table;

/**
 * The rows a statement makes from some accounts of a book: margin, stress, attribution or backtest of each account.
 * A task's rows of an account depend on that account alone, so the rows of a book's parts, put one after the other
 * in the book's order, are the rows of the whole book; an engine may run it on other machines, so it is
 * serialisable, and captures only core's values (a rule, a pricer, a shock series, a number).
 */
@FunctionalInterface
public interface BookTask extends Serializable {

    /** The rows of the accounts of {@code part}, in its order; every call has the same columns. */
    Table rows(Book part);
}
