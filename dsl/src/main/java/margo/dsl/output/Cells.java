package margo.dsl.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import margo.core.io.MessageText;
import margo.dsl.value.DisplayUnit;
import margo.dsl.value.FitValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.ReplayValue;
import margo.dsl.value.ModelValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * How numbers and table cells read in text and HTML, one rule for both so a table looks the same in a terminal
 * and in a notebook. Volatilities and other rates stay decimals (0.5523 is 55.23%) so that what is displayed
 * is what a recipe computes with; only numbers written as percentages in the recipe display as percentages.
 */
public final class Cells {

    /**
     * How NaN reads: a word, not {@code NaN}, which looks like a failure where a value simply does not exist (no
     * liquidation price). JSON keeps {@code "NaN"}, for programs.
     */
    public static final String NO_VALUE = "none";

    private Cells() {
    }

    /**
     * A number for reading: whole numbers without decimals ({@code 60000}), magnitudes of 1000 and more with
     * two decimals ({@code 63251.25}), smaller ones with four ({@code 0.0520}, {@code 0.5523}), tiny ones in
     * scientific notation ({@code 3.2000e-06}); NaN, which stands for no value (no liquidation price, a one-sided
     * quote's missing IV, an implied vol that does not exist), as the word {@link #NO_VALUE}.
     */
    public static String number(double value) {
        double magnitude = Math.abs(value);
        return format(value, styleFor(magnitude, magnitude, value == Math.rint(value)));
    }

    /** The decimals a number or a column of numbers is written with. */
    private enum Style { WHOLE, TWO_DECIMALS, FOUR_DECIMALS, SCIENTIFIC }

    private static Style styleFor(double largestMagnitude, double smallestNonZeroMagnitude, boolean allWhole) {
        double largest = Math.abs(largestMagnitude);
        if (allWhole && largest < 1e15) {
            return Style.WHOLE;
        }
        if (largest >= 1000) {
            return Style.TWO_DECIMALS;
        }
        return largest >= 1e-4 || smallestNonZeroMagnitude == 0 ? Style.FOUR_DECIMALS : Style.SCIENTIFIC;
    }

    private static String format(double value, Style style) {
        if (Double.isNaN(value)) {
            return NO_VALUE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return switch (style) {
            case WHOLE -> Long.toString((long) value);
            case TWO_DECIMALS -> String.format(Locale.ROOT, "%.2f", value);
            case FOUR_DECIMALS -> String.format(Locale.ROOT, "%.4f", value);
            case SCIENTIFIC -> String.format(Locale.ROOT, "%.4e", value);
        };
    }

    /**
     * The first {@code rows} cells of a column as text, a numeric column with one number style for all its cells
     * (chosen as {@link #number(double)} would for its largest value), so that decimals line up.
     */
    public static String[] column(Column<?> column, int rows) {
        String[] cells = new String[rows];
        if (isDecimal(column)) {
            NumericColumn<?> numbers = (NumericColumn<?>) column;
            double largest = 0;
            double smallest = 0;
            boolean allWhole = true;
            for (int row = 0; row < rows; row++) {
                double value = Math.abs(numbers.getDouble(row));
                if (Double.isFinite(value)) {
                    largest = Math.max(largest, value);
                    smallest = value > 0 && (smallest == 0 || value < smallest) ? value : smallest;
                    allWhole &= value == Math.rint(value);
                }
            }
            Style style = styleFor(largest, smallest, allWhole);
            for (int row = 0; row < rows; row++) {
                cells[row] = format(numbers.getDouble(row), style);
            }
            return cells;
        }
        for (int row = 0; row < rows; row++) {
            // Text cells come from data files: a terminal must not act on an escape sequence in one.
            cells[row] = column.isMissing(row) ? "" : MessageText.escape(String.valueOf(column.get(row)));
        }
        return cells;
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

    /** A duration in years (ACT/365): whole days as {@code 7d}, whole hours as {@code 8h} or {@code 2d 8h}, else years {@code 0.1234y}. */
    private static String duration(double years) {
        double days = years * 365;
        if (Math.abs(days - Math.rint(days)) < 1e-9 * Math.max(1, Math.abs(days))) {
            return Math.round(days) + "d";
        }
        double hours = days * 24;
        if (Math.abs(hours - Math.rint(hours)) < 1e-9 * Math.max(1, Math.abs(hours))) {
            long wholeHours = Math.round(hours);
            return Math.abs(wholeHours) < 24 ? wholeHours + "h" : wholeHours / 24 + "d " + Math.abs(wholeHours % 24) + "h";
        }
        return String.format(Locale.ROOT, "%.4fy", years);
    }

    private static String trimmed(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** Whether a column's cells are numbers, which read best right-aligned. */
    public static boolean isNumeric(Column<?> column) {
        return column instanceof NumericColumn<?>;
    }

    /**
     * Whether a column holds decimals (missing cells being NaN). Tested by class: Tablesaw's {@code ColumnType}
     * constants are not always the instances its columns report, so {@code ==} on them can fail.
     */
    public static boolean isDecimal(Column<?> column) {
        return column instanceof DoubleColumn || column instanceof FloatColumn;
    }

    /** The table a value is displayed as (a table, or a rule set, book or surface as its table), or null. */
    static TableValue tableOf(Value value) {
        return switch (value) {
            case TableValue table -> table;
            case TabulatedValue tabulated -> tabulated.display();
            default -> null;
        };
    }

    /**
     * The report a value is displayed as (a report, or a model, fit or haircut as its report) when its title does not name
     * {@code label}, what was shown; else null, as for a value that is no report.
     */
    static ReportValue reportNotNaming(Value value, String label) {
        ReportValue report = switch (value) {
            case ReportValue itself -> itself;
            case ModelValue model -> model.report();
            case FitValue fit -> fit.report();
            case HaircutValue haircut -> haircut.report();
            case ReplayValue replay -> replay.report();
            default -> null;
        };
        return report == null || report.title().contains(label) ? null : report;
    }

    /** {@code 12 rows × 5 columns}, with singulars where they belong. */
    public static String shape(int rows, int columns) {
        return rows + (rows == 1 ? " row" : " rows") + " × " + columns + (columns == 1 ? " column" : " columns");
    }
}
