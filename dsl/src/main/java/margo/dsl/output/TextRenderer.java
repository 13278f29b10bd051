package margo.dsl.output;

import java.util.ArrayList;
import java.util.List;
import margo.core.io.MessageText;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.ReplayValue;
import margo.dsl.value.HedgeValue;
import margo.dsl.value.InstantValue;
import margo.dsl.value.ListValue;
import margo.dsl.value.ModelValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Values as plain text for a terminal or a notebook's {@code text/plain}: scalars on one line, tables aligned, a
 * figure as what it draws ({@code figure: smile of chain, 5 panels}). In a notebook, where no heading names what is
 * shown, a table's first line names it too ({@code near: 12 rows × 8 columns}), and a report's title is preceded by
 * the name or expression that was shown when the title does not say it.
 */
public final class TextRenderer {

    private static final String GAP = "  ";

    private TextRenderer() {
    }

    /** The value with a report's timing. */
    public static String render(Value value) {
        return render(value, true);
    }

    /**
     * The value with a report's timing, a table or report named by {@code label}, the binding's name or the
     * expression that {@code show} was given ({@code near}, {@code margin(desk, pm)}), for a notebook.
     */
    public static String render(Value value, String label) {
        TableValue table = Cells.tableOf(value);
        if (table != null) {
            return renderTable(table, label);
        }
        return (Cells.reportNotNaming(value, label) == null ? "" : MessageText.escape(label) + "\n") + render(value, true);
    }

    /** The value; a report's timing only when {@code timings}. */
    public static String render(Value value, boolean timings) {
        return switch (value) {
            case NumberValue number -> Cells.number(number.value(), number.unit());
            case TextValue text -> MessageText.escape(text.value());
            case BooleanValue bool -> Boolean.toString(bool.value());
            case InstantValue instant -> instant.value().toString();
            case ListValue list -> renderList(list);
            case TableValue table -> renderTable(table, null);
            case FigureValue figure -> "figure: " + figure.figure().summary();
            case TabulatedValue tabulated -> renderTable(tabulated.display(), null);
            case ReportValue report -> renderReport(report, timings);
            case ModelValue model -> renderReport(model.report(), timings);
            case FitValue fit -> renderReport(fit.report(), timings);
            case HaircutValue haircut -> renderReport(haircut.report(), timings);
            case ReplayValue replay -> renderReport(replay.report(), timings);
            case HedgeValue hedge -> renderReport(hedge.report(), timings);
        };
    }

    /** The title, each section's title over its table, then the notes as a list and the timing. */
    private static String renderReport(ReportValue report, boolean timings) {
        StringBuilder out = new StringBuilder(report.title()).append('\n');
        for (ReportValue.Section section : report.sections()) {
            out.append('\n').append(section.title()).append('\n').append(renderTable(section.table(), null)).append('\n');
        }
        if (!report.notes().isEmpty()) {
            out.append('\n');
            report.notes().forEach(note -> out.append("- ").append(MessageText.escape(note)).append('\n'));
        }
        if (timings && report.timing() != null) {
            out.append('\n').append(report.timing().sentence()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String renderList(ListValue list) {
        List<String> parts = new ArrayList<>();
        for (Value element : list.elements()) {
            parts.add(element instanceof TextValue text ? '"' + text.value() + '"' : render(element));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * A header with the label (when there is one) and the shape, the column names, then at most
     * {@code displayRows} rows with columns aligned.
     */
    private static String renderTable(TableValue value, String label) {
        Table table = value.table();
        int shownRows = Math.min(table.rowCount(), value.displayRows());
        int columnCount = table.columnCount();
        String[][] cells = new String[shownRows + 1][columnCount];
        int[] widths = new int[columnCount];
        boolean[] rightAligned = new boolean[columnCount];
        for (int c = 0; c < columnCount; c++) {
            Column<?> column = table.column(c);
            rightAligned[c] = Cells.isNumeric(column);
            cells[0][c] = column.name();
            String[] texts = Cells.column(column, shownRows);
            for (int r = 0; r < shownRows; r++) {
                cells[r + 1][c] = texts[r];
            }
            for (String[] line : cells) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder(label == null ? "" : MessageText.escape(label) + ": ")
                .append(Cells.shape(table.rowCount(), columnCount)).append('\n');
        for (int r = 0; r <= shownRows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columnCount; c++) {
                String cell = cells[r][c];
                String padding = " ".repeat(widths[c] - cell.length());
                if (c > 0) {
                    line.append(GAP);
                }
                line.append(rightAligned[c] ? padding + cell : cell + padding);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        int hidden = table.rowCount() - shownRows;
        if (hidden > 0) {
            out.append("… ").append(hidden).append(hidden == 1 ? " more row" : " more rows").append('\n');
        }
        return out.toString().stripTrailing();
    }
}
