package margo.dsl.script;

import java.util.List;

/**
 * One sandboxed global scope of a {@link ScriptEngine}: scripts loaded into it share their top-level names, as the
 * cells of a notebook do. Every call into it is bounded by a statement limit and a wall-clock limit
 * ({@link ScriptLimits}). Thread-safe: calls from several threads (the starts of a calibration) take turns.
 */
public interface ScriptContext extends AutoCloseable {

    /**
     * Runs a script's top level and returns its exported functions, in the order of {@code exports}.
     *
     * @throws ScriptFailure when the code does not parse, fails or breaks a limit while it runs, or does not define
     *     one of the exports as a function (then at the export's index, line 0)
     */
    List<ScriptFunction> load(String code, List<String> exports);

    /**
     * A record of named numbers, frozen, that later calls may take as an argument (the parameters of a model);
     * the script cannot change it.
     */
    Object record(List<String> names, double[] values);

    /**
     * How the engine runs: null when it compiles scripts to machine code, else why it only interprets them (about
     * 4 to 10 times slower), for the first script's diagnostics to say.
     */
    String interpretedBecause();

    /**
     * Stops the running call, if any, as its time limit would (the kernel's interrupt); thread-safe and does not wait
     * for the call.
     */
    void interrupt();

    /** Whether a call was stopped so hard that the context had to be closed; its functions then fail. */
    boolean isClosed();

    @Override
    void close();
}
