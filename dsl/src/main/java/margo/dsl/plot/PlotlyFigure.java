package margo.dsl.plot;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link Figure} as a Plotly figure: {@code {"data": [traces], "layout": {...}, "config": {...}}}, the JSON that
 * {@code Plotly.newPlot} takes and that Jupyter's {@code application/vnd.plotly.v1+json} renderers draw. Panels
 * are subplots by axis domains (panel i on axes {@code xi}, {@code yi}); panel titles are annotations above them;
 * NaN is null, which Plotly leaves as a gap. Series are drawn as {@link Series#drawn()} gives them, and numbers to
 * the precision a chart shows ({@link #numbers}). Reference: https://plotly.com/javascript/reference/.
 */
public final class PlotlyFigure {

    /** Height of one row of panels, in pixels; the width follows the page. */
    static final int ROW_HEIGHT = 320;
    /** Gaps between panels as fractions of the figure, room for tick labels and panel titles. */
    private static final double COLUMN_GAP = 0.07;
    /** A heat map's colour bar stands right of its panel, so the next column starts past it and its own axis title. */
    private static final double HEAT_MAP_COLUMN_GAP = 0.2;
    private static final double ROW_GAP_PIXELS = 90;
    /** Room above the panels for the figure's title and the legend, in pixels. */
    private static final int TOP_MARGIN = 110;

    private PlotlyFigure() {
    }

    public static JsonObject toJson(Figure figure) {
        JsonArray data = new JsonArray();
        JsonObject layout = new JsonObject();
        JsonArray annotations = new JsonArray();
        Set<String> inLegend = new HashSet<>();
        int rows = figure.rows();
        int height = rows * ROW_HEIGHT + TOP_MARGIN + 50;
        double rowGap = rows == 1 ? 0 : ROW_GAP_PIXELS / (rows * ROW_HEIGHT);
        double columnGap = hasHeatMap(figure) ? HEAT_MAP_COLUMN_GAP : COLUMN_GAP;
        double width = (1 - (figure.columns() - 1) * columnGap) / figure.columns();
        double rowHeight = (1 - (rows - 1) * rowGap) / rows;
        List<Panel> panels = figure.panels();
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            int column = i % figure.columns();
            int row = i / figure.columns();
            double x0 = column * (width + columnGap);
            double y1 = 1 - row * (rowHeight + rowGap);
            String suffix = i == 0 ? "" : Integer.toString(i + 1);
            layout.add("xaxis" + suffix, axis(panel.x(), x0, x0 + width, "y" + suffix));
            layout.add("yaxis" + suffix, axis(panel.y(), y1 - rowHeight, y1, "x" + suffix));
            annotations.add(panelTitle(panel.title(), x0 + width / 2, y1));
            for (Trace trace : panel.traces()) {
                JsonObject json = switch (trace) {
                    case Series series -> series(series.drawn());
                    case HeatMap heatMap -> heatMap(heatMap, x0 + width, y1 - rowHeight, rowHeight);
                };
                json.addProperty("xaxis", "x" + suffix);
                json.addProperty("yaxis", "y" + suffix);
                json.addProperty("legendgroup", trace.name());
                json.addProperty("showlegend", trace instanceof Series && inLegend.add(trace.name()));
                data.add(json);
            }
        }
        // Title and legend in the top margin, measured from the top of the figure, so neither covers a panel.
        JsonObject title = centredBelowTop(14, height);
        title.addProperty("text", figure.title());
        layout.add("title", title);
        layout.addProperty("height", height);
        layout.add("annotations", annotations);
        JsonObject legend = centredBelowTop(46, height);
        legend.addProperty("orientation", "h");
        layout.add("legend", legend);
        JsonObject margin = new JsonObject();
        margin.addProperty("t", TOP_MARGIN);
        margin.addProperty("b", 50);
        layout.add("margin", margin);
        JsonObject config = new JsonObject();
        config.addProperty("responsive", true);
        config.addProperty("displaylogo", false);
        JsonObject root = new JsonObject();
        root.add("data", data);
        root.add("layout", layout);
        root.add("config", config);
        return root;
    }

    /** A placement centred across the figure, its top {@code pixels} below the figure's top. */
    private static JsonObject centredBelowTop(int pixels, int height) {
        JsonObject json = new JsonObject();
        json.addProperty("x", 0.5);
        json.addProperty("xanchor", "center");
        json.addProperty("yref", "container");
        json.addProperty("y", 1 - (double) pixels / height);
        json.addProperty("yanchor", "top");
        return json;
    }

    private static JsonObject axis(Axis axis, double from, double to, String anchor) {
        JsonObject json = new JsonObject();
        JsonObject title = new JsonObject();
        title.addProperty("text", axis.title());
        json.add("title", title);
        json.add("domain", pair(from, to));
        json.addProperty("anchor", anchor);
        json.addProperty("zeroline", false);
        json.addProperty("automargin", true);
        return json;
    }

    private static JsonObject panelTitle(String text, double x, double y) {
        JsonObject json = new JsonObject();
        json.addProperty("text", text);
        json.addProperty("x", x);
        json.addProperty("y", y);
        json.addProperty("xref", "paper");
        json.addProperty("yref", "paper");
        json.addProperty("xanchor", "center");
        json.addProperty("yanchor", "bottom");
        json.addProperty("showarrow", false);
        JsonObject font = new JsonObject();
        font.addProperty("size", 13);
        json.add("font", font);
        return json;
    }

    private static JsonObject series(Series series) {
        JsonObject json = new JsonObject();
        json.addProperty("type", "scatter");
        json.addProperty("name", series.name());
        json.addProperty("mode", switch (series.marks()) {
            case MARKERS -> "markers";
            case LINES -> "lines";
            case LINES_AND_MARKERS -> "lines+markers";
        });
        json.add("x", numbers(series.x()));
        json.add("y", numbers(series.y()));
        JsonObject marker = new JsonObject();
        marker.addProperty("color", series.color());
        marker.addProperty("size", 6);
        json.add("marker", marker);
        JsonObject line = new JsonObject();
        line.addProperty("color", series.color());
        line.addProperty("width", 2);
        json.add("line", line);
        if (series.hasIntervals()) {
            json.add("error_y", intervals(series));
        }
        return json;
    }

    /** Plotly's error bars are distances from y; a missing end is a bar of length zero on that side. */
    private static JsonObject intervals(Series series) {
        double[] y = series.y();
        double[] low = series.low();
        double[] high = series.high();
        double[] above = new double[y.length];
        double[] below = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            above[i] = Double.isFinite(high[i]) ? high[i] - y[i] : 0;
            below[i] = Double.isFinite(low[i]) ? y[i] - low[i] : 0;
        }
        JsonObject json = new JsonObject();
        json.addProperty("type", "data");
        json.addProperty("symmetric", false);
        json.add("array", numbers(above));
        json.add("arrayminus", numbers(below));
        json.addProperty("color", series.color());
        json.addProperty("thickness", 1);
        json.addProperty("width", 3);
        return json;
    }

    private static JsonObject heatMap(HeatMap heatMap, double right, double bottom, double height) {
        JsonObject json = new JsonObject();
        json.addProperty("type", "heatmap");
        json.addProperty("name", heatMap.name());
        json.add("x", numbers(heatMap.x()));
        json.add("y", numbers(heatMap.y()));
        JsonArray z = new JsonArray();
        for (double[] row : heatMap.z()) {
            z.add(numbers(row));
        }
        json.add("z", z);
        ColorScale scale = heatMap.colorScale();
        JsonArray colors = new JsonArray();
        List<String> stops = scale.stops();
        for (int i = 0; i < stops.size(); i++) {
            JsonArray stop = new JsonArray();
            stop.add((double) i / (stops.size() - 1));
            stop.add(stops.get(i));
            colors.add(stop);
        }
        json.add("colorscale", colors);
        if (scale.isDiverging()) {
            json.addProperty("zmid", 0);
        }
        JsonObject colorBar = new JsonObject();
        JsonObject title = new JsonObject();
        title.addProperty("text", heatMap.zTitle());
        colorBar.add("title", title);
        colorBar.addProperty("x", right + 0.01);
        colorBar.addProperty("xanchor", "left");
        colorBar.addProperty("y", bottom + height / 2);
        colorBar.addProperty("len", height);
        json.add("colorbar", colorBar);
        return json;
    }

    private static boolean hasHeatMap(Figure figure) {
        for (Panel panel : figure.panels()) {
            for (Trace trace : panel.traces()) {
                if (trace instanceof HeatMap) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonArray pair(double a, double b) {
        JsonArray array = new JsonArray();
        array.add(a);
        array.add(b);
        return array;
    }

    /**
     * Values as JSON numbers (NaN as null) rounded to a hundred-thousandth of their span, or of their size when they
     * are all equal: a two-hundredth of a pixel on a 1,000-pixel chart, and five or six significant digits on hover,
     * in a third of the characters of a double's full digits.
     */
    private static JsonArray numbers(double[] values) {
        FiniteRange range = FiniteRange.of(values);
        double scale = range.span() > 0 ? range.span() : Math.max(Math.abs(range.low()), Math.abs(range.high()));
        int decimals = scale > 0 && Double.isFinite(scale) ? Math.max(0, (int) Math.ceil(-Math.log10(scale * 1e-5))) : -1;
        double power = decimals >= 0 && decimals <= 15 ? Math.pow(10, decimals) : Double.NaN;
        JsonArray array = new JsonArray(values.length);
        for (double value : values) {
            if (!Double.isFinite(value)) {
                array.add(JsonNull.INSTANCE);
            } else if (Double.isNaN(power) || Math.abs(value * power) >= 0x1p52) {
                array.add(value);
            } else {
                array.add(Math.round(value * power) / power);
            }
        }
        return array;
    }
}
