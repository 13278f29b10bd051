package margo.dsl.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;
import margo.dsl.output.FigureHtml;
import margo.dsl.output.HtmlRenderer;
import margo.dsl.output.JsonRenderer;
import margo.dsl.output.TextRenderer;
import margo.dsl.run.Execution;
import margo.dsl.run.Shown;
import margo.dsl.value.FigureValue;
import margo.dsl.value.NumberValue;

/** What {@code margo run} prints: the shown values in one of three formats, and the diagnostics. */
final class Report {

    enum Format { text, json, html }

    private Report() {
    }

    /** Each diagnostic as {@code file:line:col: error: message}, the source line, a caret line and its hint. */
    static void diagnostics(List<Diagnostic> diagnostics, PrintWriter err) {
        for (Diagnostic diagnostic : diagnostics) {
            err.println(DiagnosticFormatter.format(diagnostic));
        }
        err.flush();
    }

    /**
     * Each shown value under a heading such as {@code chain (line 12)}, separated by blank lines; timings only when
     * {@code timings}.
     */
    static String text(Execution execution, boolean timings) {
        StringBuilder out = new StringBuilder();
        for (Shown shown : execution.shown()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(heading(shown)).append('\n').append(TextRenderer.render(shown.value(), timings));
            if (shown.value() instanceof FigureValue) {
                out.append(" (a chart: see it with --format html)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A self-contained HTML page with each shown value under its heading; with figures, plotly.js once in the head
     * and the figures numbered in order, and timings only when {@code timings}, so that a page is the same on every
     * run.
     */
    static String html(String file, Execution execution, boolean timings) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(file)).append("</title>\n");
        if (execution.shown().stream().anyMatch(shown -> shown.value() instanceof FigureValue)) {
            out.append(FigureHtml.library());
        }
        // A scroll bar from the start: Plotly sizes a chart to the page's width once, before the page is tall
        // enough for a scroll bar, which would then take its width and push the chart past the right edge.
        out.append("</head>\n<body style=\"font-family:sans-serif;overflow-y:scroll\">\n");
        int figures = 0;
        for (Shown shown : execution.shown()) {
            out.append("<h3>").append(escape(heading(shown))).append("</h3>\n")
                    .append(shown.value() instanceof FigureValue figure
                            ? FigureHtml.figure(figure.figure(), "margo-figure-" + ++figures)
                            : HtmlRenderer.render(shown.value(), timings))
                    .append('\n');
        }
        return out.append("</body></html>\n").toString();
    }

    /**
     * {@code {"file", "outputs": [{"line", "name", "kind", "value"}], "diagnostics": [{"severity", "file", "line",
     * "column", "end_line", "end_column", "message", "hint"}]}}, as docs/json-output.md specifies; a number's output
     * also has {@code "display"} (plain, percent or duration) and a figure's its {@code "summary"}, what the text
     * shows of them besides the value. Without {@code timings}, a report's timing is null, so that reruns give the
     * same bytes.
     */
    static String json(String file, Execution execution, boolean timings) {
        JsonObject root = new JsonObject();
        root.addProperty("file", file);
        JsonArray outputs = new JsonArray();
        for (Shown shown : execution.shown()) {
            JsonObject output = new JsonObject();
            output.addProperty("line", shown.line());
            output.addProperty("name", shown.label());
            output.addProperty("kind", shown.value().kind());
            if (shown.value() instanceof NumberValue number) {
                output.addProperty("display", number.unit().name().toLowerCase(Locale.ROOT));
            }
            if (shown.value() instanceof FigureValue figure) {
                output.addProperty("summary", figure.figure().summary());
            }
            output.add("value", JsonRenderer.toJson(shown.value(), timings));
            outputs.add(output);
        }
        root.add("outputs", outputs);
        JsonArray diagnostics = new JsonArray();
        for (Diagnostic diagnostic : execution.diagnostics()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("severity", diagnostic.severity().label());
            entry.addProperty("file", diagnostic.source().name());
            entry.addProperty("line", diagnostic.span().line());
            entry.addProperty("column", diagnostic.span().column());
            entry.addProperty("end_line", diagnostic.span().endLine());
            entry.addProperty("end_column", diagnostic.span().endColumn());
            entry.addProperty("message", diagnostic.message());
            entry.addProperty("hint", diagnostic.hint());
            diagnostics.add(entry);
        }
        root.add("diagnostics", diagnostics);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root) + "\n";
    }

    private static String heading(Shown shown) {
        return shown.label() + " (line " + shown.line() + ")";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
