package margo.core.calibration;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * What a calibration produced and how far to trust it. Arrays are returned as copies.
 *
 * <p>Standard errors and correlations come from the weighted Jacobian {@code J} of the model values by the free
 * parameters at the result (rows scaled by the quote weights, penalty rows left out): the covariance is
 * {@code s^2 (J^T J)^-1} with {@code s^2 = RSS / (n - p)}, the weighted residual sum of squares over the degrees of
 * freedom, computed through a singular value decomposition. This is the usual nonlinear least-squares estimate
 * (Seber and Wild, Nonlinear Regression, section 2.1); it treats the weighted residuals as independent with equal
 * variance, so it is only as good as the weights are as inverse standard deviations of the market errors.
 *
 * @param parameterNames the parameter names, in declaration order
 * @param parameters the calibrated parameters (fixed ones at their values)
 * @param standardErrors the standard error of each parameter in its own unit; 0 for a fixed parameter, NaN when
 *        it cannot be computed (see the warnings)
 * @param correlation the parameters' correlation matrix (identity rows and columns for fixed parameters, NaN when
 *        not computable)
 * @param target what was fitted
 * @param objective the final objective: sum of squared weighted residuals plus penalties
 * @param rmse the root mean square of {@code model - market} over the active quotes, unweighted, in
 *        {@link Target#reportingUnit()} (vol points for implied volatility)
 * @param expiries the expiry indices with active quotes, ascending
 * @param rmseByExpiry the RMSE of each of {@code expiries}, in the same unit
 * @param maxAbsError the largest {@code |model - market|}, in the same unit
 * @param maxErrorQuote the index (in the problem's quotes) of the quote with that error; -1 when none
 * @param residuals the fit quote by quote
 * @param iterations solver iterations over all starts (Levenberg-Marquardt: Jacobian evaluations; BOBYQA:
 *        objective evaluations; CMA-ES: generations)
 * @param evaluations model evaluations over all starts, finite-difference ones included
 * @param elapsed wall-clock time of the calibration (the only part of the result that is not reproducible)
 * @param stopReason why the start that produced the result stopped, or TIME_LIMIT / CANCELLED when those ended
 *        the calibration
 * @param bestStart the start (0 = the declared start) that produced the result
 * @param constraints each constraint evaluated at the result
 * @param exclusions quotes left out and why
 * @param warnings concerns about the result
 * @param conditionNumber the condition number of the weighted Jacobian with unit-length columns (so independent
 *        of the parameters' units); infinite when singular, NaN when not computed
 * @param starts how each start that ran ended, in start order; empty when no parameter is free
 * @param failures why the result is not a solution of the problem; empty when it is (see {@link #failed()})
 */
public record CalibrationResult(List<String> parameterNames, double[] parameters, double[] standardErrors,
        double[][] correlation, Target target, double objective, double rmse, int[] expiries, double[] rmseByExpiry,
        double maxAbsError, int maxErrorQuote, ResidualTable residuals, int iterations, int evaluations,
        Duration elapsed, StopReason stopReason, int bestStart, List<ConstraintStatus> constraints,
        List<QuoteExclusion> exclusions, List<CalibrationWarning> warnings, double conditionNumber,
        List<StartSummary> starts, List<CalibrationFailure> failures) implements Serializable {

    /** Copies the arrays and lists it is given. */
    public CalibrationResult {
        parameterNames = List.copyOf(parameterNames);
        parameters = parameters.clone();
        standardErrors = standardErrors.clone();
        correlation = deepCopy(correlation);
        expiries = expiries.clone();
        rmseByExpiry = rmseByExpiry.clone();
        constraints = List.copyOf(constraints);
        exclusions = List.copyOf(exclusions);
        warnings = List.copyOf(warnings);
        starts = List.copyOf(starts);
        failures = List.copyOf(failures);
    }

    /**
     * True when the result is not a solution of the problem: the solver stopped on a budget or failed, the
     * objective is not finite, or a hard constraint does not hold. The parameters are then the best point found.
     */
    public boolean failed() {
        return !failures.isEmpty();
    }

    /** True when a failure of this kind was found. */
    public boolean hasFailure(CalibrationFailure.Kind kind) {
        return failures.stream().anyMatch(failure -> failure.kind() == kind);
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    @Override
    public double[][] correlation() {
        return deepCopy(correlation);
    }

    @Override
    public int[] expiries() {
        return expiries.clone();
    }

    @Override
    public double[] rmseByExpiry() {
        return rmseByExpiry.clone();
    }

    /** The calibrated value of the parameter called {@code name}. */
    public double parameter(String name) {
        return parameters[indexOf(name)];
    }

    /** The standard error of the parameter called {@code name}. */
    public double standardError(String name) {
        return standardErrors[indexOf(name)];
    }

    /** True when a warning of this kind was raised. */
    public boolean hasWarning(CalibrationWarning.Kind kind) {
        for (CalibrationWarning w : warnings) {
            if (w.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private int indexOf(String name) {
        int i = parameterNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "'; the parameters are " + parameterNames);
        }
        return i;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }
}
