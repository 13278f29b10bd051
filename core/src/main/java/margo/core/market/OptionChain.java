package margo.core.market;

import java.nio.file.Path;
import java.time.Instant;
import tech.tablesaw.api.Table;

/**
 * A validated option chain at one valuation time: one row per option, with the standard columns of
 * {@link ChainColumn}, sorted by expiry, strike, then call before put.
 *
 * @param table         the quotes and derived columns; copied in and out, so the chain stays immutable
 * @param valuationTime the instant the quotes are valued at: time to expiry counts from here
 * @param underlying    the underlying asset, e.g. {@code BTC}
 * @param convention    whether bid, ask, mid and mark are in coin ({@link QuoteConvention#INVERSE}) or USD
 * @param source        the file the chain was read from
 */
public record OptionChain(Table table, Instant valuationTime, String underlying, QuoteConvention convention,
                          Path source) {

    public OptionChain {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        for (ChainColumn column : ChainColumn.values()) {
            if (!table.containsColumn(column.columnName())) {
                throw new IllegalArgumentException("table must have the standard column '" + column.columnName()
                        + "'; it has " + table.columnNames());
            }
        }
        if (valuationTime == null) {
            throw new IllegalArgumentException("valuationTime must not be null");
        }
        if (underlying == null || underlying.isBlank()) {
            throw new IllegalArgumentException("underlying must not be empty");
        }
        if (convention == null) {
            throw new IllegalArgumentException("convention must not be null");
        }
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
        table = table.copy();
    }

    /** A copy of the chain's table, with the columns of {@link ChainColumn}. */
    @Override
    public Table table() {
        return table.copy();
    }

    /** The number of options in the chain. */
    public int size() {
        return table.rowCount();
    }
}
