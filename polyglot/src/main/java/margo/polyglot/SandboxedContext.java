package margo.polyglot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import margo.dsl.script.ScriptContext;
import margo.dsl.script.ScriptFailure;
import margo.dsl.script.ScriptFunction;
import margo.dsl.script.ScriptLimits;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * A JavaScript global scope in the sandbox. What a script can reach: the ECMAScript built-ins, and the numbers, text,
 * booleans and frozen records that Margo passes to its functions. No host classes or objects (no
 * {@code Java.type}, no {@link HostAccess.Export} member is offered), no file system or other I/O
 * ({@link IOAccess#NONE}), no other language ({@link PolyglotAccess#NONE}), no threads, processes, environment
 * variables or native code. Every call is bounded by {@link ScriptLimits}: the statement limit of
 * {@link ResourceLimits}, reset before each call, and the {@link Watchdog}'s wall clock. Memory is bounded by the
 * JVM's heap (the community edition has no per-context heap limit).
 *
 * <p>A call that breaks the statement limit, or that does not stop when interrupted, leaves the polyglot context
 * closed; the next call opens a new one and loads again, in their order, the scripts that had loaded, so the
 * session goes on with its functions intact. Calls take turns (a JavaScript context is single-threaded).
 */
final class SandboxedContext implements ScriptContext {

    /**
     * Helpers evaluated before any user code, so that they hold the original built-ins whatever a script later
     * does to the prototypes: records are frozen objects without a prototype, and an export must be the script's
     * own, not a function planted on {@code Object.prototype}.
     */
    private static final Source PRELUDE = Source.create("js", """
            (function () {
              'use strict';
              const create = Object.create, freeze = Object.freeze, own = Object.prototype.hasOwnProperty;
              const describe = Object.getOwnPropertyDescriptor, objectPrototype = Object.prototype;
              return freeze({
                record: function (...pairs) {
                  const result = create(null);
                  for (let i = 0; i < pairs.length; i += 2) {
                    result[pairs[i]] = pairs[i + 1];
                  }
                  return freeze(result);
                },
                planted: function (name, found) {
                  const inherited = describe(objectPrototype, name);
                  return inherited !== undefined && inherited.value === found && !own.call(globalThis, name);
                }
              });
            })()
            """);

    private final Engine engine;
    private final String interpretedBecause;
    private final ScriptLimits limits;
    private final List<Loaded> loaded = new ArrayList<>();
    private Context context;
    private Value prelude;
    /** Counts the polyglot contexts opened, so that functions find themselves again in a new one. */
    private int generation;
    private boolean closed;
    /** When the running call must end, {@link System#nanoTime}; 0 when no call runs. Read by the watchdog. */
    private volatile long deadline;
    /** Set by the watchdog when it stopped the running call. */
    private volatile boolean timedOut;
    /** Set by {@link #interrupt()}: the watchdog stops the running call as if its time were up. */
    private volatile boolean interruptRequested;

    private record Loaded(Source source, List<String> exports) {}

    SandboxedContext(Engine engine, String interpretedBecause, ScriptLimits limits) {
        this.engine = engine;
        this.interpretedBecause = interpretedBecause;
        this.limits = limits;
    }

    @Override
    public synchronized List<ScriptFunction> load(String code, List<String> exports) {
        Source source = Source.newBuilder("js", code, "script-" + (loaded.size() + 1) + ".js").buildLiteral();
        Value bindings = guarded("the script's top level", () -> {
            context.eval(source);
            return context.getBindings("js");
        });
        List<ScriptFunction> functions = new ArrayList<>();
        for (int i = 0; i < exports.size(); i++) {
            String name = exports.get(i);
            Value function = bindings.getMember(name);
            if (function == null || !function.canExecute()) {
                throw new ScriptFailure("the script exports '" + name + "' but does not define a function of that"
                        + " name", 0, i);
            }
            if (prelude.invokeMember("planted", name, function).asBoolean()) {
                throw new ScriptFailure("'" + name + "' is a function planted on Object.prototype, not one the"
                        + " script defines; define it with function " + name + "(...) { ... }", 0, i);
            }
            Value length = function.getMember("length");
            int arity = length != null && length.fitsInInt() ? length.asInt() : 0;
            SourceSection declared = function.getSourceLocation();
            boolean known = inScript(declared);
            functions.add(new JavaScriptFunction(this, name, arity, known ? declared.getStartLine() : 0,
                    known ? declared.getStartColumn() : 0));
        }
        loaded.add(new Loaded(source, List.copyOf(exports)));
        return functions;
    }

    @Override
    public synchronized Object record(List<String> names, double[] values) {
        Object[] pairs = new Object[2 * names.size()];
        for (int i = 0; i < names.size(); i++) {
            pairs[2 * i] = names.get(i);
            pairs[2 * i + 1] = values[i];
        }
        return guarded("making a record", () -> {
            return new FrozenRecord(pairs, prelude.invokeMember("record", pairs), generation);
        });
    }

    /** A record made in one polyglot context; in a later one it is made again from its names and values. */
    record FrozenRecord(Object[] pairs, Value value, int generation) {}

    @Override
    public String interpretedBecause() {
        return interpretedBecause;
    }

    @Override
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        Watchdog.forget(this);
        if (context != null) {
            closeQuietly(context, true);
            context = null;
        }
    }

    // ---- calls, for JavaScriptFunction

    /** Calls the function {@code name} of the current polyglot context, within the limits; the result converted. */
    synchronized <T> T call(String name, Object[] arguments, ResultReader<T> reader) {
        return guarded(name + "(...)", () -> {
            Value function = context.getBindings("js").getMember(name);
            Object[] passed = arguments.clone();
            for (int i = 0; i < passed.length; i++) {
                if (passed[i] instanceof FrozenRecord made) {
                    passed[i] = made.generation() == generation ? made.value()
                            : prelude.invokeMember("record", made.pairs());
                }
            }
            return reader.read(function.execute(passed));
        });
    }

    interface ResultReader<T> {
        T read(Value result);
    }

    // ---- the limits

    private interface Guarded<T> {
        T run();
    }

    /** Runs {@code body} under the statement limit and the wall clock; failures as {@link ScriptFailure}. */
    private <T> T guarded(String what, Guarded<T> body) {
        if (closed) {
            throw new ScriptFailure("the scripts of this session were closed", 0, 0);
        }
        timedOut = false;
        interruptRequested = false;
        try {
            open().resetLimits();
            deadline = System.nanoTime() + limits.timePerCall().toNanos();
            Watchdog.watch(this);
            return body.run();
        } catch (PolyglotException failure) {
            throw failure(what, failure);
        } finally {
            deadline = 0;
        }
    }

    private ScriptFailure failure(String what, PolyglotException failure) {
        SourceSection at = location(failure);
        int line = at == null ? 0 : at.getStartLine();
        int column = at == null ? 0 : at.getStartColumn();
        if (failure.isCancelled() || (failure.isResourceExhausted() && context != null && lost())) {
            discardContext();
        }
        String message;
        if (interruptRequested && (timedOut || failure.isInterrupted() || failure.isCancelled())) {
            message = what + " was interrupted";
        } else if (failure.isResourceExhausted()) {
            message = what + " ran out of resources: " + failure.getMessage() + " (a script may run "
                    + limits.statementsPerCall() + " statements per call, within the"
                    + " memory Margo was started with)";
        } else if (timedOut || failure.isInterrupted() || failure.isCancelled()) {
            message = what + " ran longer than " + limits.timeInWords() + ", the time limit of one call,"
                    + " and was stopped";
        } else if (failure.isSyntaxError()) {
            message = "the script does not parse: " + failure.getMessage();
        } else if (failure.isHostException()) {
            message = what + " failed in Margo: " + failure.asHostException();
        } else if (failure.isInternalError()) {
            message = what + " failed inside the JavaScript engine: " + failure.getMessage();
        } else {
            message = what + " threw " + failure.getMessage();
        }
        return new ScriptFailure(message, line, column);
    }

    /** Whether the polyglot context was closed by a limit (the statement limit cancels it). */
    private boolean lost() {
        try {
            context.eval("js", "0");
            return false;
        } catch (PolyglotException | IllegalStateException gone) {
            return true;
        }
    }

    /** The failure's place in a script: where it was raised, else the innermost frame in a script. */
    private static SourceSection location(PolyglotException failure) {
        SourceSection at = failure.getSourceLocation();
        if (inScript(at)) {
            return at;
        }
        for (PolyglotException.StackFrame frame : failure.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && inScript(frame.getSourceLocation())) {
                return frame.getSourceLocation();
            }
        }
        return null;
    }

    private static boolean inScript(SourceSection section) {
        return section != null && section.isAvailable() && section.getSource().getName().startsWith("script-");
    }

    /** The polyglot context, opened (with the loaded scripts evaluated again) if the last one was closed. */
    private Context open() {
        if (context != null) {
            return context;
        }
        context = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                .out(JavaScriptEngine.DISCARD).err(JavaScriptEngine.DISCARD)
                .allowHostAccess(HostAccess.newBuilder(HostAccess.CONSTRAINED).build())
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .resourceLimits(ResourceLimits.newBuilder()
                        .statementLimit(limits.statementsPerCall(), null).build())
                .build();
        generation++;
        prelude = context.eval(PRELUDE);
        for (Loaded script : loaded) {
            context.resetLimits();
            context.eval(script.source());
        }
        context.resetLimits();
        return context;
    }

    private void discardContext() {
        if (context != null) {
            closeQuietly(context, true);
            context = null;
            prelude = null;
        }
    }

    private static void closeQuietly(Context context, boolean cancel) {
        try {
            context.close(cancel);
        } catch (PolyglotException | IllegalStateException alreadyGone) {
            // A context cancelled by a limit or the watchdog reports that on close; it is closed either way.
        }
    }

    @Override
    public void interrupt() {
        if (deadline != 0) {
            interruptRequested = true;
            deadline = System.nanoTime();
        }
    }

    // ---- the watchdog's side

    /** Called by the watchdog: the nanoTime by which the running call must end, 0 when none runs. */
    long deadline() {
        return deadline;
    }

    /**
     * Stops the running call: interrupts it, and closes the polyglot context when it does not stop within
     * the limits' grace (the next call opens a new one). Called on the watchdog's thread.
     */
    void stopRunningCall() {
        Context running = context;
        if (running == null || deadline == 0) {
            return;
        }
        timedOut = true;
        try {
            running.interrupt(limits.interruptGrace());
        } catch (TimeoutException | PolyglotException | IllegalStateException stuck) {
            closeQuietly(running, true);
        }
    }
}
