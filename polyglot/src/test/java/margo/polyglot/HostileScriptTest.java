package margo.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import margo.dsl.script.ScriptContext;
import margo.dsl.script.ScriptFailure;
import margo.dsl.script.ScriptFunction;
import margo.dsl.script.ScriptLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scripts from strangers: each must be refused with a message and the script's own line, and the context must go
 * on computing afterwards (the {@link #contextStillComputes()} check ends every test).
 */
class HostileScriptTest {

    private static ScriptContext context;
    private static ScriptFunction square;

    @BeforeAll
    static void open() {
        // A million statements and half a second per call, so that the limits' tests are quick.
        context = new JavaScriptEngine().newContext(new ScriptLimits(1_000_000, Duration.ofMillis(500),
                Duration.ofSeconds(1)));
        square = context.load("function square(x) { return x * x; }", List.of("square")).getFirst();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private static void contextStillComputes() {
        assertEquals(9.0, square.call(3.0));
    }

    private static ScriptFailure refusedAtLoad(String code) {
        ScriptFailure failure = assertThrows(ScriptFailure.class, () -> context.load(code, List.of("f")));
        contextStillComputes();
        return failure;
    }

    private static ScriptFailure refusedWhenCalled(String code, Object... arguments) {
        ScriptFunction f = context.load(code, List.of("f")).getFirst();
        ScriptFailure failure = assertThrows(ScriptFailure.class, () -> f.call(arguments));
        contextStillComputes();
        return failure;
    }

    @Test
    void anExportedFunctionComputesAndDeclaresItsArity() {
        ScriptFunction f = context.load("function f(a, b) { return a * b + 1; }", List.of("f")).getFirst();
        assertEquals(2, f.arity());
        assertEquals(7.0, f.call(2.0, 3.0));
        assertEquals("call", context.load("function g(t) { return t.toLowerCase(); }", List.of("g")).getFirst()
                .call("CALL"));
    }

    @Test
    void readingAFileIsRefused() {
        ScriptFailure failure = refusedAtLoad("// reads a file\nload('/etc/passwd');\nfunction f() { return 1; }");
        assertEquals(2, failure.line(), failure.getMessage());
    }

    @Test
    void javaTypeIsRefused() {
        ScriptFailure failure = refusedWhenCalled("function f() {\n  return Java.type('java.lang.System').exit(3);\n}");
        assertEquals(2, failure.line(), failure.getMessage());
    }

    @Test
    void evaluatingAnotherLanguageIsRefused() {
        ScriptFailure failure = refusedWhenCalled("function f() {\n  return Polyglot.eval('python', '1 + 1');\n}");
        assertEquals(2, failure.line(), failure.getMessage());
    }

    @Test
    void anInfiniteLoopIsStoppedByTheStatementLimit() {
        ScriptFailure failure = refusedWhenCalled("function f(x) {\n  while (true) { x++; }\n}", 1.0);
        assertTrue(failure.getMessage().contains("ran out of resources"), failure.getMessage());
        assertEquals(2, failure.line(), failure.getMessage());
    }

    @Test
    void aCallThatNeverReturnsIsStoppedByTheWatchdog() {
        // One statement that backtracks for ages (the back-reference keeps the regular expression engine off its
        // linear-time automaton): the statement count does not grow, the clock does.
        ScriptFailure failure = refusedWhenCalled("function f() {\n  return /^(a|aa)+\\1b$/.test('a'.repeat(60)) ? 1 : 0;\n}");
        assertTrue(failure.getMessage().contains("time limit"), failure.getMessage());
        assertEquals(2, failure.line(), failure.getMessage());
    }

    @Test
    void aRunningCallStopsWhenTheSessionIsInterrupted() throws Exception {
        ScriptContext patient = new JavaScriptEngine().newContext(new ScriptLimits(1_000_000, Duration.ofMinutes(5),
                Duration.ofSeconds(1)));
        try {
            ScriptFunction f = patient.load("function f() {\n  return /^(a|aa)+\\1b$/.test('a'.repeat(60)) ? 1 : 0;\n}",
                    List.of("f")).getFirst();
            java.util.concurrent.CompletableFuture<Object> call = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> f.call());
            Thread.sleep(300);
            patient.interrupt();
            java.util.concurrent.ExecutionException stopped = assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> call.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(stopped.getCause().getMessage().contains("was interrupted"), stopped.getCause().getMessage());
        } finally {
            patient.close();
        }
    }

    @Test
    void anExponentialAllocationIsStopped() {
        ScriptFailure failure = refusedWhenCalled("function f() {\n  let a = [1, 2, 3, 4];\n"
                + "  for (;;) { a = a.concat(a); }\n}");
        assertEquals(3, failure.line(), failure.getMessage());
    }

    @Test
    void veryDeepRecursionIsStopped() {
        ScriptFailure failure = refusedWhenCalled("\nfunction f(n) {\n  return f(n + 1) + 1;\n}", 0.0);
        assertTrue(failure.getMessage().contains("Maximum call stack size exceeded"), failure.getMessage());
        assertEquals(2, failure.line(), failure.getMessage());
    }

    @Test
    void aFunctionPlantedOnObjectPrototypeIsNotAnExport() {
        ScriptFailure failure = refusedAtLoad("Object.prototype.f = function () { return 1; };");
        assertTrue(failure.getMessage().contains("planted"), failure.getMessage());
    }

    @Test
    void aPollutedNumberWrapperIsNotANumber() {
        ScriptFailure failure = refusedWhenCalled("Number.prototype.valueOf = function () { return 42; };\n"
                + "function f() { return new Number(1); }");
        assertTrue(failure.getMessage().contains("must return a number"), failure.getMessage());
    }

    @Test
    void aRecordPassedToAScriptCannotBeChanged() {
        Object parameters = context.record(List.of("kappa"), new double[] {2.0});
        ScriptFunction f = context.load("function f(p) { try { p.kappa = 99; } catch (e) {} "
                + "Object.prototype.kappa = 7; return p.kappa; }", List.of("f")).getFirst();
        assertEquals(2.0, f.call(parameters));
        assertEquals(2.0, f.call(parameters));
        context.load("delete Object.prototype.kappa;", List.of());
    }

    @Test
    void aSyntaxErrorIsAtItsLine() {
        ScriptFailure failure = refusedAtLoad("function f(x) {\n  return x +* 2;\n}");
        assertEquals(2, failure.line(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("the script does not parse"), failure.getMessage());
    }
}
