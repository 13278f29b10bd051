package margo.core.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calibrates one model to each snapshot of a series: a list of snapshots and a function that fits one. Warm
 * started, the snapshots are fitted in time order, each starting from the parameters the previous fit found (the
 * market moves little between snapshots, so the search starts near its optimum); cold, each starts from the declared
 * starts and the snapshots are fitted in parallel, one task per snapshot.
 *
 * <p>The results do not depend on the number of threads: a snapshot's fit depends only on its snapshot and its
 * start, and the start of a warm fit is the previous snapshot's result, computed first. Cold fits on several threads
 * use {@link Calibrator#SEQUENTIAL} (the cores are already busy with snapshots), warm fits {@link Calibrator#DEFAULT}
 * (the starts of one snapshot in parallel); the two give the same result bit for bit. Only the time taken differs.
 */
public final class SeriesCalibration {

    private SeriesCalibration() {
    }

    /**
     * How one snapshot is fitted: the caller compiles its problem (weights, quotes, settings) and solves it with the
     * calibrator given.
     *
     * @param <S> what a snapshot is to the caller: core's chain snapshot, a recipe's table of one time
     */
    @FunctionalInterface
    public interface SnapshotFit<S> {

        /**
         * @param snapshot   the snapshot
         * @param start      the parameters to start the first search from (see
         *                   {@link CalibrationProblem#withStart}), or null for the declared starts
         * @param calibrator the calibrator to solve with
         */
        CalibrationResult fit(S snapshot, double[] start, Calibrator calibrator);
    }

    /**
     * Fits every snapshot.
     *
     * @param warmStart    start each fit from the previous one's parameters (in time order), or every fit from
     *                     the declared starts (in parallel)
     * @param threads      how many snapshots are fitted at once without warm starts, at least 1
     * @param cancellation stops the series: no snapshot begins once it is cancelled
     * @return one result per snapshot, in the snapshots' order; shorter than the series when cancelled
     */
    public static <S> List<CalibrationResult> calibrate(List<S> snapshots, SnapshotFit<S> fit, boolean warmStart,
            int threads, Cancellation cancellation) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        List<CalibrationResult> results = new ArrayList<>(snapshots.size());
        if (warmStart || threads == 1 || snapshots.size() == 1) {
            double[] start = null;
            for (S snapshot : snapshots) {
                if (cancellation.isCancelled()) {
                    break;
                }
                CalibrationResult result = fit.fit(snapshot, start, Calibrator.DEFAULT);
                results.add(result);
                if (warmStart && result.stopReason() != StopReason.CANCELLED
                        && Arrays.stream(result.parameters()).allMatch(Double::isFinite)) {
                    start = result.parameters();
                }
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, snapshots.size()), runnable -> {
            Thread thread = new Thread(runnable, "margo-series");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CalibrationResult>> fits = new ArrayList<>(snapshots.size());
            for (S snapshot : snapshots) {
                fits.add(pool.submit(() -> cancellation.isCancelled() ? null
                        : fit.fit(snapshot, null, Calibrator.SEQUENTIAL)));
            }
            for (Future<CalibrationResult> future : fits) {
                CalibrationResult result = join(future, cancellation);
                if (result == null) {
                    break;
                }
                results.add(result);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CalibrationResult join(Future<CalibrationResult> future, Cancellation cancellation) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            cancellation.cancel();
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }
}
