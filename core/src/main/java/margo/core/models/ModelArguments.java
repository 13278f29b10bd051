package margo.core.models;

/** Validation of model parameters at construction, with messages that name the parameter and give its value. */
final class ModelArguments {

    private ModelArguments() {
    }

    static double requirePositive(String name, double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0, not " + value);
        }
        return value;
    }

    static double requireNonNegative(String name, double value) {
        if (!(value >= 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, not " + value);
        }
        return value;
    }

    static double requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, not " + value);
        }
        return value;
    }

    static double requireCorrelation(String name, double value) {
        if (!(value >= -1.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [-1, 1], not " + value);
        }
        return value;
    }

    /** The parameter array a model is rebuilt from, checked for its length. */
    static double[] requireLength(String model, String[] names, double[] values) {
        if (values == null || values.length != names.length) {
            throw new IllegalArgumentException(model + " takes " + names.length + " parameters "
                    + String.join(", ", names) + ", not " + (values == null ? "null" : values.length));
        }
        return values;
    }
}
