package margo.core.calibration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves a {@link CalibrationProblem}: selects the quotes, runs the chosen solver from each start, keeps the best
 * and computes its diagnostics. Stateless; {@link #DEFAULT} serves every caller.
 *
 * <p>Starts run one after another on the calling thread. The best start is the one with the lowest objective; a
 * later start must be strictly better to replace an earlier one, so ties go to the lower start index and the result
 * does not depend on anything but the problem. Time limit and cancellation are checked at every model evaluation;
 * either ends the calibration with the best point over the starts so far.
 */
public final class Calibrator {

    /** The calibrator. */
    public static final Calibrator DEFAULT = new Calibrator();

    private Calibrator() {
    }

    /** Calibrates without progress reports or cancellation. */
    public CalibrationResult calibrate(CalibrationProblem problem) {
        return calibrate(problem, ProgressListener.NONE, new Cancellation());
    }

    /**
     * Calibrates, reporting progress to {@code listener} and stopping when {@code cancellation} is cancelled.
     *
     * @throws IllegalArgumentException when no quote is left to calibrate to, or the solver cannot handle the
     *         problem (BOBYQA with fewer than two free parameters, CMA-ES with an unbounded free parameter)
     */
    public CalibrationResult calibrate(CalibrationProblem problem, ProgressListener listener,
            Cancellation cancellation) {
        long startNanos = System.nanoTime();
        long deadline = problem.timeLimit() == null ? 0L : startNanos + problem.timeLimit().toNanos();
        QuoteSelection selection = QuoteSelection.of(problem);
        CalibrationQuotes active = problem.quotes().subset(selection.active());
        QuoteEvaluator evaluator = problem.model().evaluatorFor(active, problem.target());
        int[] free = freeParameters(problem);
        Objective objective = new Objective(problem, evaluator, active, free, deadline, problem.timeLimit() != null,
                cancellation, listener);
        double[] declared = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            declared[k] = problem.parameters().get(free[k]).start();
        }
        Solver solver = solverFor(problem.method(), free.length, objective);

        double bestCost = Double.POSITIVE_INFINITY;
        double[] bestFree = declared;
        int bestStart = 0;
        int iterations = 0;
        StopReason bestReason = StopReason.FAILED;
        StopReason interrupted = null;
        List<String> failures = new ArrayList<>();
        if (free.length == 0) {
            bestReason = StopReason.CONVERGED;
        } else {
            double[][] starts = StartPoints.draw(objective, declared, problem.starts(), problem.seed());
            for (int s = 0; s < starts.length && interrupted == null; s++) {
                objective.beginStart(s);
                StopReason reason;
                try {
                    Solver.Outcome outcome = solver.solve(objective, starts[s], s, problem.seed());
                    reason = outcome.reason();
                    iterations += outcome.iterations();
                } catch (Objective.Stop stop) {
                    interrupted = stop.reason;
                    reason = stop.reason;
                } catch (RuntimeException e) {
                    // A solver or model failure ends this start, not the calibration: the other starts may succeed.
                    reason = StopReason.FAILED;
                    failures.add("start " + s + " failed: " + e);
                }
                objective.endStart();
                if (objective.bestCost() < bestCost) {
                    bestCost = objective.bestCost();
                    bestFree = objective.bestFree();
                    bestStart = s;
                    bestReason = reason;
                }
            }
        }
        StopReason stopReason = interrupted != null ? interrupted : bestReason;
        double[] parameters = new double[problem.parameters().size()];
        objective.expand(bestFree, parameters);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return Diagnostics.of(problem, selection, active, objective, free, parameters, iterations, elapsed,
                stopReason, bestStart, failures);
    }

    private static int[] freeParameters(CalibrationProblem problem) {
        List<ParameterSpec> specs = problem.parameters();
        int count = 0;
        int[] free = new int[specs.size()];
        for (int j = 0; j < specs.size(); j++) {
            ParameterSpec spec = specs.get(j);
            if (!spec.fixed() && spec.lower() < spec.upper()) {
                free[count++] = j;
            }
        }
        return java.util.Arrays.copyOf(free, count);
    }

    private static Solver solverFor(SolverMethod method, int freeCount, Objective objective) {
        return switch (method) {
            case SolverMethod.LevenbergMarquardt lm -> new LevenbergMarquardtSolver(lm);
            case SolverMethod.Bobyqa bobyqa -> {
                if (freeCount == 1) {
                    throw new IllegalArgumentException("BOBYQA needs at least 2 free parameters, the problem has 1;"
                            + " use levenberg_marquardt");
                }
                yield new BobyqaSolver(bobyqa);
            }
            case SolverMethod.CmaEs cmaes -> {
                for (int k = 0; k < freeCount; k++) {
                    if (!Double.isFinite(objective.lower(k)) || !Double.isFinite(objective.upper(k))) {
                        throw new IllegalArgumentException("CMA-ES needs finite bounds on every free parameter;"
                                + " a free parameter has [" + objective.lower(k) + ", " + objective.upper(k) + "]");
                    }
                }
                yield new CmaEsSolver(cmaes);
            }
        };
    }
}
