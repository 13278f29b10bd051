package margo.core.calibration;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Recalibrates one model as its market updates, as a desk does in real time: each update's problem is solved from
 * the parameters the previous update found (a warm start: the market moved a little, so the optimum did), within a
 * wall-clock budget, and the time it took is measured. The first update starts from the problem's declared starts.
 *
 * <p>What is incremental: the start (the last optimum, so Levenberg-Marquardt typically needs a few iterations
 * where a cold fit needs tens), and nothing priced twice within an update (COS prices each expiry slice once per
 * evaluation, with the analytic gradient for the built-in models), and the Jacobian at the result, which only
 * standard errors need, left out of the update's latency ({@link Update#diagnosed()}). What is not: a quote whose market did not change
 * is still repriced at each evaluation, since every model price moves with the parameters.
 *
 * <p>Not thread-safe: one stream, one recalibrator.
 */
public final class Recalibrator {

    private final Duration budget;
    private double[] last;

    /** @param budget the wall-clock limit of each update's calibration; null for none */
    public Recalibrator(Duration budget) {
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new IllegalArgumentException("the budget " + budget + " must be positive");
        }
        this.budget = budget;
    }

    /**
     * One update: its result, and its latency from the call to the result. The result is the parameters and the fit
     * to the update's quotes, without the diagnostics that need the Jacobian at the result (standard errors,
     * correlations, condition number, whether a bound binds): those cost a Levenberg-Marquardt iteration, so they
     * are computed only when {@link #diagnosed()} asks for them, after the latency was measured.
     */
    public static final class Update {
        private final Calibrator.Solved solved;
        private final long latencyNanos;
        private final boolean overBudget;

        private Update(Calibrator.Solved solved, long latencyNanos, boolean overBudget) {
            this.solved = solved;
            this.latencyNanos = latencyNanos;
            this.overBudget = overBudget;
        }

        /** The fit of the update, its standard errors and correlations NaN (see {@link #diagnosed()}). */
        public CalibrationResult result() {
            return solved.result();
        }

        /** The fit of the update with every diagnostic, as {@link Calibrator#calibrate} gives it. */
        public CalibrationResult diagnosed() {
            return solved.diagnosed();
        }

        /** Wall-clock nanoseconds the update took, from its quotes to its {@link #result()}. */
        public long latencyNanos() {
            return latencyNanos;
        }

        /** Whether the budget ran out before the solver converged. */
        public boolean overBudget() {
            return overBudget;
        }
    }

    /**
     * Recalibrates to an update's market, from the last update's parameters; the latency counts from this call, so
     * it includes making the problem from the update's quotes.
     *
     * @param update makes the update's problem (its quotes the update's)
     * @throws IllegalArgumentException as {@link Calibrator#calibrate} does
     */
    public Update update(Supplier<CalibrationProblem> update, ProgressListener listener, Cancellation cancellation) {
        long begin = System.nanoTime();
        CalibrationProblem problem = update.get();
        CalibrationProblem warm = last == null ? problem : problem.withStart(last);
        if (budget != null) {
            warm = warm.withTimeLimit(budget);
        }
        Calibrator.Solved solved = Calibrator.DEFAULT.solve(warm, listener, cancellation);
        CalibrationResult result = solved.result();
        long latency = System.nanoTime() - begin;
        if (result.stopReason() != StopReason.CANCELLED
                && Arrays.stream(result.parameters()).allMatch(Double::isFinite)) {
            last = result.parameters();
        }
        return new Update(solved, latency, result.stopReason() == StopReason.TIME_LIMIT);
    }

    /**
     * The latency percentiles of a run, nearest-rank (the smallest latency with at least p% of the updates at or
     * below it), in nanoseconds.
     */
    public record Latencies(long p50, long p95, long p99, long max, double mean) {

        /** The percentiles of these latencies, in nanoseconds; at least one. */
        public static Latencies of(long[] nanos) {
            if (nanos.length == 0) {
                throw new IllegalArgumentException("no latency to summarise");
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double sum = 0;
            for (long n : sorted) {
                sum += n;
            }
            return new Latencies(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1],
                    sum / sorted.length);
        }

        private static long rank(long[] sorted, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)];
        }
    }
}
