package margo.core.calibration;

import java.io.Serializable;

/**
 * A constraint evaluated at the result.
 *
 * @param name the constraint's name
 * @param hard true for a hard constraint
 * @param value {@code g(theta)} at the result; the constraint holds when it is &ge; 0
 * @param violation {@code max(0, -g)}: 0 when satisfied
 * @param penalty the constraint's contribution {@code c * violation^2} to the objective
 */
public record ConstraintStatus(String name, boolean hard, double value, double violation, double penalty)
        implements Serializable {

    /** True when {@code g(theta) >= 0}. */
    public boolean satisfied() {
        return value >= 0.0;
    }
}
