package margo.dsl.value;

import java.time.Instant;
import tech.tablesaw.api.Table;

/**
 * A table: an option chain or a table derived from one by {@code keep} and {@code set}.
 *
 * @param table         the rows; never mutated once wrapped
 * @param valuationTime the time the chain is valued at, against which {@code expiry >= 2d} measures time
 *                      remaining; null for a table that is not a chain
 * @param displayRows   how many rows text and HTML renderings show before "… N more rows" (JSON shows all)
 */
public record TableValue(Table table, Instant valuationTime, int displayRows) implements Value {

    /** Rows shown when a recipe does not say {@code rows N}. */
    public static final int DEFAULT_DISPLAY_ROWS = 20;

    public TableValue {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (displayRows < 1) {
            throw new IllegalArgumentException("displayRows must be at least 1, not " + displayRows);
        }
    }

    public TableValue(Table table, Instant valuationTime) {
        this(table, valuationTime, DEFAULT_DISPLAY_ROWS);
    }

    /** The same rows, displayed {@code rows} at a time. */
    public TableValue withDisplayRows(int rows) {
        return new TableValue(table, valuationTime, rows);
    }

    /** The same metadata over other rows or columns. */
    public TableValue withTable(Table other) {
        return new TableValue(other, valuationTime, displayRows);
    }

    @Override
    public String kind() {
        return "table";
    }
}
