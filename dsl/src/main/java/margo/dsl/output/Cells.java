package margo.dsl.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import margo.dsl.value.DisplayUnit;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * How numbers and table cells read in text and HTML, one rule for both so a table looks the same in a terminal
 * and in a notebook. Volatilities and other rates stay decimals (0.5523 is 55.23%) so that what is displayed
 * is what a recipe computes with; only numbers written as percentages in the recipe display as percentages.
 */
public final class Cells {

    private Cells() {
    }

    /**
     * A number for reading: whole numbers without decimals ({@code 60000}), magnitudes of 1000 and more with
     * two decimals ({@code 63251.25}), smaller ones with four ({@code 0.0520}, {@code 0.5523}), tiny ones in
     * scientific notation ({@code 3.2000e-06}); NaN (undefined) as {@code NaN}.
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return Long.toString((long) value);
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (magnitude >= 1e-4) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.4e", value);
    }

    /** A number in its display unit: {@code 16%}, {@code 7d}, {@code 8h}, or as {@link #number}. */
    public static String number(double value, DisplayUnit unit) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return number(value);
        }
        return switch (unit) {
            case PLAIN -> number(value);
            case PERCENT -> trimmed(value * 100, 4) + "%";
            case DURATION -> duration(value);
        };
    }

    /** A duration in years (ACT/365): whole days as {@code 7d}, whole hours as {@code 8h}, else years {@code 0.1234y}. */
    private static String duration(double years) {
        double days = years * 365;
        if (Math.abs(days - Math.rint(days)) < 1e-9 * Math.max(1, Math.abs(days))) {
            return Math.round(days) + "d";
        }
        double hours = days * 24;
        if (Math.abs(hours - Math.rint(hours)) < 1e-9 * Math.max(1, Math.abs(hours))) {
            return Math.round(hours) + "h";
        }
        return String.format(Locale.ROOT, "%.4fy", years);
    }

    private static String trimmed(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** Cell {@code row} of a table column as text: numbers by {@link #number(double)}, instants ISO-8601, missing as empty. */
    public static String cell(Column<?> column, int row) {
        if (column.type() == ColumnType.DOUBLE || column.type() == ColumnType.FLOAT) {
            return number(((NumericColumn<?>) column).getDouble(row));
        }
        if (column.isMissing(row)) {
            return "";
        }
        return String.valueOf(column.get(row));
    }

    /** Whether a column's cells are numbers, which read best right-aligned. */
    public static boolean isNumeric(Column<?> column) {
        ColumnType type = column.type();
        return type == ColumnType.DOUBLE || type == ColumnType.FLOAT || type == ColumnType.INTEGER
                || type == ColumnType.LONG || type == ColumnType.SHORT;
    }

    /** {@code 12 rows × 5 columns}, with singulars where they belong. */
    public static String shape(int rows, int columns) {
        return rows + (rows == 1 ? " row" : " rows") + " × " + columns + (columns == 1 ? " column" : " columns");
    }
}
