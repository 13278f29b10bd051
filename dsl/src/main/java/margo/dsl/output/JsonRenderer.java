package margo.dsl.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import margo.dsl.plot.PlotlyFigure;
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
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Values as JSON for programs, as docs/json-output.md specifies: numbers as their full-precision decimal value (16%
 * is 0.16, durations in years), NaN and infinities as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} (what the text shows, and what a column's documentation gives a meaning, such as "no
 * liquidation price"), a missing cell that is not a number as null, instants as ISO-8601 strings, a table as an
 * array of row objects keyed by column name with every row (no display limit), a figure as its Plotly JSON
 * ({@code data}, {@code layout}, {@code config}), a report (a shown model or fit) as its title, tables by title,
 * notes and timing.
 *
 * <p>To add a kind of value: give it a case in {@link #toJson} (the switch over the sealed {@link Value} will not
 * compile without one), describe its JSON in docs/json-output.md, and add a sample of it to
 * {@code JsonMatchesTextTest}, which fails for a kind without one.
 */
public final class JsonRenderer {

    private JsonRenderer() {
    }

    /** The value with a report's timing. */
    public static JsonElement toJson(Value value) {
        return toJson(value, true);
    }

    /** The value; a report's timing null unless {@code timings}. */
    public static JsonElement toJson(Value value, boolean timings) {
        return switch (value) {
            case NumberValue number -> number(number.value());
            case TextValue text -> new JsonPrimitive(text.value());
            case BooleanValue bool -> new JsonPrimitive(bool.value());
            case InstantValue instant -> new JsonPrimitive(instant.value().toString());
            case ListValue list -> {
                JsonArray array = new JsonArray();
                list.elements().forEach(element -> array.add(toJson(element, timings)));
                yield array;
            }
            case TableValue table -> rows(table.table());
            case FigureValue figure -> PlotlyFigure.toJson(figure.figure());
            case TabulatedValue tabulated -> rows(tabulated.display().table());
            case ReportValue report -> report(report, timings);
            case ModelValue model -> report(model.report(), timings);
            case FitValue fit -> report(fit.report(), timings);
            case HaircutValue haircut -> report(haircut.report(), timings);
            case ReplayValue replay -> report(replay.report(), timings);
            case HedgeValue hedge -> report(hedge.report(), timings);
        };
    }

    /**
     * {@code {"title": ..., "sections": {title: rows, ...}, "notes": [...], "timing": {"activity": ...,
     * "elapsed_seconds": ...}}}, the timing null when the report is not timed.
     */
    private static JsonObject report(ReportValue report, boolean timings) {
        JsonObject object = new JsonObject();
        object.addProperty("title", report.title());
        JsonObject sections = new JsonObject();
        report.sections().forEach(section -> sections.add(section.title(), rows(section.table().table())));
        object.add("sections", sections);
        JsonArray notes = new JsonArray();
        report.notes().forEach(notes::add);
        object.add("notes", notes);
        if (!timings || report.timing() == null) {
            object.add("timing", JsonNull.INSTANCE);
        } else {
            JsonObject timing = new JsonObject();
            timing.addProperty("activity", report.timing().activity());
            timing.add("elapsed_seconds", number(report.timing().seconds()));
            object.add("timing", timing);
        }
        return object;
    }

    /** A number, or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}: JSON has no literal for them. */
    public static JsonElement number(double value) {
        if (Double.isNaN(value)) {
            return new JsonPrimitive("NaN");
        }
        if (Double.isInfinite(value)) {
            return new JsonPrimitive(value > 0 ? "Infinity" : "-Infinity");
        }
        return new JsonPrimitive(value);
    }

    private static JsonArray rows(Table table) {
        JsonArray rows = new JsonArray();
        for (int r = 0; r < table.rowCount(); r++) {
            JsonObject row = new JsonObject();
            for (Column<?> column : table.columns()) {
                row.add(column.name(), cell(column, r));
            }
            rows.add(row);
        }
        return rows;
    }

    private static JsonElement cell(Column<?> column, int row) {
        if (Cells.isDecimal(column)) {
            return number(((NumericColumn<?>) column).getDouble(row));
        }
        if (column.isMissing(row)) {
            return JsonNull.INSTANCE;
        }
        Object cell = column.get(row);
        if (cell instanceof Number number) {
            return new JsonPrimitive(number.longValue());
        }
        if (cell instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        return new JsonPrimitive(String.valueOf(cell));
    }
}
