package margo.kernel;

import margo.core.io.MessageText;
import margo.dsl.output.Cells;
import margo.dsl.output.TextRenderer;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.Table;

/**
 * A value in one line, for {@code %who} and a short inspection: a table by its shape and first columns, a report
 * (a fit, a model) by its title, anything else by the first line of its text, cut to {@value #WIDTH} characters.
 */
final class ValueSummary {

    static final int WIDTH = 100;

    private ValueSummary() {
    }

    static String of(Value value) {
        String line = switch (value) {
            case TableValue table -> shape(table.table());
            case TabulatedValue tabulated -> tabulated.kind() + ", " + shape(tabulated.display().table());
            default -> TextRenderer.render(value).lines().findFirst().orElse("");
        };
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
    }

    /** {@code 12 rows × 3 columns: strike, mid_iv, type}. */
    private static String shape(Table table) {
        return Cells.shape(table.rowCount(), table.columnCount()) + ": " + MessageText.escape(String.join(", ", table.columnNames()));
    }
}
