package margo.core.calibration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Solves a {@link CalibrationProblem}: selects the quotes, runs the chosen solver from each start, keeps the best
 * and computes its diagnostics. Stateless; {@link #DEFAULT} serves every caller.
 *
 * <p>The starts of {@link #DEFAULT} run in parallel: the calling thread and tasks forked to the common fork-join
 * pool, one worker per core (at most the pool's parallelism plus the caller) and at most one per start, each take
 * the next start not yet taken until none is left. Each of these workers has its own {@link Objective}, and so its
 * own evaluator, buffers and constraint functions; they share only the immutable problem, the start points, the
 * time limit and cancellation flag, and a {@link StartsProgress} that counts evaluations without contention and
 * passes every report to the listener on the calling thread.
 *
 * <p>The common pool rather than an executor of our own: it is already sized to the cores and shared with
 * whatever else runs in parallel, so concurrent calibrations do not multiply threads, and it needs no threads
 * started or shut down by a stateless calibrator. A helper the pool has not started by the time the caller runs out
 * of starts never runs, so a calibration inside a busy pool (one per snapshot on every pool thread) waits for no
 * thread it cannot get. A calibration with one start, or a machine with one core, runs on the calling thread alone,
 * as {@link #SEQUENTIAL} runs every calibration.
 *
 * <p>The order in which starts run and end does not change the result. Each start's search depends only on its
 * start point and index, and the outcomes are combined in start order afterwards: the best start is the one with
 * the lowest objective, a later start must be strictly better to replace an earlier one, so ties go to the lower
 * start index; iterations and evaluations are summed over the starts and failures listed in start order. So the
 * result is bit for bit that of {@link #SEQUENTIAL} and depends on nothing but the problem. Time limit and
 * cancellation are checked at every model evaluation of every start; either ends every running start, no new start
 * begins, and the calibration returns the best point over the starts so far (which then depends on timing).
 */
public final class Calibrator {

    /** The calibrator, running the starts in parallel. */
    public static final Calibrator DEFAULT = new Calibrator(true);

    /**
     * A calibrator that runs the starts one after another on the calling thread, with the same results as
     * {@link #DEFAULT}: for callers that already keep every core busy, say with one calibration per snapshot.
     */
    public static final Calibrator SEQUENTIAL = new Calibrator(false);

    private final boolean parallel;

    private Calibrator(boolean parallel) {
        this.parallel = parallel;
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
        return solve(problem, listener, cancellation).diagnosed();
    }

    /**
     * A solved problem: its {@link #result()} at once, the diagnostics that need the Jacobian at the result
     * (standard errors, correlations, condition number, whether a bound binds) when {@link #diagnosed()} is asked
     * for, for a caller to whom the parameters are urgent and their errors are not: a real-time recalibration.
     */
    static final class Solved {
        private final CalibrationProblem problem;
        private final QuoteSelection selection;
        private final CalibrationQuotes active;
        private final Objective objective;
        private final int[] free;
        private final double[] parameters;
        private final int[] counts;
        private final Duration elapsed;
        private final Diagnostics.Search search;
        private CalibrationResult result;
        private CalibrationResult diagnosed;

        /** @param counts the iterations and the evaluations of the search */
        private Solved(CalibrationProblem problem, QuoteSelection selection, CalibrationQuotes active,
                Objective objective, int[] free, double[] parameters, int[] counts, Duration elapsed,
                Diagnostics.Search search) {
            this.problem = problem;
            this.selection = selection;
            this.active = active;
            this.objective = objective;
            this.free = free;
            this.parameters = parameters;
            this.counts = counts;
            this.elapsed = elapsed;
            this.search = search;
        }

        /**
         * The result without the Jacobian's diagnostics, as {@link Diagnostics#of} gives it with none; computed once,
         * on the first call.
         */
        CalibrationResult result() {
            if (result == null) {
                result = diagnostics(false);
            }
            return result;
        }

        /** The full result, as {@link #calibrate} returns it; computed once, on the first call. */
        CalibrationResult diagnosed() {
            if (diagnosed == null) {
                diagnosed = diagnostics(true);
            }
            return diagnosed;
        }

        private CalibrationResult diagnostics(boolean fromJacobian) {
            return Diagnostics.of(problem, selection, active, objective, free, parameters, counts[0], counts[1],
                    elapsed, search, fromJacobian);
        }
    }

    /** As {@link #calibrate}, the diagnostics from the Jacobian left for {@link Solved#diagnosed()}. */
    Solved solve(CalibrationProblem problem, ProgressListener listener, Cancellation cancellation) {
        long startNanos = System.nanoTime();
        long deadline = problem.timeLimit() == null ? 0L : startNanos + problem.timeLimit().toNanos();
        QuoteSelection selection = QuoteSelection.of(problem);
        CalibrationQuotes active = problem.quotes().subset(selection.active());
        int[] free = freeParameters(problem);
        StartsProgress progress = new StartsProgress(listener, problem.starts());
        Supplier<Objective> objectives = () -> new Objective(problem, active, free, deadline,
                problem.timeLimit() != null, cancellation, progress);
        Objective objective = objectives.get();
        double[] declared = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            declared[k] = problem.parameters().get(free[k]).start();
        }
        Solver solver = solverFor(problem.method(), free.length, objective);

        double bestCost = Double.POSITIVE_INFINITY;
        double[] bestFree = declared;
        int bestStart = 0;
        int iterations = 0;
        int evaluations = 0;
        StopReason bestReason = StopReason.FAILED;
        StopReason interrupted = null;
        List<String> failures = new ArrayList<>();
        List<StartSummary> summaries = new ArrayList<>();
        boolean bestIsItsStart = false;
        if (free.length == 0) {
            bestReason = StopReason.CONVERGED;
        } else {
            double[][] starts = StartPoints.draw(objective, declared, problem.starts(), problem.seed());
            StartOutcome[] outcomes = new StartOutcome[starts.length];
            Starts work = new Starts(solver, starts, problem.seed(), outcomes);
            int workers = parallel ? Math.min(starts.length, Math.min(Runtime.getRuntime().availableProcessors(),
                    ForkJoinPool.getCommonPoolParallelism() + 1)) : 1;
            if (workers == 1) {
                work.run(objective);
            } else {
                work.runInParallel(objective, objectives, workers, progress);
            }
            for (int s = 0; s < outcomes.length; s++) {
                StartOutcome outcome = outcomes[s];
                if (outcome == null) {
                    continue;
                }
                iterations += outcome.iterations;
                evaluations += outcome.evaluations;
                summaries.add(new StartSummary(s, outcome.bestCost, outcome.reason, outcome.iterations,
                        outcome.evaluations, outcome.failure));
                if (outcome.failure != null) {
                    failures.add("start " + s + " failed: " + outcome.failure);
                }
                if (outcome.interrupted && interrupted == null) {
                    interrupted = outcome.reason;
                }
                if (outcome.bestCost < bestCost) {
                    bestCost = outcome.bestCost;
                    bestFree = outcome.bestFree;
                    bestStart = s;
                    bestReason = outcome.reason;
                    bestIsItsStart = java.util.Arrays.equals(outcome.bestFree, starts[s]);
                }
            }
        }
        StopReason stopReason = interrupted != null ? interrupted : bestReason;
        double[] parameters = new double[problem.parameters().size()];
        objective.expand(bestFree, parameters);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Diagnostics.Search search = new Diagnostics.Search(stopReason, bestStart, bestIsItsStart, failures,
                summaries);
        return new Solved(problem, selection, active, objective, free, parameters,
                new int[] {iterations, evaluations}, elapsed, search);
    }

    /** How one start ended: its best point, why its solver stopped, and what it cost. */
    private record StartOutcome(double bestCost, double[] bestFree, StopReason reason, boolean interrupted,
            int iterations, int evaluations, String failure) {
    }

    /**
     * The starts of one calibration, handed out to workers in index order: a worker takes the next start not yet
     * taken, solves it with its own objective and records the outcome under the start's index. Once a start is
     * interrupted (time limit or cancellation) or a worker fails, no further start is handed out.
     */
    private static final class Starts {
        private final Solver solver;
        private final double[][] points;
        private final long seed;
        private final StartOutcome[] outcomes;
        private final AtomicInteger next = new AtomicInteger();

        Starts(Solver solver, double[][] points, long seed, StartOutcome[] outcomes) {
            this.solver = solver;
            this.points = points;
            this.seed = seed;
            this.outcomes = outcomes;
        }

        /**
         * Runs the starts on the calling thread with {@code own} and on {@code workers - 1} tasks forked to the
         * pool, each with an objective from {@code objectives}, made here so that models are asked for evaluators
         * on the calling thread only. Then it delivers the helpers' progress until those that started have ended:
         * a helper the pool has not started by then is claimed and never runs, so a calibration inside a busy pool
         * does not wait for threads it cannot get. Joining the tasks publishes their outcomes (or rethrows their
         * errors) on the calling thread.
         */
        void runInParallel(Objective own, Supplier<Objective> objectives, int workers, StartsProgress progress) {
            List<AtomicBoolean> taken = new ArrayList<>();
            List<ForkJoinTask<?>> helpers = new ArrayList<>();
            try {
                for (int w = 1; w < workers; w++) {
                    Objective objective = objectives.get();
                    AtomicBoolean claim = new AtomicBoolean();
                    taken.add(claim);
                    helpers.add(ForkJoinTask.adapt(() -> {
                        if (claim.compareAndSet(false, true)) {
                            try {
                                run(objective);
                            } finally {
                                progress.workerEnded();
                            }
                        }
                    }).fork());
                }
                run(own);
            } finally {
                next.set(points.length);
                int running = 0;
                for (AtomicBoolean claim : taken) {
                    running += claim.compareAndSet(false, true) ? 0 : 1;
                }
                progress.deliverUntilEnded(running);
                for (ForkJoinTask<?> helper : helpers) {
                    helper.join();
                }
            }
        }

        /** Takes starts until none is left; an error escapes only after stopping the hand-out. */
        void run(Objective objective) {
            try {
                for (int s = next.getAndIncrement(); s < points.length; s = next.getAndIncrement()) {
                    outcomes[s] = solve(objective, s);
                    if (outcomes[s].interrupted) {
                        next.set(points.length);
                    }
                }
            } catch (RuntimeException | Error e) {
                next.set(points.length);
                throw e;
            }
        }

        private StartOutcome solve(Objective objective, int s) {
            objective.beginStart(s);
            int evaluationsBefore = objective.evaluations();
            StopReason reason;
            boolean interrupted = false;
            int iterations = 0;
            String failure = null;
            try {
                Solver.Outcome outcome = solver.solve(objective, points[s], s, seed);
                reason = outcome.reason();
                iterations = outcome.iterations();
            } catch (Objective.Stop stop) {
                reason = stop.reason;
                interrupted = true;
            } catch (RuntimeException e) {
                // A solver or model failure ends this start, not the calibration: the other starts may succeed.
                reason = StopReason.FAILED;
                failure = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            }
            objective.endStart();
            return new StartOutcome(objective.bestCost(), objective.bestFree(), reason, interrupted, iterations,
                    objective.evaluations() - evaluationsBefore, failure);
        }
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
