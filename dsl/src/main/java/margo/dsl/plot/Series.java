package margo.dsl.plot;

import java.util.Arrays;

/**
 * Points (x, y) drawn as markers, a line or both, optionally with a vertical interval at each point: a bid–ask
 * range around a mid, a confidence band around a fit. A NaN coordinate is a gap: the point is not drawn and a
 * line breaks there; a NaN interval end draws no bar on that side.
 *
 * @param color a CSS colour, e.g. {@code #1f77b4}
 * @param low   the lower end of the interval at each point, or null for no intervals
 * @param high  the upper end, or null; given together with {@code low}
 */
public record Series(String name, Marks marks, String color, double[] x, double[] y, double[] low, double[] high)
        implements Trace {

    /** Lines longer than this are simplified for drawing ({@link #drawn()}); shorter ones cost little as they are. */
    static final int LONG_LINE = 1_000;

    public Series {
        if (name == null || marks == null || color == null || x == null || y == null) {
            throw new IllegalArgumentException("a series needs a name, marks, a colour, x and y");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have one value per point: " + x.length + " and " + y.length);
        }
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException("interval ends come in pairs: give both low and high, or neither");
        }
        if (low != null && (low.length != x.length || high.length != x.length)) {
            throw new IllegalArgumentException("low and high must have one value per point, " + x.length);
        }
        x = x.clone();
        y = y.clone();
        low = low == null ? null : low.clone();
        high = high == null ? null : high.clone();
    }

    /** A series without intervals. */
    public static Series of(String name, Marks marks, String color, double[] x, double[] y) {
        return new Series(name, marks, color, x, y, null, null);
    }

    /**
     * The series as {@link PlotlyFigure} and {@link SvgFigure} draw it, both the same: a line of more than
     * {@value #LONG_LINE} points without intervals keeps only the points its drawing needs ({@link LineSimplification},
     * within half a pixel of a 1,000-pixel chart); markers keep only the points with both coordinates, as the others
     * draw nothing. Anything else is drawn whole.
     */
    Series drawn() {
        boolean[] kept;
        if (marks == Marks.LINES && !hasIntervals() && x.length > LONG_LINE) {
            kept = LineSimplification.kept(x, y, LineSimplification.TOLERANCE);
        } else if (marks == Marks.MARKERS) {
            kept = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                kept[i] = Double.isFinite(x[i]) && Double.isFinite(y[i]);
            }
        } else {
            return this;
        }
        int count = 0;
        for (boolean keep : kept) {
            count += keep ? 1 : 0;
        }
        if (count == x.length) {
            return this;
        }
        return new Series(name, marks, color, only(x, kept, count), only(y, kept, count),
                low == null ? null : only(low, kept, count), high == null ? null : only(high, kept, count));
    }

    private static double[] only(double[] values, boolean[] kept, int count) {
        double[] chosen = new double[count];
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            if (kept[i]) {
                chosen[next++] = values[i];
            }
        }
        return chosen;
    }

    public boolean hasIntervals() {
        return low != null;
    }

    public int size() {
        return x.length;
    }

    // Copies out, so that a figure stays as it was built.
    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] low() {
        return low == null ? null : low.clone();
    }

    @Override
    public double[] high() {
        return high == null ? null : high.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series s && name.equals(s.name) && marks == s.marks && color.equals(s.color)
                && Arrays.equals(x, s.x) && Arrays.equals(y, s.y) && Arrays.equals(low, s.low)
                && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + marks + ", " + x.length + " points]";
    }
}
