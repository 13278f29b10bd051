package margo.dsl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A long series is drawn with the points its picture needs, and the same ones in the Plotly figure and the SVG: a
 * long line keeps its shape to half a pixel of a 1,000-pixel chart, markers every point that has both coordinates.
 */
class DrawnSeriesTest {

    private static final int DAYS = 3_650;

    @Test
    void aLongLineStaysWithinHalfAPixelOfEveryPointWithAFractionOfThem() {
        double[] x = new double[DAYS];
        double[] y = new double[DAYS];
        Random random = new Random(3);
        double level = 10;
        for (int day = 0; day < DAYS; day++) {
            x[day] = 2016 + day / 365.0;
            // A calibrated level through time: slow drift, an occasional jump, a little noise.
            level += 0.002 * Math.sin(day / 90.0) + (random.nextInt(200) == 0 ? random.nextGaussian() : 0);
            y[day] = level + 1e-4 * random.nextGaussian();
        }
        Series line = Series.of("shock", Marks.LINES, "#d62728", x, y);
        Series drawn = line.drawn();
        assertTrue(drawn.size() < DAYS / 4, "kept " + drawn.size() + " of " + DAYS + " points");
        assertEquals(x[0], drawn.x()[0]);
        assertEquals(x[DAYS - 1], drawn.x()[drawn.size() - 1], "both ends are kept");
        assertWithinTolerance(x, y, drawn.x(), drawn.y());
    }

    @Test
    void aGapInALongLineStaysAGap() {
        double[] x = new double[2 * DAYS];
        double[] y = new double[2 * DAYS];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i >= DAYS && i < DAYS + 10 ? Double.NaN : Math.sin(i / 300.0);
        }
        Series drawn = Series.of("fee", Marks.LINES, "#333", x, y).drawn();
        List<Double> gap = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            if (Double.isNaN(drawn.y()[i])) {
                gap.add(drawn.x()[i]);
            }
        }
        assertEquals(10, gap.size(), "every point of the gap");
        double[] keptX = drawn.x();
        assertTrue(contains(keptX, DAYS - 1) && contains(keptX, DAYS + 10), "the points either side of the gap");
    }

    @Test
    void markersKeepEveryPointWithBothCoordinatesAndShortLinesAreWhole() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {0.1, Double.NaN, 0.3, Double.NaN, 0.5};
        Series beyond = Series.of("fall beyond the shock", Marks.MARKERS, "#333", x, y).drawn();
        assertEquals(List.of(1.0, 3.0, 5.0), List.of(beyond.x()[0], beyond.x()[1], beyond.x()[2]));
        assertEquals(3, beyond.size());
        Series curve = Series.of("model", Marks.LINES, "#333", new double[] {1, 2, 3}, new double[] {1, 1, 1});
        assertSame(curve, curve.drawn(), "a line of a few points is drawn as it is");
    }

    @Test
    void bothRenderingsDrawTheSimplifiedLine() {
        double[] x = new double[DAYS];
        double[] y = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 500.0);
        }
        Series line = Series.of("shock", Marks.LINES, "#d62728", x, y);
        Figure figure = new Figure("f", List.of(new Panel("p", new Axis("day", ""), new Axis("shock", "%"), List.of(line))), 1);
        int drawn = line.drawn().size();
        JsonObject trace = PlotlyFigure.toJson(figure).getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals(drawn, trace.getAsJsonArray("x").size());
        String svg = SvgFigure.render(figure);
        String points = svg.substring(svg.indexOf("points=\"") + 8);
        assertEquals(drawn, points.substring(0, points.indexOf('"')).split(" ").length);
    }

    @Test
    void plotlyNumbersAreRoundedToAHundredThousandthOfTheirSpan() {
        double[] x = {2016.707650273224, 2016.7103825136612, 2024.5};
        double[] y = {-0.16294194886373736, 0.6419335480833732, 12.704288223894602};
        Figure figure = new Figure("f", List.of(new Panel("p", new Axis("year", ""), new Axis("move", "%"),
                List.of(Series.of("moves", Marks.MARKERS, "#333", x, y)))), 1);
        JsonObject trace = PlotlyFigure.toJson(figure).getAsJsonArray("data").get(0).getAsJsonObject();
        assertRounded(x, trace.getAsJsonArray("x"), "2016.70765");
        assertRounded(y, trace.getAsJsonArray("y"), "-0.1629");
    }

    private static void assertRounded(double[] values, JsonArray json, String first) {
        double span = max(values) - min(values);
        assertEquals(first, json.get(0).getAsString());
        for (int i = 0; i < values.length; i++) {
            assertTrue(Math.abs(json.get(i).getAsDouble() - values[i]) <= 1e-5 * span,
                    json.get(i) + " is within a hundred-thousandth of the span of " + values[i]);
        }
    }

    /** Every original point is within the tolerance of the kept line, both scaled by the original's spans. */
    private static void assertWithinTolerance(double[] x, double[] y, double[] keptX, double[] keptY) {
        double xSpan = x[x.length - 1] - x[0];
        double ySpan = max(y) - min(y);
        int segment = 0;
        for (int i = 0; i < x.length; i++) {
            while (keptX[segment + 1] < x[i]) {
                segment++;
            }
            double ax = keptX[segment] / xSpan;
            double ay = keptY[segment] / ySpan;
            double dx = keptX[segment + 1] / xSpan - ax;
            double dy = keptY[segment + 1] / ySpan - ay;
            double t = Math.clamp(((x[i] / xSpan - ax) * dx + (y[i] / ySpan - ay) * dy) / (dx * dx + dy * dy), 0, 1);
            double distance = Math.hypot(x[i] / xSpan - ax - t * dx, y[i] / ySpan - ay - t * dy);
            assertTrue(distance <= LineSimplification.TOLERANCE * (1 + 1e-9),
                    "day " + i + " is " + distance + " from the drawn line");
        }
    }

    private static boolean contains(double[] values, double value) {
        for (double v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
