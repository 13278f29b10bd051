package margo.core.smiles;

/** Argument checks with messages naming the argument, shared by the package's records. */
final class Checks {

    private Checks() {
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, but was " + value);
        }
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, but was " + value);
        }
    }

    static void correlation(String name, double value) {
        if (!(Math.abs(value) < 1)) {
            throw new IllegalArgumentException(name + " must be in (-1, 1), but was " + value);
        }
    }

    /** Every time positive and each later than the one before. */
    static void increasingTimes(String name, double[] times) {
        for (int i = 0; i < times.length; i++) {
            positive(name + "[" + i + "]", times[i]);
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException(name + " must increase, but " + name + "[" + i + "] = " + times[i]
                        + " <= " + times[i - 1]);
            }
        }
    }

    static void sameLength(String first, double[] a, String second, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? first : second) + " must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(first + " and " + second + " must have the same length, but have "
                    + a.length + " and " + b.length);
        }
    }
}
