package margo.core.calibration;

import java.io.Serializable;

/**
 * One model parameter as the problem declares it: its name, its bounds (either may be infinite), the start of the
 * first local search, and whether it is fixed at its start.
 *
 * @param name the parameter's name as the model knows it, such as {@code v0} or {@code kappa}
 * @param lower the lower bound, in the parameter's own unit; {@code Double.NEGATIVE_INFINITY} when unbounded
 * @param upper the upper bound, &ge; lower; {@code Double.POSITIVE_INFINITY} when unbounded
 * @param start the start value, within the bounds
 * @param fixed true when the parameter is held at {@code start} and not calibrated
 */
public record ParameterSpec(String name, double lower, double upper, double start, boolean fixed)
        implements Serializable {

    /** @throws IllegalArgumentException naming the parameter when the bounds or the start are inconsistent */
    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower == Double.POSITIVE_INFINITY
                || upper == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("parameter '" + name + "': bounds [" + lower + ", " + upper
                    + "] must be numbers, the lower not +infinity and the upper not -infinity");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("parameter '" + name + "': lower bound " + lower
                    + " is above upper bound " + upper);
        }
        if (!Double.isFinite(start)) {
            throw new IllegalArgumentException("parameter '" + name + "': start " + start + " must be finite");
        }
        if (start < lower || start > upper) {
            throw new IllegalArgumentException("parameter '" + name + "': start " + start + " is outside its bounds ["
                    + lower + ", " + upper + "]");
        }
    }

    /** A free parameter within {@code [lower, upper]} starting at {@code start}. */
    public static ParameterSpec free(String name, double lower, double upper, double start) {
        return new ParameterSpec(name, lower, upper, start, false);
    }

    /** A parameter held at {@code value} (the language's {@code P = x}). */
    public static ParameterSpec fixed(String name, double value) {
        return new ParameterSpec(name, value, value, value, true);
    }

    /** True when both bounds are finite. */
    public boolean isBounded() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
