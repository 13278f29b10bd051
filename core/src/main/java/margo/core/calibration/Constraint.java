package margo.core.calibration;

/**
 * A constraint {@code g(theta) >= 0} on the full parameter vector (in the order of the problem's parameters), such
 * as Heston's Feller condition {@code 2 kappa theta - xi^2 >= 0}.
 *
 * <p>A soft constraint adds {@code penalty * max(0, -g)^2} to the objective. A hard constraint does the same with
 * the steep {@link #HARD_PENALTY}: none of the Commons Math solvers accepts general nonlinear constraints, and a
 * quadratic penalty keeps the objective smooth for Levenberg-Marquardt. A hard constraint can therefore end slightly
 * violated; the result's {@link ConstraintStatus} says by how much.
 *
 * @param name how diagnostics refer to the constraint, e.g. the recipe's text {@code 2*kappa*theta >= xi^2}
 * @param function {@code g}; must be deterministic, and pure apart from what {@link ConstraintFunction#forOneThread()}
 *        gives each thread of its own
 * @param hard true for a hard constraint (the language's {@code require} without {@code penalty})
 * @param penalty the weight {@code c} of {@code c max(0,-g)^2}; {@link #HARD_PENALTY} for a hard constraint
 */
public record Constraint(String name, ConstraintFunction function, boolean hard, double penalty) {

    /** The penalty weight that stands in for a hard constraint. */
    public static final double HARD_PENALTY = 1e8;

    /**
     * {@code g(theta)}: non-negative when the constraint holds. The starts of a calibration run on several threads
     * at once; the engine asks, on the calling thread, for one {@link #forOneThread()} copy per thread, and only
     * those copies are evaluated while the starts run.
     */
    @FunctionalInterface
    public interface ConstraintFunction {
        /** @param parameters all the problem's parameters, fixed ones included, in declaration order */
        double value(double[] parameters);

        /**
         * This function for one thread at a time. A function that keeps no state between calls returns itself, the
         * default; one that, say, writes the parameters into a frame before evaluating returns a copy with a frame
         * of its own, computing the same {@code g}.
         */
        default ConstraintFunction forOneThread() {
            return this;
        }
    }

    /** @throws IllegalArgumentException naming the constraint when the penalty is not a positive number */
    public Constraint {
        if (name == null || function == null) {
            throw new IllegalArgumentException("constraint name and function must not be null");
        }
        if (!(penalty > 0.0) || !Double.isFinite(penalty)) {
            throw new IllegalArgumentException("constraint '" + name + "': penalty " + penalty
                    + " must be positive and finite");
        }
    }

    /** A soft constraint with penalty weight {@code penalty} (the language's {@code require E penalty w}). */
    public static Constraint soft(String name, ConstraintFunction function, double penalty) {
        return new Constraint(name, function, false, penalty);
    }

    /** A hard constraint (the language's {@code require E}). */
    public static Constraint hard(String name, ConstraintFunction function) {
        return new Constraint(name, function, true, HARD_PENALTY);
    }
}
