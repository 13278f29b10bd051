package margo.core.calibration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** Builds a {@link CalibrationResult} from the best point: errors, standard errors, constraints and warnings. */
final class Diagnostics {

    /**
     * Above this condition number of the column-normalised weighted Jacobian the result warns that parameters are
     * poorly identified: a relative change of 1e-6 in the fit can then move a parameter combination by order one.
     */
    static final double ILL_CONDITIONED = 1e6;
    /**
     * Above this the Jacobian is treated as singular and no standard errors are given: a central-difference
     * Jacobian is accurate to about epsilon^(2/3) ~ 4e-11 relative, so an exactly singular one measures about 1e10
     * to 1e11, and beyond 1e9 the smallest singular value is mostly differencing error.
     */
    static final double SINGULAR = 1e9;
    /** A parameter this close to a bound, relative to its range (or to max(|bound|, 1)), is "at the bound". */
    static final double AT_BOUND = 1e-6;
    /**
     * A hard constraint violated by more than this (in the units of its {@code g}) fails the calibration. Hard
     * constraints are penalties of weight {@link Constraint#HARD_PENALTY}, so one that can hold ends violated by
     * about the weighted residuals' gradient over 2e8, below 1e-7 for residuals of vol points; a violation
     * above 1e-6 means the constraint cannot hold within the bounds, or the solver stopped far from it.
     */
    static final double HARD_CONSTRAINT_TOLERANCE = 1e-6;

    /**
     * How the search over the starts went.
     *
     * @param stopReason why the start that produced the result stopped, or TIME_LIMIT / CANCELLED
     * @param bestStart the start that produced the result
     * @param bestIsItsStart true when no point the best start tried was better than the point it started from
     * @param failures what failed, one sentence per failed start
     * @param starts how each start that ran ended, in start order
     */
    record Search(StopReason stopReason, int bestStart, boolean bestIsItsStart, List<String> failures,
            List<StartSummary> starts) {
    }

    private Diagnostics() {
    }

    /**
     * The result at {@code parameters}. With {@code fromJacobian} false the Jacobian at the result is not computed,
     * which costs as much as an iteration of Levenberg-Marquardt: standard errors, correlations between different
     * parameters and the condition number are then NaN, with no warning of their own, and a parameter at a bound
     * is reported without saying whether the bound binds.
     */
    static CalibrationResult of(CalibrationProblem problem, QuoteSelection selection, CalibrationQuotes active,
            Objective objective, int[] free, double[] parameters, int iterations, int evaluations, Duration elapsed,
            Search search, boolean fromJacobian) {
        Target target = problem.target();
        int n = active.size();
        int f = free.length;
        int p = parameters.length;
        double[] model = new double[n];
        double[] jacobian = fromJacobian ? new double[objective.residualCount() * f] : null;
        objective.valuesAndJacobianAt(parameters, model, jacobian);
        List<CalibrationWarning> warnings = new ArrayList<>();
        List<CalibrationFailure> failed = new ArrayList<>();

        // Errors in reporting units, overall and by expiry.
        double scale = target.reportingScale();
        double[] error = new double[n];
        double sumSquares = 0.0;
        double weightedRss = 0.0;
        double maxAbs = 0.0;
        int maxQuote = -1;
        int[] activeIndex = selection.active();
        for (int i = 0; i < n; i++) {
            double r = model[i] - active.market()[i];
            error[i] = r * scale;
            sumSquares += error[i] * error[i];
            double wr = active.weights()[i] * r;
            weightedRss += wr * wr;
            if (!(Math.abs(error[i]) <= maxAbs)) {
                maxAbs = Math.abs(error[i]);
                maxQuote = activeIndex[i];
            }
        }
        double rmse = Math.sqrt(sumSquares / n);
        int[] expiries = distinctSorted(active.expiryIndex());
        double[] rmseByExpiry = new double[expiries.length];
        for (int e = 0; e < expiries.length; e++) {
            double sum = 0.0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (active.expiryIndex()[i] == expiries[e]) {
                    sum += error[i] * error[i];
                    count++;
                }
            }
            rmseByExpiry[e] = Math.sqrt(sum / count);
        }

