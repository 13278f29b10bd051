package margo.core.calibration;

import java.util.concurrent.atomic.LongAdder;

/**
 * The progress of all the starts of one calibration, which may run on several threads at once: the evaluations
 * over all starts, the best objective over all starts, and how many starts have ended. Each start's
 * {@link Objective} counts its evaluations here (a {@link LongAdder}, so threads do not contend) and hands over
 * its best point when it improves (at most every {@link ProgressListener#INTERVAL_NANOS} per start) and when the
 * start ends. Those hand-overs are rare, so they take this object's lock and call the listener under it: the
 * listener hears one report at a time, with evaluations that never decrease and a best objective that never
 * increases.
 */
final class StartsProgress {

    private final ProgressListener listener;
    private final int starts;
    private final LongAdder evaluations = new LongAdder();

    private int startsFinished;
    private double bestObjective = Double.POSITIVE_INFINITY;
    private double[] bestParameters;
    private long lastReportNanos;

    StartsProgress(ProgressListener listener, int starts) {
        this.listener = listener;
        this.starts = starts;
        this.lastReportNanos = System.nanoTime();
    }

    /** Counts {@code count} model evaluations of any start. */
    void countEvaluations(int count) {
        evaluations.add(count);
    }

    /**
     * A start's best objective has improved to {@code objective} at {@code parameters} (all of them; read, not
     * kept): reported when it is the best over all starts and the last report is {@link
     * ProgressListener#INTERVAL_NANOS} old.
     */
    synchronized void improved(int startIndex, double objective, double[] parameters) {
        if (offer(objective, parameters)) {
            long now = System.nanoTime();
            if (now - lastReportNanos >= ProgressListener.INTERVAL_NANOS) {
                report(startIndex, now);
            }
        }
    }

    /** A start has ended with its best {@code objective} at {@code parameters}; reported when it saw any. */
    synchronized void finished(int startIndex, double objective, double[] parameters) {
        startsFinished++;
        offer(objective, parameters);
        if (objective < Double.POSITIVE_INFINITY) {
            report(startIndex, System.nanoTime());
        }
    }

    private boolean offer(double objective, double[] parameters) {
        if (!(objective < bestObjective)) {
            return false;
        }
        bestObjective = objective;
        bestParameters = parameters.clone();
        return true;
    }

    private void report(int startIndex, long now) {
        lastReportNanos = now;
        int total = (int) Math.min(Integer.MAX_VALUE, evaluations.sum());
        listener.onProgress(new ProgressListener.Progress(startIndex, starts, startsFinished, total, bestObjective,
                bestParameters.clone()));
    }
}
