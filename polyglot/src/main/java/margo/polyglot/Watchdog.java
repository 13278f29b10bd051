package margo.polyglot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One daemon thread for the process that stops script calls past their wall-clock limit. A call only writes its
 * deadline into its context (no task per call, which would cost more than a small function); the watchdog looks at
 * the contexts that ran a call every {@link #PERIOD_MILLIS} ms, so a call is stopped within that much of its limit.
 */
final class Watchdog {

    static final long PERIOD_MILLIS = 50;

    private static final Set<SandboxedContext> WATCHED = ConcurrentHashMap.newKeySet();

    static {
        Thread thread = new Thread(Watchdog::run, "margo-script-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private Watchdog() {
    }

    static void watch(SandboxedContext context) {
        WATCHED.add(context);
    }

    static void forget(SandboxedContext context) {
        WATCHED.remove(context);
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
            long now = System.nanoTime();
            for (SandboxedContext context : WATCHED) {
                long deadline = context.deadline();
                if (deadline != 0 && now - deadline > 0) {
                    context.stopRunningCall();
                }
            }
        }
    }
}