        // Constraints and the objective at the result.
        double objectiveValue = weightedRss;
        List<ConstraintStatus> constraints = new ArrayList<>();
        for (Constraint c : problem.constraints()) {
            double g = c.function().value(parameters);
            double violation = Math.max(0.0, -g);
            double penalty = c.penalty() * violation * violation;
            objectiveValue += penalty;
            constraints.add(new ConstraintStatus(c.name(), c.hard(), g, violation, penalty));
            if (c.hard() && !(violation <= HARD_CONSTRAINT_TOLERANCE)) {
                failed.add(new CalibrationFailure(CalibrationFailure.Kind.HARD_CONSTRAINT_VIOLATED,
                        "hard constraint " + c.name() + " does not hold at the best point found: it is violated by "
                                + violation));
            } else if (!(g >= 0.0)) {
                warnings.add(new CalibrationWarning(CalibrationWarning.Kind.CONSTRAINT_VIOLATED,
                        (c.hard() ? "hard" : "soft") + " constraint " + c.name() + " is violated by " + violation));
            }
        }

        // Standard errors and correlations from the weighted Jacobian of the quotes (penalty rows left out).
        double[] standardErrors = new double[p];
        double[][] correlation = new double[p][p];
        for (int j = 0; j < p; j++) {
            correlation[j][j] = 1.0;
        }
        double condition = Double.NaN;
        if (f > 0 && jacobian != null) {
            condition = covariance(problem, jacobian, n, free, weightedRss, standardErrors, correlation, warnings);
        } else if (f > 0) {
            for (int k = 0; k < f; k++) {
                standardErrors[free[k]] = Double.NaN;
                for (int l = 0; l < f; l++) {
                    correlation[free[k]][free[l]] = k == l ? 1.0 : Double.NaN;
                }
            }
        }

        // Parameters at their bounds, and whether the bound binds: the objective still falls beyond it.
        double[] weightedResiduals = new double[objective.residualCount()];
        for (int i = 0; i < n; i++) {
            weightedResiduals[i] = active.weights()[i] * (model[i] - active.market()[i]);
        }
        for (int c = 0; c < constraints.size(); c++) {
            weightedResiduals[n + c] = Math.sqrt(problem.constraints().get(c).penalty())
                    * constraints.get(c).violation();
        }
        for (int k = 0; k < f; k++) {
            ParameterSpec spec = problem.parameters().get(free[k]);
            double value = parameters[free[k]];
            double range = spec.isBounded() ? spec.upper() - spec.lower() : Double.NaN;
            if (nearBound(value, spec.lower(), range) || nearBound(value, spec.upper(), range)) {
                boolean lower = nearBound(value, spec.lower(), range);
                double slope = 0.0;
                for (int row = 0; jacobian != null && row < weightedResiduals.length; row++) {
                    slope += 2.0 * jacobian[row * f + k] * weightedResiduals[row];
                }
                boolean binds = lower ? slope > 0.0 : slope < 0.0;
                warnings.add(new CalibrationWarning(CalibrationWarning.Kind.AT_BOUND, "parameter " + spec.name()
                        + " = " + value + " is at its " + (lower ? "lower" : "upper") + " bound "
                        + (lower ? spec.lower() : spec.upper()) + (binds ? ", which binds: the objective still falls"
                        + " beyond it, so the data would take " + spec.name() + " further (widen the bound if such"
                        + " values are plausible)" : "")));
            }
        }
        if (!selection.exclusions().isEmpty()) {
            QuoteExclusion first = selection.exclusions().get(0);
            warnings.add(new CalibrationWarning(CalibrationWarning.Kind.QUOTES_EXCLUDED,
                    selection.exclusions().size() + " of " + problem.quotes().size()
                            + " quotes excluded; first: quote " + first.quote() + ", " + first.reason()));
        }
        StopReason stopReason = search.stopReason();
        // A search that saw no finite objective "fails" for that reason alone, which the next failure says.
        boolean nothingFinite = stopReason == StopReason.FAILED && search.failures().isEmpty()
                && !Double.isFinite(objectiveValue);
        if (stopReason != StopReason.CONVERGED && stopReason != StopReason.CANCELLED && !nothingFinite) {
            failed.add(stopped(problem, search));
        }
        if (!Double.isFinite(objectiveValue)) {
            failed.add(new CalibrationFailure(CalibrationFailure.Kind.NON_FINITE_OBJECTIVE, "the objective is "
                    + objectiveValue + " at the best point found: the weighted residuals overflow (the largest weight"
                    + " is " + largestMagnitude(active.weights()) + ") or the model's values are not finite"));
        }

