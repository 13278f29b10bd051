package margo.core.risk;

import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.math3.util.MedianOf3PivotingStrategy;

/**
 * Empirical tail quantiles and tail means of a sample.
 *
 * <p>The quantile at probability {@code p} interpolates linearly between order statistics at position
 * {@code (n - 1) p} (Hyndman and Fan 1996, definition 7; numpy's and R's default), so that the estimate moves
 * continuously with {@code p}. The tail mean below {@code p} is the mean of the observations at or below that
 * quantile, at least the smallest one; above {@code 1 - p} likewise.
 *
 * <p>Order statistics come from Commons Math's quickselect ({@link KthSelector}), linear in the sample rather than
 * a sort's {@code n log n}: a shock series ranks a window at every bar. Every method reorders the array it is given,
 * which must be a scratch copy.
 */
final class TailQuantiles {

    private static final KthSelector SELECTOR = new KthSelector(new MedianOf3PivotingStrategy());

    private TailQuantiles() {
    }

    /** The quantile at probability {@code p} of {@code values}, which it reorders. */
    static double quantile(double[] values, double p) {
        double position = (values.length - 1) * p;
        int below = (int) Math.floor(position);
        double low = SELECTOR.select(values, null, below);
        if (below >= values.length - 1) {
            return low;
        }
        // After selection every value past index 'below' is at least 'low': the next order statistic is their least.
        double next = Double.POSITIVE_INFINITY;
        for (int i = below + 1; i < values.length; i++) {
            next = Math.min(next, values[i]);
        }
        return low + (position - below) * (next - low);
    }

    /** The lower tail's measure at tail probability {@code p}: its quantile or the mean at or below it. */
    static double lower(double[] values, double p, Measure measure) {
        double quantile = quantile(values, p);
        if (measure == Measure.VALUE_AT_RISK) {
            return quantile;
        }
        double sum = 0;
        int count = 0;
        double least = Double.POSITIVE_INFINITY;
        for (double value : values) {
            least = Math.min(least, value);
            if (value <= quantile) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? least : sum / count;
    }

    /** The upper tail's measure at tail probability {@code p}: its quantile or the mean at or above it. */
    static double upper(double[] values, double p, Measure measure) {
        double quantile = quantile(values, 1 - p);
        if (measure == Measure.VALUE_AT_RISK) {
            return quantile;
        }
        double sum = 0;
        int count = 0;
        double greatest = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            greatest = Math.max(greatest, value);
            if (value >= quantile) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? greatest : sum / count;
    }
}
