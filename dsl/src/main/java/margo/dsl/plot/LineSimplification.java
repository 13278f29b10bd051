package margo.dsl.plot;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The points of a long line that its drawing needs: Ramer–Douglas–Peucker (U. Ramer, "An iterative procedure for the
 * polygonal approximation of plane curves", 1972; D. Douglas and T. Peucker, The Canadian Cartographer 10(2), 1973).
 * Between two kept points, a point is dropped when it lies within the tolerance of the segment joining them, so the
 * simplified line never strays further than that from the original. Distances are measured with x and y each scaled
 * by the line's own span, the smallest box its axes can show it in, so a tolerance of 0.0005 is at most half a pixel
 * on a chart a thousand pixels wide and high, whatever the units. A daily history of ten years drawn as a line
 * (a calibrated shock, a fee through time) keeps a few hundred of its 3,600 points; its ups and downs all stay.
 */
final class LineSimplification {

    /** Half a pixel of a 1,000-pixel chart, in units of the line's spans. */
    static final double TOLERANCE = 5e-4;

    private LineSimplification() {
    }

    /**
     * Which points to keep: both ends of every run of finite points, every point the tolerance needs between them,
     * and every point with a NaN coordinate, so that a gap stays a gap.
     */
    static boolean[] kept(double[] x, double[] y, double tolerance) {
        int n = x.length;
        boolean[] kept = new boolean[n];
        double xSpan = span(x);
        double ySpan = span(y);
        Deque<int[]> segments = new ArrayDeque<>();
        int start = 0;
        while (start < n) {
            if (!finite(x, y, start)) {
                kept[start++] = true;
                continue;
            }
            int end = start;
            while (end + 1 < n && finite(x, y, end + 1)) {
                end++;
            }
            kept[start] = true;
            kept[end] = true;
            segments.push(new int[] {start, end});
            while (!segments.isEmpty()) {
                int[] segment = segments.pop();
                int farthest = farthest(x, y, segment[0], segment[1], xSpan, ySpan);
                if (farthest >= 0 && distance(x, y, segment[0], segment[1], farthest, xSpan, ySpan) > tolerance) {
                    kept[farthest] = true;
                    segments.push(new int[] {segment[0], farthest});
                    segments.push(new int[] {farthest, segment[1]});
                }
            }
            start = end + 1;
        }
        return kept;
    }

    /** The point strictly between {@code from} and {@code to} farthest from the segment joining them; -1 if none. */
    private static int farthest(double[] x, double[] y, int from, int to, double xSpan, double ySpan) {
        int farthest = -1;
        double largest = -1;
        for (int i = from + 1; i < to; i++) {
            double distance = distance(x, y, from, to, i, xSpan, ySpan);
            if (distance > largest) {
                largest = distance;
                farthest = i;
            }
        }
        return farthest;
    }

    /** Distance from point {@code i} to the segment from {@code a} to {@code b}, in units of the spans. */
    private static double distance(double[] x, double[] y, int a, int b, int i, double xSpan, double ySpan) {
        double ax = x[a] / xSpan;
        double ay = y[a] / ySpan;
        double dx = x[b] / xSpan - ax;
        double dy = y[b] / ySpan - ay;
        double px = x[i] / xSpan - ax;
        double py = y[i] / ySpan - ay;
        double squaredLength = dx * dx + dy * dy;
        double along = squaredLength == 0 ? 0 : Math.clamp((px * dx + py * dy) / squaredLength, 0, 1);
        return Math.hypot(px - along * dx, py - along * dy);
    }

    /** The range of the finite values; 1 when they are all equal or none is, so that a flat line divides by something. */
    private static double span(double[] values) {
        double span = FiniteRange.of(values).span();
        return span > 0 ? span : 1;
    }

    private static boolean finite(double[] x, double[] y, int i) {
        return Double.isFinite(x[i]) && Double.isFinite(y[i]);
    }
}