        ResidualTable residuals = new ResidualTable(activeIndex.clone(), active.expiryIndex(), active.strikes(),
                active.market(), model, active.weights(), error);
        return new CalibrationResult(problem.model().parameterNames(), parameters, standardErrors, correlation,
                target, objectiveValue, rmse, expiries, rmseByExpiry, maxAbs, maxQuote, residuals, iterations,
                evaluations, elapsed, stopReason, search.bestStart(), constraints, selection.exclusions(),
                warnings, condition, search.starts(), failed);
    }

    /** Why the search stopped short of converging, with the limit it hit and where the result comes from. */
    private static CalibrationFailure stopped(CalibrationProblem problem, Search search) {
        String limit = switch (search.stopReason()) {
            case MAX_ITERATIONS -> "reached its iteration limit (max_iterations "
                    + maxIterations(problem.method()) + " per start)";
            case MAX_EVALUATIONS -> "reached its evaluation limit (max_evaluations "
                    + maxEvaluations(problem.method()) + " per start)";
            case TIME_LIMIT -> "ran out of time (time_limit " + problem.timeLimit().toMillis() / 1000.0 + " s)";
            default -> "failed";
        };
        StringBuilder message = new StringBuilder("the solver " + limit + " before converging; the result is the"
                + " best point found");
        if (search.bestIsItsStart()) {
            message.append(", which is start ").append(search.bestStart()).append(" itself: no point tried was"
                    + " better");
        }
        for (String failure : search.failures()) {
            message.append("; ").append(failure);
        }
        CalibrationFailure.Kind kind = search.stopReason() == StopReason.FAILED
                ? CalibrationFailure.Kind.SOLVER_FAILED : CalibrationFailure.Kind.BUDGET;
        return new CalibrationFailure(kind, message.toString());
    }

    private static int maxIterations(SolverMethod method) {
        return switch (method) {
            case SolverMethod.LevenbergMarquardt lm -> lm.maxIterations();
            case SolverMethod.Bobyqa bobyqa -> bobyqa.maxEvaluations();
            case SolverMethod.CmaEs cmaes -> cmaes.maxIterations();
        };
    }

    private static int maxEvaluations(SolverMethod method) {
        return switch (method) {
            case SolverMethod.LevenbergMarquardt lm -> lm.maxEvaluations();
            case SolverMethod.Bobyqa bobyqa -> bobyqa.maxEvaluations();
            case SolverMethod.CmaEs cmaes -> cmaes.maxEvaluations();
        };
    }

    private static double largestMagnitude(double[] values) {
        double largest = 0.0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    /**
     * Fills standard errors and correlations of the free parameters from {@code s^2 (J^T J)^-1}, computed by an SVD
     * of the column-normalised Jacobian (so the condition number does not depend on the parameters' units); returns
     * that condition number.
     */
    private static double covariance(CalibrationProblem problem, double[] jacobian, int n, int[] free,
            double weightedRss, double[] standardErrors, double[][] correlation, List<CalibrationWarning> warnings) {
        int f = free.length;
        double[] norm = new double[f];
        for (int k = 0; k < f; k++) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += jacobian[i * f + k] * jacobian[i * f + k];
            }
            norm[k] = Math.sqrt(sum);
        }
        double condition = Double.POSITIVE_INFINITY;
        String problemWith = null;
        for (int k = 0; k < f; k++) {
            String name = problem.parameters().get(free[k]).name();
            if (problemWith != null) {
                break;
            } else if (!Double.isFinite(norm[k])) {
                problemWith = "the model's derivatives by " + name + " are not finite at the result";
            } else if (!(norm[k] > 0.0)) {
                problemWith = "the fit does not depend on parameter " + name;
            }
        }
        double[][] v = null;
        double[] singular = null;
        if (problemWith == null) {
            double[][] normalised = new double[n][f];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < f; k++) {
                    normalised[i][k] = jacobian[i * f + k] / norm[k];
                }
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(normalised,
                    false));
            singular = svd.getSingularValues();
            condition = singular.length < f || singular[f - 1] == 0.0 ? Double.POSITIVE_INFINITY
                    : singular[0] / singular[f - 1];
            RealMatrix vMatrix = svd.getV();
            v = vMatrix.getData();
        }
        if (condition > ILL_CONDITIONED) {
            warnings.add(new CalibrationWarning(CalibrationWarning.Kind.ILL_CONDITIONED,
                    problemWith != null ? problemWith
                            : "the Jacobian's condition number is " + String.format("%.3g", condition)
                                    + ": the quotes do not pin down all of " + freeNames(problem, free)));
        }
        String reason = null;
        if (n <= f) {
            reason = n + " quotes for " + f + " free parameters leave no degrees of freedom";
        } else if (!(condition <= SINGULAR)) {
            reason = "the Jacobian is singular (condition number " + String.format("%.3g", condition) + ")";
        }
        if (reason != null) {
            warnings.add(new CalibrationWarning(CalibrationWarning.Kind.NO_STANDARD_ERRORS,
                    "no standard errors: " + reason));
            for (int k = 0; k < f; k++) {
                standardErrors[free[k]] = Double.NaN;
                for (int l = 0; l < f; l++) {
                    correlation[free[k]][free[l]] = Double.NaN;
                }
            }
            return condition;
        }
        double variance = weightedRss / (n - f);
        double[][] covariance = new double[f][f];
        for (int k = 0; k < f; k++) {
            for (int l = 0; l < f; l++) {
                double sum = 0.0;
                for (int s = 0; s < f; s++) {
                    sum += v[k][s] * v[l][s] / (singular[s] * singular[s]);
                }
                covariance[k][l] = variance * sum / (norm[k] * norm[l]);
            }
        }
        for (int k = 0; k < f; k++) {
            standardErrors[free[k]] = Math.sqrt(covariance[k][k]);
        }
        for (int k = 0; k < f; k++) {
            for (int l = 0; l < f; l++) {
                correlation[free[k]][free[l]] = k == l ? 1.0
                        : covariance[k][l] / Math.sqrt(covariance[k][k] * covariance[l][l]);
            }
        }
        return condition;
    }

    private static boolean nearBound(double value, double bound, double range) {
        if (!Double.isFinite(bound)) {
            return false;
        }
        double tolerance = AT_BOUND * (Double.isFinite(range) ? range : Math.max(Math.abs(bound), 1.0));
        return Math.abs(value - bound) <= tolerance;
    }

    private static String freeNames(CalibrationProblem problem, int[] free) {
        List<String> names = new ArrayList<>();
        for (int j : free) {
            names.add(problem.parameters().get(j).name());
        }
        return String.join(", ", names);
    }

    private static int[] distinctSorted(int[] values) {
        int[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[count++] = sorted[i];
            }
        }
        return java.util.Arrays.copyOf(sorted, count);
    }
}
