package margo.dsl.run;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The columns of a table as primitive arrays, for compiled row expressions to read by index; each column is
 * copied out once, the first time an expression names it. Instants are seconds since the epoch, so that
 * arithmetic on them stays in doubles; a scalar expression runs in a frame of one row and no table.
 */
final class RowFrame {

    private final Table table;
    private final Instant valuationTime;
    private final int rows;
    private final Map<String, Object> arrays = new HashMap<>();

    private RowFrame(Table table, Instant valuationTime, int rows) {
        this.table = table;
        this.valuationTime = valuationTime;
        this.rows = rows;
    }

    static RowFrame of(Table table, Instant valuationTime) {
        return new RowFrame(table, valuationTime, table.rowCount());
    }

    /** The frame of a scalar expression: one row, no columns. */
    static RowFrame scalar() {
        return new RowFrame(null, null, 1);
    }

    /**
     * The frame of a {@code require} condition or a custom rule's formula: one row whose "columns" are a model's
     * parameters or the scenario aggregates, each a one-element array the caller writes into before evaluating.
     */
    static RowFrame parameters(List<String> names) {
        RowFrame frame = new RowFrame(null, null, 1);
        names.forEach(name -> frame.arrays.put(name, new double[1]));
        return frame;
    }

    int rows() {
        return rows;
    }

    /** Whether the frame's table has a column of this name. */
    boolean has(String name) {
        return table != null && table.containsColumn(name);
    }

    /** The valuation time of the chain; null for a table that is not a chain. */
    Instant valuationTime() {
        return valuationTime;
    }

    /** A number, duration or instant column; missing cells as NaN. */
    double[] doubles(String name) {
        return (double[]) arrays.computeIfAbsent(name, key -> {
            Column<?> column = table.column(key);
            double[] values = new double[rows];
            if (column instanceof InstantColumn instants) {
                for (int row = 0; row < rows; row++) {
                    values[row] = instants.isMissing(row) ? Double.NaN : seconds(instants.get(row));
                }
            } else {
                NumericColumn<?> numbers = (NumericColumn<?>) column;
                for (int row = 0; row < rows; row++) {
                    values[row] = numbers.isMissing(row) ? Double.NaN : numbers.getDouble(row);
                }
            }
            return values;
        });
    }

    boolean[] booleans(String name) {
        return (boolean[]) arrays.computeIfAbsent(name, key -> {
            BooleanColumn column = (BooleanColumn) table.column(key);
            boolean[] values = new boolean[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = !column.isMissing(row) && column.get(row);
            }
            return values;
        });
    }

    /** A text column; missing cells as the empty text. */
    String[] texts(String name) {
        return (String[]) arrays.computeIfAbsent(name, key -> {
            StringColumn column = (StringColumn) table.column(key);
            String[] values = new String[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = column.isMissing(row) ? "" : column.get(row);
            }
            return values;
        });
    }

    static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() * 1e-9;
    }

    /** The instant {@code seconds} after the epoch, to the millisecond. */
    static Instant instant(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }
}
