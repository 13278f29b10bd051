package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import margo.dsl.syntax.NestingLimits;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;

/**
 * The limits are low enough for any thread: expressions at both of them parse, check, compile and run, over a
 * table's rows too, on a thread with half the JVM's default stack (as a kernel or a fit's worker may have).
 */
class NestingLimitsRunTest {

    private static final int HALF_DEFAULT_STACK = 512 * 1024;

    @Test
    void expressionsAtBothLimitsRunOnAHalfSizeStack() throws InterruptedException {
        int brackets = NestingLimits.MAX_BRACKETS;
        // A sum of n terms is n - 1 deep; the comparison around it adds one.
        String sum = "1" + " + 1".repeat(NestingLimits.MAX_DEPTH - 2);
        String recipe = "let x = " + "(".repeat(brackets - 1) + sum + ")".repeat(brackets - 1) + "\n"
                + "show x\n"
                + "show " + "-".repeat(brackets) + "1\n"
                + "show " + "not ".repeat(brackets) + "true\n"
                + "data chain = options(\"data/deribit-btc-sample.csv\") { keep strike" + " + 0".repeat(NestingLimits.MAX_DEPTH - 2)
                + " > 0 }\n"
                + "show chain\n";
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(new Session(Path.of("../examples")).run(new SourceFile("limits.margo", recipe), Mode.RECIPE));
            } catch (Throwable failure) {
                outcome.set(failure);
            }
        }, "half-stack", HALF_DEFAULT_STACK);
        small.start();
        small.join();

        Execution execution = assertInstanceOfExecution(outcome.get());
        assertEquals(List.of(), execution.diagnostics());
        List<Shown> shown = execution.shown();
        assertEquals(NestingLimits.MAX_DEPTH - 1, ((NumberValue) shown.get(0).value()).value());
        assertEquals(1.0, ((NumberValue) shown.get(1).value()).value(), "an even number of minus signs");
        assertEquals(true, ((BooleanValue) shown.get(2).value()).value(), "an even number of nots");
        assertEquals(true, ((TableValue) shown.get(3).value()).table().rowCount() > 0);
    }

    private static Execution assertInstanceOfExecution(Object outcome) {
        if (outcome instanceof Throwable failure) {
            throw new AssertionError("the recipe at the limits failed on a half-size stack", failure);
        }
        return (Execution) outcome;
    }
}
