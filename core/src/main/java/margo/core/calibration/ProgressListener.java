package margo.core.calibration;

/**
 * Receives progress of a running calibration: when the best objective improves (at most every
 * {@link #INTERVAL_NANOS}) and at the end of each start. Called on the calibrating thread, even for starts that run
 * on other threads (their reports wait for it, in order), so evaluations never decrease from one report to the
 * next; must return quickly and must not modify what it receives.
 */
@FunctionalInterface
public interface ProgressListener {

    /** The least time between two calls for improvements within a start, in nanoseconds (100 ms). */
    long INTERVAL_NANOS = 100_000_000L;

    /** A listener that ignores progress. */
    ProgressListener NONE = progress -> { };

    /** Called with the state of the calibration. */
    void onProgress(Progress progress);

    /**
     * The state of a calibration.
     *
     * @param startIndex the start that reports (one that has improved or has just ended), 0-based
     * @param starts the number of starts
     * @param startsFinished how many starts have ended so far
     * @param evaluations model evaluations so far, over all starts
     * @param bestObjective the lowest objective (sum of squared weighted residuals and penalties) seen so far, over
     *        all starts
     * @param bestParameters all parameters at that objective, in declaration order (a copy)
     */
    record Progress(int startIndex, int starts, int startsFinished, int evaluations, double bestObjective,
            double[] bestParameters) {
    }
}
