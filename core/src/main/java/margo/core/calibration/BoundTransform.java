package margo.core.calibration;

/**
 * Smooth maps from an unbounded internal variable {@code z} to a parameter within its bounds, for solvers without
 * native bounds (F. James, MINUIT Reference Manual, CERN D506, section 1.2.1):
 * <ul>
 *   <li>two bounds: {@code theta = lo + (hi - lo)(1 + sin z) / 2};</li>
 *   <li>lower bound only: {@code theta = lo - 1 + sqrt(z^2 + 1)};</li>
 *   <li>upper bound only: {@code theta = hi + 1 - sqrt(z^2 + 1)};</li>
 *   <li>no bounds: {@code theta = z}.</li>
 * </ul>
 * The maps are flat at the bounds, so a start exactly on a bound is moved {@link #EDGE} inside in {@code z}.
 */
final class BoundTransform {

    /** How far inside the flat point of the map a start is placed, in {@code z} (moves theta by ~1e-7 of range). */
    static final double EDGE = 1.0e-3;

    private BoundTransform() {
    }

    static double toParameter(double z, double lo, double hi) {
        boolean hasLo = lo != Double.NEGATIVE_INFINITY;
        boolean hasHi = hi != Double.POSITIVE_INFINITY;
        if (hasLo && hasHi) {
            // Clamp: rounding in sin can otherwise step outside [lo, hi] by an ulp.
            return Math.min(hi, Math.max(lo, lo + (hi - lo) * (1.0 + Math.sin(z)) / 2.0));
        } else if (hasLo) {
            return lo - 1.0 + Math.sqrt(z * z + 1.0);
        } else if (hasHi) {
            return hi + 1.0 - Math.sqrt(z * z + 1.0);
        }
        return z;
    }

    /** {@code d theta / d z}. */
    static double derivative(double z, double lo, double hi) {
        boolean hasLo = lo != Double.NEGATIVE_INFINITY;
        boolean hasHi = hi != Double.POSITIVE_INFINITY;
        if (hasLo && hasHi) {
            return (hi - lo) * Math.cos(z) / 2.0;
        } else if (hasLo) {
            return z / Math.sqrt(z * z + 1.0);
        } else if (hasHi) {
            return -z / Math.sqrt(z * z + 1.0);
        }
        return 1.0;
    }

    /** The internal variable of a start {@code theta} within the bounds, kept {@link #EDGE} off the flat points. */
    static double toInternal(double theta, double lo, double hi) {
        boolean hasLo = lo != Double.NEGATIVE_INFINITY;
        boolean hasHi = hi != Double.POSITIVE_INFINITY;
        if (hasLo && hasHi) {
            double s = Math.max(-1.0, Math.min(1.0, 2.0 * (theta - lo) / (hi - lo) - 1.0));
            double z = Math.asin(s);
            return Math.max(-Math.PI / 2 + EDGE, Math.min(Math.PI / 2 - EDGE, z));
        } else if (hasLo) {
            double u = theta - lo + 1.0;
            return Math.max(EDGE, Math.sqrt(Math.max(0.0, u * u - 1.0)));
        } else if (hasHi) {
            double u = hi - theta + 1.0;
            return Math.max(EDGE, Math.sqrt(Math.max(0.0, u * u - 1.0)));
        }
        return theta;
    }
}
