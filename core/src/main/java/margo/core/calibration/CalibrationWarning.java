package margo.core.calibration;

import java.io.Serializable;

/**
 * Something the user should know about a calibration result that is still a solution of its problem; what makes
 * it not one is a {@link CalibrationFailure}.
 *
 * @param kind what kind of concern
 * @param message a sentence with the names and numbers involved
 */
public record CalibrationWarning(Kind kind, String message) implements Serializable {

    /** The kinds of warning. */
    public enum Kind {
        /** A parameter ended within 1e-6 (relative to its range) of a bound: the bound, not the data, decided it. */
        AT_BOUND,
        /** The weighted Jacobian at the optimum is nearly rank-deficient: some parameters are not identified. */
        ILL_CONDITIONED,
        /** Quotes were left out; {@link CalibrationResult#exclusions()} lists them. */
        QUOTES_EXCLUDED,
        /**
         * A soft constraint does not hold at the result, or a hard one within the tolerance of its penalty (beyond
         * it the calibration fails: {@link CalibrationFailure.Kind#HARD_CONSTRAINT_VIOLATED}).
         */
        CONSTRAINT_VIOLATED,
        /** Standard errors could not be computed (too few quotes, or a singular Jacobian). */
        NO_STANDARD_ERRORS
    }
}
