package margo.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The progress of all the starts of one calibration, which may run on several threads at once: the evaluations
 * over all starts, the best objective over all starts, and how many starts have ended. Each start's
 * {@link Objective} counts its evaluations here (a {@link LongAdder}, so threads do not contend) and hands over
 * its best point when it improves (at most every {@link ProgressListener#INTERVAL_NANOS} per start) and when the
 * start ends; those hand-overs are rare, so they take this object's lock.
 *
 * <p>The listener hears every report on the calling thread, as if the starts ran there: listeners are user
 * interface code (the kernel's progress display) that may not be called from a pool thread. A report made on the
 * calling thread is delivered at once; one made on another thread waits, in the order made, until the calling
 * thread's next model evaluation or, once its own starts are done, while it waits for the other workers. So the
 * evaluations of successive reports never decrease and their best objective never increases.
 */
final class StartsProgress {

    private final ProgressListener listener;
    private final int starts;
    private final Thread caller = Thread.currentThread();
    private final LongAdder evaluations = new LongAdder();

    private int startsFinished;
    private double bestObjective = Double.POSITIVE_INFINITY;
    private double[] bestParameters;
    private long lastReportNanos;
    /** Reports made on other threads that the calling thread has not delivered yet, oldest first. */
    private List<ProgressListener.Progress> waiting = new ArrayList<>();
    private volatile boolean anyWaiting;
    private int workersEnded;

    /** Progress of a calibration that the current thread runs. */
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
    void improved(int startIndex, double objective, double[] parameters) {
        List<ProgressListener.Progress> deliverable = null;
        synchronized (this) {
            if (offer(objective, parameters)) {
                long now = System.nanoTime();
                if (now - lastReportNanos >= ProgressListener.INTERVAL_NANOS) {
                    deliverable = report(startIndex, now);
                }
            }
        }
        deliver(deliverable);
    }

    /**
     * A start has ended with its best {@code objective} at {@code parameters}; reported once any start has a point,
     * so the last start to end reports the final count even when it found nothing itself.
     */
    void finished(int startIndex, double objective, double[] parameters) {
        List<ProgressListener.Progress> deliverable = null;
        synchronized (this) {
            startsFinished++;
            offer(objective, parameters);
            if (bestObjective < Double.POSITIVE_INFINITY) {
                deliverable = report(startIndex, System.nanoTime());
            }
        }
        deliver(deliverable);
    }

    /** On the calling thread, delivers the reports other threads have made; elsewhere, nothing. */
    void deliverWaiting() {
        if (anyWaiting && Thread.currentThread() == caller) {
            List<ProgressListener.Progress> deliverable;
            synchronized (this) {
                deliverable = takeWaiting();
            }
            deliver(deliverable);
        }
    }

    /** A worker on another thread has taken its last start. */
    synchronized void workerEnded() {
        workersEnded++;
        notifyAll();
    }

    /**
     * On the calling thread, delivers the other threads' reports until {@code workers} workers have ended (an
     * interrupt waits on, since the workers stop only at cancellation, and is then re-asserted).
     */
    void deliverUntilEnded(int workers) {
        boolean interrupted = false;
        boolean ended = false;
        while (!ended) {
            List<ProgressListener.Progress> deliverable;
            synchronized (this) {
                while (!anyWaiting && workersEnded < workers) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                deliverable = takeWaiting();
                ended = workersEnded >= workers;
            }
            deliver(deliverable);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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

    /**
     * Makes a report under the lock, so that reports are made in the order of their evaluations: on the calling
     * thread returns it behind those waiting, to deliver outside the lock; on another thread queues it.
     */
    private List<ProgressListener.Progress> report(int startIndex, long now) {
        lastReportNanos = now;
        int total = (int) Math.min(Integer.MAX_VALUE, evaluations.sum());
        ProgressListener.Progress progress = new ProgressListener.Progress(startIndex, starts, startsFinished, total,
                bestObjective, bestParameters.clone());
        if (Thread.currentThread() == caller) {
            List<ProgressListener.Progress> deliverable = takeWaiting();
            deliverable.add(progress);
            return deliverable;
        }
        waiting.add(progress);
        anyWaiting = true;
        notifyAll();
        return null;
    }

    private List<ProgressListener.Progress> takeWaiting() {
        List<ProgressListener.Progress> taken = waiting;
        waiting = new ArrayList<>();
        anyWaiting = false;
        return taken;
    }

    private void deliver(List<ProgressListener.Progress> deliverable) {
        if (deliverable != null) {
            for (ProgressListener.Progress progress : deliverable) {
                listener.onProgress(progress);
            }
        }
    }
}
