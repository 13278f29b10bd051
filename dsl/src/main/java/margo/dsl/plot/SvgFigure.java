package margo.dsl.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Figure} as a static SVG picture, for where no script runs: an untrusted notebook, a viewer of
 * {@code image/svg+xml}, a page read without JavaScript. Readable rather than pixel-perfect: axes with nice ticks
 * and grid lines, markers, lines, interval bars, heat maps as coloured cells with a colour bar, panel titles and
 * one legend for the figure. Elements carry classes ({@code panel}, {@code markers} (a path of a series' markers),
 * {@code interval}, {@code cell}) so that tests and stylesheets can find them. Series are drawn as
 * {@link Series#drawn()} gives them, as in {@link PlotlyFigure}.
 */
public final class SvgFigure {

    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 300;
    private static final int TITLE_HEIGHT = 34;
    private static final int LEGEND_HEIGHT = 22;
    /** The plot area inside a panel's cell: room for tick labels and axis titles left and below, the title above. */
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 46;
    /** Extra room on the right of a panel with a heat map, for its colour bar. */
    private static final int COLOR_BAR_ROOM = 78;
    /** Rough width of a character at 11px, to lay out the legend without measuring text. */
    private static final double CHARACTER_WIDTH = 6.2;

    private final StringBuilder svg = new StringBuilder();

    private SvgFigure() {
    }

    public static String render(Figure figure) {
        SvgFigure out = new SvgFigure();
        out.figure(figure);
        return out.svg.toString();
    }

    private void figure(Figure figure) {
        int width = figure.columns() * PANEL_WIDTH;
        int height = TITLE_HEIGHT + LEGEND_HEIGHT + figure.rows() * PANEL_HEIGHT;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" style=\"max-width:100%;height:auto\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#333\">\n");
        svg.append("<rect width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"white\"/>\n");
        text(width / 2.0, 22, "middle", 16, figure.title());
        legend(figure, width);
        List<Panel> panels = figure.panels();
        for (int i = 0; i < panels.size(); i++) {
            int left = (i % figure.columns()) * PANEL_WIDTH;
            int top = TITLE_HEIGHT + LEGEND_HEIGHT + (i / figure.columns()) * PANEL_HEIGHT;
            panel(panels.get(i), left, top);
        }
        svg.append("</svg>\n");
    }

    /** One entry per series name, right-aligned under the title, with the series' own mark. */
    private void legend(Figure figure, int width) {
        Map<String, Series> entries = new LinkedHashMap<>();
        for (Panel panel : figure.panels()) {
            for (Trace trace : panel.traces()) {
                if (trace instanceof Series series) {
                    entries.putIfAbsent(series.name(), series);
                }
            }
        }
        double x = width - RIGHT;
        double y = TITLE_HEIGHT + 8;
        svg.append("<g class=\"legend\">\n");
        for (Series series : entries.values().stream().toList().reversed()) {
            double textWidth = series.name().length() * CHARACTER_WIDTH;
            x -= textWidth;
            text(x, y + 4, "start", 11, series.name());
            x -= 16;
            if (series.marks() != Marks.MARKERS) {
                line(x - 6, y, x + 6, y, series.color(), 2);
            }
            if (series.marks() != Marks.LINES) {
                if (series.hasIntervals()) {
                    line(x, y - 6, x, y + 6, series.color(), 1);
                }
                svg.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
                        .append(series.color()).append("\"/>\n");
            }
            x -= 18;
        }
        svg.append("</g>\n");
    }

    private void panel(Panel panel, int cellLeft, int cellTop) {
        boolean heatMap = panel.traces().stream().anyMatch(HeatMap.class::isInstance);
        Frame frame = Frame.of(panel, cellLeft + LEFT, cellTop + TOP,
                PANEL_WIDTH - LEFT - RIGHT - (heatMap ? COLOR_BAR_ROOM : 0), PANEL_HEIGHT - TOP - BOTTOM);
        svg.append("<g class=\"panel\">\n");
        text(frame.left + frame.width / 2, cellTop + TOP - 9, "middle", 12, panel.title());
        svg.append("<rect x=\"").append(f(frame.left)).append("\" y=\"").append(f(frame.top)).append("\" width=\"")
                .append(f(frame.width)).append("\" height=\"").append(f(frame.height))
                .append("\" fill=\"#f8f9fb\" stroke=\"#c8ccd2\"/>\n");
        axes(panel, frame);
        for (Trace trace : panel.traces()) {
            switch (trace) {
                case Series series -> series(series.drawn(), frame);
                case HeatMap map -> heatMap(map, frame);
            }
        }
        svg.append("</g>\n");
    }

    private void axes(Panel panel, Frame frame) {
        Ticks xTicks = Ticks.inside(frame.xMin, frame.xMax, 6);
        for (int i = 0; i < xTicks.count(); i++) {
            double x = frame.x(xTicks.value(i));
            line(x, frame.top, x, frame.top + frame.height, "#e3e6ea", 1);
            text(x, frame.top + frame.height + 14, "middle", 11, xTicks.label(i));
        }
        Ticks yTicks = Ticks.inside(frame.yMin, frame.yMax, 6);
        for (int i = 0; i < yTicks.count(); i++) {
            double y = frame.y(yTicks.value(i));
            line(frame.left, y, frame.left + frame.width, y, "#e3e6ea", 1);
            text(frame.left - 6, y + 4, "end", 11, yTicks.label(i));
        }
        text(frame.left + frame.width / 2, frame.top + frame.height + 34, "middle", 11, panel.x().title());
        double middle = frame.top + frame.height / 2;
        svg.append("<text x=\"").append(f(frame.left - 46)).append("\" y=\"").append(f(middle))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(f(frame.left - 46)).append(' ')
                .append(f(middle)).append(")\">").append(escape(panel.y().title())).append("</text>\n");
    }

    private void series(Series series, Frame frame) {
        double[] x = series.x();
        double[] y = series.y();
        if (series.marks() != Marks.MARKERS) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i <= x.length; i++) {
                boolean drawn = i < x.length && Double.isFinite(x[i]) && Double.isFinite(y[i]);
                if (drawn) {
                    points.append(points.isEmpty() ? "" : " ").append(f(frame.x(x[i]))).append(',').append(f(frame.y(y[i])));
                } else if (!points.isEmpty()) {
                    svg.append("<polyline class=\"line\" fill=\"none\" stroke=\"").append(series.color())
                            .append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>\n");
                    points.setLength(0);
                }
            }
        }
        if (series.hasIntervals()) {
            double[] low = series.low();
            double[] high = series.high();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    continue;
                }
                double from = frame.y(Double.isFinite(low[i]) ? low[i] : y[i]);
                double to = frame.y(Double.isFinite(high[i]) ? high[i] : y[i]);
                double at = frame.x(x[i]);
                svg.append("<path class=\"interval\" stroke=\"").append(series.color()).append("\" d=\"M")
                        .append(f(at)).append(',').append(f(from)).append("V").append(f(to))
                        .append("M").append(f(at - 2.5)).append(',').append(f(from)).append("h5")
                        .append("M").append(f(at - 2.5)).append(',').append(f(to)).append("h5\"/>\n");
            }
        }
        if (series.marks() != Marks.LINES) {
            // One path for all of a series' markers, each a stroke of length zero with round caps, which SVG draws
            // as a dot of the stroke's width (SVG 1.1, 11.4, 'stroke-linecap'): 14 characters a marker, where a
            // circle element takes 75, and a history has thousands of them.
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    dots.append('M').append(f(frame.x(x[i]))).append(' ').append(f(frame.y(y[i]))).append("h0");
                }
            }
            if (!dots.isEmpty()) {
                svg.append("<path class=\"markers\" fill=\"none\" stroke=\"").append(series.color())
                        .append("\" stroke-width=\"6\" stroke-linecap=\"round\" d=\"").append(dots).append("\"/>\n");
            }
        }
    }

    private void heatMap(HeatMap map, Frame frame) {
        double[] xEdges = edges(map.x());
        double[] yEdges = edges(map.y());
        double[] range = map.zRange();
        ColorScale scale = map.colorScale();
        for (int row = 0; row < yEdges.length - 1; row++) {
            for (int column = 0; column < xEdges.length - 1; column++) {
                double value = map.at(row, column);
                if (!Double.isFinite(value)) {
                    continue;
                }
                double left = frame.x(xEdges[column]);
                double top = frame.y(yEdges[row + 1]);
                svg.append("<rect class=\"cell\" x=\"").append(f(left)).append("\" y=\"").append(f(top))
                        .append("\" width=\"").append(f(frame.x(xEdges[column + 1]) - left)).append("\" height=\"")
                        .append(f(frame.y(yEdges[row]) - top)).append("\" fill=\"")
                        .append(scale.at(scale.position(value, range[0], range[1]))).append("\"/>\n");
            }
        }
        if (Double.isFinite(range[0])) {
            colorBar(map, scale, range, frame);
        }
    }

    /** A vertical bar of the scale's colours beside the panel, with ticks of the values. */
    private void colorBar(HeatMap map, ColorScale scale, double[] range, Frame frame) {
        double left = frame.left + frame.width + 12;
        double barWidth = 12;
        double low = scale.isDiverging() ? -Math.max(Math.abs(range[0]), Math.abs(range[1])) : range[0];
        double high = scale.isDiverging() ? -low : range[1];
        int steps = 48;
        double stepHeight = frame.height / steps;
        for (int i = 0; i < steps; i++) {
            double value = high - (high - low) * (i + 0.5) / steps;
            svg.append("<rect x=\"").append(f(left)).append("\" y=\"").append(f(frame.top + i * stepHeight))
                    .append("\" width=\"").append(f(barWidth)).append("\" height=\"").append(f(stepHeight + 0.5))
                    .append("\" fill=\"").append(scale.at(scale.position(value, range[0], range[1]))).append("\"/>\n");
        }
        Ticks ticks = Ticks.inside(low, high, 5);
        for (int i = 0; i < ticks.count(); i++) {
            double y = frame.top + frame.height * (high - ticks.value(i)) / (high - low);
            line(left + barWidth, y, left + barWidth + 3, y, "#333", 1);
            text(left + barWidth + 5, y + 4, "start", 10, ticks.label(i));
        }
        text(left, frame.top - 6, "start", 10, map.zTitle());
    }

    /** Cell edges around centres: half-way between neighbours, and half a step beyond the ends. */
    static double[] edges(double[] centres) {
        double[] edges = new double[centres.length + 1];
        if (centres.length == 1) {
            edges[0] = centres[0] - 0.5;
            edges[1] = centres[0] + 0.5;
            return edges;
        }
        for (int i = 1; i < centres.length; i++) {
            edges[i] = (centres[i - 1] + centres[i]) / 2;
        }
        edges[0] = centres[0] - (edges[1] - centres[0]);
        edges[centres.length] = centres[centres.length - 1] + (centres[centres.length - 1] - edges[centres.length - 1]);
        return edges;
    }

    /** A panel's plot area in pixels and the data range it shows. */
    private record Frame(double left, double top, double width, double height,
                         double xMin, double xMax, double yMin, double yMax) {

        /** The range of everything the panel draws, padded a little so no marker sits on the border. */
        static Frame of(Panel panel, double left, double top, double width, double height) {
            double[] xs = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            double[] ys = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            boolean padded = true;
            for (Trace trace : panel.traces()) {
                switch (trace) {
                    case Series series -> {
                        include(xs, series.x());
                        include(ys, series.y());
                        if (series.hasIntervals()) {
                            include(ys, series.low());
                            include(ys, series.high());
                        }
                    }
                    case HeatMap map -> {
                        include(xs, edges(map.x()));
                        include(ys, edges(map.y()));
                        padded = false;
                    }
                }
            }
            if (xs[0] > xs[1]) {
                xs = new double[] {0, 1};
            }
            if (ys[0] > ys[1]) {
                ys = new double[] {0, 1};
            }
            double xPad = padded ? padding(xs) : 0;
            double yPad = padded ? padding(ys) : 0;
            return new Frame(left, top, width, height, xs[0] - xPad, xs[1] + xPad, ys[0] - yPad, ys[1] + yPad);
        }

        private static double padding(double[] range) {
            double span = range[1] - range[0];
            return span > 0 ? span * 0.05 : Math.max(Math.abs(range[0]) * 0.05, 0.5);
        }

        private static void include(double[] range, double[] values) {
            for (double value : values) {
                if (Double.isFinite(value)) {
                    range[0] = Math.min(range[0], value);
                    range[1] = Math.max(range[1], value);
                }
            }
        }

        double x(double value) {
            return left + (value - xMin) / (xMax - xMin) * width;
        }

        double y(double value) {
            return top + height - (value - yMin) / (yMax - yMin) * height;
        }
    }

    private void line(double x1, double y1, double x2, double y2, String color, double width) {
        svg.append("<line x1=\"").append(f(x1))
                .append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2)).append("\" y2=\"").append(f(y2))
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(f(width)).append("\"/>\n");
    }

    private void text(double x, double y, String anchor, int size, String content) {
        svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"").append(anchor)
                .append('"').append(size == 11 ? "" : " font-size=\"" + size + "\"").append('>')
                .append(escape(content)).append("</text>\n");
    }

    private static String f(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
