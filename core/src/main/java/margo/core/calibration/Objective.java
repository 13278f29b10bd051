package margo.core.calibration;

import java.util.List;

/**
 * The weighted residuals of a problem as a function of its free parameters, shared by every solver: it expands
 * free parameters into the model's full vector, applies weights and penalties, differentiates numerically when the
 * model has no Jacobian, counts evaluations, checks the time limit and cancellation, remembers the best point of the
 * current start, and reports progress to the {@link StartsProgress} of all starts. Reuses its buffers (and its
 * evaluator's) and is not thread-safe: starts that run at once each have an objective of their own.
 */
final class Objective {

    /** Unwinds a solver when the time limit runs out or the caller cancels. */
    static final class Stop extends RuntimeException {
        final StopReason reason;

        Stop(StopReason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }

    /** Central-difference step relative to {@code max(|theta|, FD_FLOOR)}: cbrt(machine epsilon). */
    private static final double FD_STEP = 6.0e-6;
    private static final double FD_FLOOR = 1.0e-3;

    private final QuoteEvaluator evaluator;
    private final boolean analyticJacobian;
    private final double[] market;
    private final double[] weights;
    private final Constraint.ConstraintFunction[] constraints;
    private final double[] penaltyRoot;
    private final int[] free;
    private final double[] lower;
    private final double[] upper;
    private final double[] full;
    private final double[] values;
    private final double[] valuesUp;
    private final double[] valuesDown;
    private final double[] modelJacobian;
    private final long deadlineNanos;
    private final boolean hasDeadline;
    private final Cancellation cancellation;
    private final StartsProgress progress;

    private int evaluations;
    private int jacobians;
    private int startIndex;
    private double bestCost;
    private final double[] bestFree;
    private long lastProgressNanos;
    private final double[] bestFullForProgress;
    /** The model values at {@link #bestValuesAt}, the best point of the current start, kept for the diagnostics. */
    private final double[] bestValues;
    private final double[] bestValuesAt;

    /**
     * An objective with an evaluator of its own (the model's, for the active quotes) and the constraint functions'
     * {@link Constraint.ConstraintFunction#forOneThread() copies for one thread}.
     */
    Objective(CalibrationProblem problem, CalibrationQuotes active, int[] free, long deadlineNanos,
            boolean hasDeadline, Cancellation cancellation, StartsProgress progress) {
        this.evaluator = problem.model().evaluatorFor(active, problem.target());
        this.analyticJacobian = evaluator.hasJacobian();
        this.market = active.market();
        this.weights = active.weights();
        List<Constraint> list = problem.constraints();
        this.constraints = new Constraint.ConstraintFunction[list.size()];
        this.penaltyRoot = new double[list.size()];
        for (int c = 0; c < constraints.length; c++) {
            constraints[c] = list.get(c).function().forOneThread();
            penaltyRoot[c] = Math.sqrt(list.get(c).penalty());
        }
        this.free = free.clone();
        int p = problem.parameters().size();
        this.lower = new double[p];
        this.upper = new double[p];
        this.full = new double[p];
        for (int j = 0; j < p; j++) {
            ParameterSpec spec = problem.parameters().get(j);
            lower[j] = spec.lower();
            upper[j] = spec.upper();
            full[j] = spec.start();
        }
        int n = market.length;
        this.values = new double[n];
        this.valuesUp = new double[n];
        this.valuesDown = new double[n];
        this.modelJacobian = new double[n * p];
        this.deadlineNanos = deadlineNanos;
        this.hasDeadline = hasDeadline;
        this.cancellation = cancellation;
        this.progress = progress;
        this.bestFree = new double[free.length];
        this.bestFullForProgress = new double[p];
        this.bestValues = new double[n];
        this.bestValuesAt = new double[p];
        this.bestCost = Double.POSITIVE_INFINITY;
    }

    int freeCount() {
        return free.length;
    }

    int quoteCount() {
        return market.length;
    }

    int residualCount() {
        return market.length + constraints.length;
    }

    int evaluations() {
        return evaluations;
    }

    int jacobians() {
        return jacobians;
    }

    double lower(int k) {
        return lower[free[k]];
    }

    double upper(int k) {
        return upper[free[k]];
    }

    /** Starts a local search: forgets the best point of the previous one. */
    void beginStart(int index) {
        startIndex = index;
        bestCost = Double.POSITIVE_INFINITY;
        lastProgressNanos = System.nanoTime();
    }

    /** The lowest objective of the current start; infinite when nothing finite was seen. */
    double bestCost() {
        return bestCost;
    }

    /** The free parameters of {@link #bestCost()}. */
    double[] bestFree() {
        return bestFree.clone();
    }

    /** The full parameter vector for {@code freeValues}, into {@code out}. */
    void expand(double[] freeValues, double[] out) {
        System.arraycopy(full, 0, out, 0, full.length);
        for (int k = 0; k < free.length; k++) {
            out[free[k]] = freeValues[k];
        }
    }

    /**
     * The weighted residuals at {@code freeValues} into {@code out} ({@link #residualCount()} elements: the quotes,
     * then one penalty residual per constraint); returns the objective, their sum of squares.
     *
     * @throws Stop when the time limit has run out or the caller has cancelled
     */
    double residuals(double[] freeValues, double[] out) {
        checkStop();
        progress.deliverWaiting();
        count(1);
        setFree(freeValues);
        modelValues(values);
        double cost = fill(values, out);
        if (cost < bestCost) {
            bestCost = cost;
            System.arraycopy(freeValues, 0, bestFree, 0, bestFree.length);
            System.arraycopy(values, 0, bestValues, 0, values.length);
            System.arraycopy(full, 0, bestValuesAt, 0, full.length);
            long now = System.nanoTime();
            if (now - lastProgressNanos >= ProgressListener.INTERVAL_NANOS) {
                lastProgressNanos = now;
                expand(bestFree, bestFullForProgress);
                progress.improved(startIndex, bestCost, bestFullForProgress);
            }
        }
        return cost;
    }

