package margo.core.risk;

/** Validation of risk arguments at construction, with messages that name the argument and give its value. */
final class RiskArguments {

    private RiskArguments() {
    }

    /** A confidence level strictly between 0 and 1, e.g. 0.99. */
    static double requireConfidence(String name, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be a level in (0, 1) such as 0.99, not " + value);
        }
        return value;
    }

    static int requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }

    /** Checks that {@code [from, to)} is a window of {@code values} holding at least {@code minimum} entries. */
    static void requireWindow(double[] values, int from, int to, int minimum) {
        if (values == null) {
            throw new IllegalArgumentException("the returns must not be null");
        }
        if (from < 0 || to > values.length || from > to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") lies outside the "
                    + values.length + " returns");
        }
        if (to - from < minimum) {
            throw new IllegalArgumentException("a window of " + (to - from) + " returns is too short: at least "
                    + minimum + " are needed");
        }
    }
}
