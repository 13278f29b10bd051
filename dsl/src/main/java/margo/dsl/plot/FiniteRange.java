package margo.dsl.plot;

/**
 * The smallest and largest finite values of an array: what an axis must show of it. Both are NaN when the array has
 * no finite value.
 */
record FiniteRange(double low, double high) {

    static FiniteRange of(double[] values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        return low > high ? new FiniteRange(Double.NaN, Double.NaN) : new FiniteRange(low, high);
    }

    /** {@code high - low}: zero when every finite value is the same, NaN when there is none. */
    double span() {
        return high - low;
    }
}
