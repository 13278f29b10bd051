package margo.core.calibration;

/**
 * A flag the caller sets, from any thread, to stop a running calibration (the Jupyter kernel's interrupt). The
 * engine checks it at every model evaluation and returns the best point so far with {@link StopReason#CANCELLED}.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    /** Asks the calibration to stop at its next model evaluation. */
    public void cancel() {
        cancelled = true;
    }

    /** True once {@link #cancel()} has been called. */
    public boolean isCancelled() {
        return cancelled;
    }
}
