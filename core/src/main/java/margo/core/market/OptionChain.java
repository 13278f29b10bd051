package margo.core.market;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A validated option chain at one valuation time: one row per option, with the standard columns of
 * {@link ChainColumn}, sorted by underlying, expiry, strike, then call before put.
 *
 * @param table         the quotes and derived columns; copied in and out, so the chain stays immutable
 * @param valuationTime the instant the quotes are valued at: time to expiry counts from here
 * @param underlying    the underlying asset, e.g. {@code BTC}; a chain of several underlyings names its file's first
 *                      here and all of them in {@link #underlyings()}
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

    /**
     * How many options the chain holds on each underlying ({@link ChainColumn#UNDERLYING}), in the chain's
     * order; one entry unless the file mixes underlyings.
     */
    public Map<String, Integer> underlyings() {
        return underlyingCounts(table);
    }

    /** How many rows of a chain table are on each underlying, in the table's order. */
    public static Map<String, Integer> underlyingCounts(Table table) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String underlying : table.stringColumn(ChainColumn.UNDERLYING.columnName())) {
            counts.merge(underlying, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The underlyings of a chain table that mixes several, e.g. {@code BTC (4 rows) and ETH (4 rows)}, or null
     * when it holds one: such a chain cannot stand for one underlying's market (a model fit, a surface, a book).
     */
    public static String mixedUnderlyings(Table table) {
        Map<String, Integer> counts = underlyingCounts(table);
        if (counts.size() <= 1) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((underlying, rows) -> parts.add(underlying + " (" + rows + (rows == 1 ? " row)" : " rows)")));
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and "
                + parts.getLast();
    }

    /** The number of options in the chain. */
    public int size() {
        return table.rowCount();
    }
}