    /** The objective at {@code freeValues}; non-finite objectives count as {@code Double.MAX_VALUE}. */
    double cost(double[] freeValues, double[] residualBuffer) {
        double cost = residuals(freeValues, residualBuffer);
        return Double.isFinite(cost) ? cost : Double.MAX_VALUE;
    }

    /** Tells the progress of all starts that the current start has ended, and where. */
    void endStart() {
        expand(bestFree, bestFullForProgress);
        progress.finished(startIndex, bestCost, bestFullForProgress);
    }

    /**
     * The Jacobian of the weighted residuals by the free parameters into {@code out}, row-major
     * ({@link #residualCount()} rows, {@link #freeCount()} columns): the model's own when it has one, central
     * differences otherwise (one-sided at a bound); penalty rows always by central differences of {@code g}.
     *
     * @throws Stop when the time limit has run out or the caller has cancelled
     */
    void jacobian(double[] freeValues, double[] out) {
        checkStop();
        jacobians++;
        setFree(freeValues);
        modelJacobian(out, true);
    }

    /**
     * The model values (unweighted) and, when {@code weightedJacobianOut} is not null, the weighted Jacobian
     * ({@link #residualCount()} rows by the free parameters) at the full vector {@code parameters}, without counting
     * or stop checks: for diagnostics after the solver has finished. The values at the best point of the current
     * start are those the search computed there, not computed again (the evaluator is deterministic, so they are
     * the same to the bit). NaN where the model rejects the parameters.
     */
    void valuesAndJacobianAt(double[] parameters, double[] valuesOut, double[] weightedJacobianOut) {
        System.arraycopy(parameters, 0, full, 0, full.length);
        try {
            if (bestCost < Double.POSITIVE_INFINITY && java.util.Arrays.equals(parameters, bestValuesAt)) {
                System.arraycopy(bestValues, 0, valuesOut, 0, bestValues.length);
            } else {
                evaluator.values(full, valuesOut);
            }
            if (weightedJacobianOut != null) {
                modelJacobian(weightedJacobianOut, false);
            }
        } catch (IllegalArgumentException rejected) {
            // Every start failed and the model rejects the declared start too (its cumulants overflow, say): the
            // result is that start, with values and derivatives undefined, and fails as such.
            java.util.Arrays.fill(valuesOut, Double.NaN);
            if (weightedJacobianOut != null) {
                java.util.Arrays.fill(weightedJacobianOut, Double.NaN);
            }
        }
    }

    private void modelJacobian(double[] out, boolean counted) {
        int n = market.length;
        int p = full.length;
        int f = free.length;
        if (analyticJacobian) {
            evaluator.jacobian(full, modelJacobian);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < f; k++) {
                    out[i * f + k] = weights[i] * modelJacobian[i * p + free[k]];
                }
            }
        }
        for (int k = 0; k < f; k++) {
            int j = free[k];
            double theta = full[j];
            double h = FD_STEP * Math.max(Math.abs(theta), FD_FLOOR);
            double up = Math.min(theta + h, upper[j]);
            double down = Math.max(theta - h, lower[j]);
            double width = up - down;
            if (!analyticJacobian) {
                if (counted) {
                    count(2);
                }
                full[j] = up;
                modelValues(valuesUp);
                full[j] = down;
                modelValues(valuesDown);
                for (int i = 0; i < n; i++) {
                    out[i * f + k] = weights[i] * (valuesUp[i] - valuesDown[i]) / width;
                }
            }
            for (int c = 0; c < constraints.length; c++) {
                full[j] = up;
                double rUp = penaltyResidual(c);
                full[j] = down;
                double rDown = penaltyResidual(c);
                out[(n + c) * f + k] = (rUp - rDown) / width;
            }
            full[j] = theta;
        }
    }

    /**
     * The model's values at {@link #full}. A model that rejects the parameters (its own validation throws
     * IllegalArgumentException, say a Heston v0 of exactly 0 on a bound) gives NaN values: the point is unusable, so
     * Levenberg-Marquardt rejects the step and the derivative-free solvers see the worst objective, instead of the
     * whole start failing.
     */
    private void modelValues(double[] out) {
        try {
            evaluator.values(full, out);
        } catch (IllegalArgumentException rejected) {
            java.util.Arrays.fill(out, Double.NaN);
        }
    }

    private double fill(double[] modelValues, double[] out) {
        int n = market.length;
        double cost = 0.0;
        for (int i = 0; i < n; i++) {
            double r = weights[i] * (modelValues[i] - market[i]);
            out[i] = r;
            cost += r * r;
        }
        for (int c = 0; c < constraints.length; c++) {
            double r = penaltyResidual(c);
            out[n + c] = r;
            cost += r * r;
        }
        return cost;
    }

    private void count(int modelEvaluations) {
        evaluations += modelEvaluations;
        progress.countEvaluations(modelEvaluations);
    }

    private double penaltyResidual(int c) {
        double g = constraints[c].value(full);
        return g < 0.0 ? penaltyRoot[c] * -g : 0.0;
    }

    private void setFree(double[] freeValues) {
        for (int k = 0; k < free.length; k++) {
            full[free[k]] = freeValues[k];
        }
    }

    private void checkStop() {
        if (cancellation.isCancelled()) {
            throw new Stop(StopReason.CANCELLED);
        }
        if (hasDeadline && System.nanoTime() - deadlineNanos >= 0) {
            throw new Stop(StopReason.TIME_LIMIT);
        }
    }
}
