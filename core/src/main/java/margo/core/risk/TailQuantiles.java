package margo.core.risk;

import java.util.Arrays;

/**
 * Empirical tail quantiles and tail means of a sample.
 *
 * <p>The quantile at probability {@code p} interpolates linearly between order statistics at position
 * {@code (n - 1) p} (Hyndman and Fan 1996, definition 7; numpy's and R's default), so that the estimate moves
 * continuously with {@code p}. The tail mean below {@code p} is the mean of the observations at or below that
 * quantile, at least the smallest one; above {@code 1 - p} likewise.
 */
final class TailQuantiles {

    private TailQuantiles() {
    }

    /** The sorted copy of {@code values[from, to)}. */
    static double[] sorted(double[] values, int from, int to) {
        double[] copy = Arrays.copyOfRange(values, from, to);
        Arrays.sort(copy);
        return copy;
    }

    /** The quantile at probability {@code p} of the ascending {@code sorted}. */
    static double quantile(double[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double weight = position - below;
        return sorted[below] + weight * (sorted[below + 1] - sorted[below]);
    }

    /** The lower tail's measure at tail probability {@code p}: its quantile or the mean at or below it. */
    static double lower(double[] sorted, double p, Measure measure) {
        double quantile = quantile(sorted, p);
        if (measure == Measure.VALUE_AT_RISK) {
            return quantile;
        }
        double sum = sorted[0];
        int count = 1;
        for (int i = 1; i < sorted.length && sorted[i] <= quantile; i++) {
            sum += sorted[i];
            count++;
        }
        return sum / count;
    }

    /** The upper tail's measure at tail probability {@code p}: its quantile or the mean at or above it. */
    static double upper(double[] sorted, double p, Measure measure) {
        double quantile = quantile(sorted, 1 - p);
        if (measure == Measure.VALUE_AT_RISK) {
            return quantile;
        }
        int last = sorted.length - 1;
        double sum = sorted[last];
        int count = 1;
        for (int i = last - 1; i >= 0 && sorted[i] >= quantile; i--) {
            sum += sorted[i];
            count++;
        }
        return sum / count;
    }
}
