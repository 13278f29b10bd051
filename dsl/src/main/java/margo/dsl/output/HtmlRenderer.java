package margo.dsl.output;

import java.util.UUID;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.HedgeValue;
import margo.dsl.value.ReplayValue;
import margo.dsl.value.ModelValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Values as HTML for a notebook's {@code text/html}: a table is one self-contained {@code <table>} with inline
 * styles (no stylesheet or script to load), its shape in the caption; a scalar is its text in {@code <code>}; a
 * figure is {@link FigureHtml#figure} under an id unique across notebooks, which needs {@link FigureHtml#library()}
 * earlier in the page. A report's timing, the one part of a value that differs between runs, is shown in a notebook
 * and left out of a page unless asked for ({@link #render(Value, boolean)}).
 */
public final class HtmlRenderer {

    private static final String TABLE_STYLE = "border-collapse:collapse;font-family:ui-monospace,monospace;font-size:12px";
    private static final String CAPTION_STYLE = "caption-side:top;text-align:left;color:#555;padding:2px 0";
    private static final String HEADER_STYLE = "border-bottom:1px solid #888;padding:2px 8px;text-align:%s";
    private static final String CELL_STYLE = "padding:2px 8px;text-align:%s";
    private static final String SECTION_STYLE = "font-style:italic;padding:8px 0 2px 0";
    private static final String LABEL_STYLE = "font-family:ui-monospace,monospace;font-size:12px;font-weight:bold;padding:2px 0";
    private static final String MORE_STYLE = "padding:2px 8px;color:#555;text-align:left";

    private HtmlRenderer() {
    }

    /** The value with a report's timing, for a notebook. */
    public static String render(Value value) {
        return render(value, true);
    }

    /**
     * The value with a report's timing, for a notebook, where no heading names what is shown: a table's caption
     * starts with {@code label} (the binding's name or the expression {@code show} was given), and a report's
     * title is preceded by it when the title does not say it, so that two tables in one cell can be told apart.
     */
    public static String render(Value value, String label) {
        TableValue table = Cells.tableOf(value);
        if (table != null) {
            return renderTable(table, label);
        }
        return (Cells.reportNotNaming(value, label) == null ? ""
                : "<div style=\"" + LABEL_STYLE + "\">" + escape(label) + "</div>") + render(value, true);
    }

    /** The value; a report's timing only when {@code timings}. */
    public static String render(Value value, boolean timings) {
        if (value instanceof TableValue table) {
            return renderTable(table, null);
        }
        switch (value) {
            case ReportValue report -> {
                return renderReport(report, timings);
            }
            case ModelValue model -> {
                return renderReport(model.report(), timings);
            }
            case FitValue fit -> {
                return renderReport(fit.report(), timings);
            }
            case HaircutValue haircut -> {
                return renderReport(haircut.report(), timings);
            }
            case HedgeValue hedge -> {
                return renderReport(hedge.report(), timings);
            }
            case ReplayValue replay -> {
                return renderReport(replay.report(), timings);
            }
            default -> { }
        }
        if (value instanceof FigureValue figure) {
            return FigureHtml.figure(figure.figure(), "margo-figure-" + UUID.randomUUID());
        }
        if (value instanceof TabulatedValue tabulated) {
            return renderTable(tabulated.display(), null);
        }
        return "<code>" + escape(TextRenderer.render(value)) + "</code>";
    }

    /** The table with its shape in the caption, after the label in bold when there is one. */
    private static String renderTable(TableValue value, String label) {
        Table table = value.table();
        int shownRows = Math.min(table.rowCount(), value.displayRows());
        StringBuilder html = new StringBuilder("<table style=\"").append(TABLE_STYLE).append("\">");
        html.append("<caption style=\"").append(CAPTION_STYLE).append("\">");
        if (label != null) {
            html.append("<b style=\"color:#222\">").append(escape(label)).append("</b>: ");
        }
        html.append(escape(Cells.shape(table.rowCount(), table.columnCount()))).append("</caption>");
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th style=\"").append(HEADER_STYLE.formatted(align(column))).append("\">")
                    .append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        String[][] cells = new String[table.columnCount()][];
        for (int c = 0; c < table.columnCount(); c++) {
            cells[c] = Cells.column(table.column(c), shownRows);
        }
        for (int r = 0; r < shownRows; r++) {
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td style=\"").append(CELL_STYLE.formatted(align(table.column(c)))).append("\">")
                        .append(escape(cells[c][r])).append("</td>");
            }
            html.append("</tr>");
        }
        int hidden = table.rowCount() - shownRows;
        if (hidden > 0) {
            html.append("<tr><td colspan=\"").append(Math.max(1, table.columnCount())).append("\" style=\"")
                    .append(MORE_STYLE).append("\">… ").append(hidden).append(hidden == 1 ? " more row" : " more rows")
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** The title in bold, each section's title over its table, the notes as a list, the timing in grey. */
    private static String renderReport(ReportValue report, boolean timings) {
        StringBuilder html = new StringBuilder("<div style=\"font-family:ui-monospace,monospace;font-size:12px\">");
        html.append("<div style=\"font-weight:bold;padding:2px 0\">").append(escape(report.title())).append("</div>");
        for (ReportValue.Section section : report.sections()) {
            html.append("<div style=\"").append(SECTION_STYLE).append("\">").append(escape(section.title()))
                    .append("</div>").append(renderTable(section.table(), null));
        }
        if (!report.notes().isEmpty()) {
            html.append("<ul style=\"margin:6px 0;padding-left:18px\">");
            report.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>"));
            html.append("</ul>");
        }
        if (timings && report.timing() != null) {
            html.append("<div style=\"color:#555\">").append(escape(report.timing().sentence())).append("</div>");
        }
        return html.append("</div>").toString();
    }

    private static String align(Column<?> column) {
        return Cells.isNumeric(column) ? "right" : "left";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
