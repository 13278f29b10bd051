package margo.core.calibration;

import java.io.Serializable;

/**
 * Why a calibration's result is not a solution of its problem. The result still holds the best point found, so a
 * caller can show it, but must not present it as a fit.
 *
 * @param kind what went wrong
 * @param message a sentence with the names, limits and numbers involved
 */
public record CalibrationFailure(Kind kind, String message) implements Serializable {

    /** The kinds of failure. */
    public enum Kind {
        /**
         * The start that produced the result stopped on its iteration or evaluation limit, or the time limit ran
         * out, before the solver's convergence test passed.
         */
        BUDGET,
        /** Every start failed (the model threw, say); the result is the declared start or the best point seen. */
        SOLVER_FAILED,
        /** The objective at the result is not finite: weighted residuals or penalties overflow. */
        NON_FINITE_OBJECTIVE,
        /** A hard constraint does not hold at the result, beyond {@link Diagnostics#HARD_CONSTRAINT_TOLERANCE}. */
        HARD_CONSTRAINT_VIOLATED
    }
}
