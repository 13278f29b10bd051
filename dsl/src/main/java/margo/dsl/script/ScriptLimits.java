package margo.dsl.script;

import java.time.Duration;

/**
 * What one call into a script may spend: its top level when it loads, or one call of an exported function. A call
 * past a limit is stopped with a {@link ScriptFailure}, and the recipe goes on with its next statement.
 *
 * <p>The statement limit stops an endless loop or recursion deterministically; ten million statements take about
 * half a second interpreted. The wall-clock limit stops what the statement count does not see (a regular
 * expression that backtracks, a huge allocation), at the cost of depending on the machine, so it is generous; the
 * watchdog first interrupts the call, and closes the whole context when that does not stop it within
 * {@code interruptGrace}.
 *
 * @param statementsPerCall statements one call may execute, &gt; 0
 * @param timePerCall       the wall-clock time one call may take, &gt; 0
 * @param interruptGrace    how long an interrupted call may take to stop before its context is closed, &gt; 0
 */
public record ScriptLimits(long statementsPerCall, Duration timePerCall, Duration interruptGrace) {

    /** Ten million statements and five seconds per call, one second to stop. */
    public static final ScriptLimits DEFAULT = new ScriptLimits(10_000_000L, Duration.ofSeconds(5),
            Duration.ofSeconds(1));

    public ScriptLimits {
        if (statementsPerCall <= 0 || timePerCall == null || timePerCall.isNegative() || timePerCall.isZero()
                || interruptGrace == null || interruptGrace.isNegative() || interruptGrace.isZero()) {
            throw new IllegalArgumentException("script limits must be positive: " + statementsPerCall + " statements, "
                    + timePerCall + ", grace " + interruptGrace);
        }
    }

    /** The time limit in words, for messages: {@code 5 s}, {@code 0.5 s}. */
    public String timeInWords() {
        double seconds = timePerCall.toMillis() / 1000.0;
        return (seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds)) + " s";
    }
}
