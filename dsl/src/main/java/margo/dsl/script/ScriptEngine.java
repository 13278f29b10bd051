package margo.dsl.script;

/**
 * A language that a recipe's {@code script} statement may be written in, such as JavaScript in the
 * {@code margo-polyglot} module. The language lives outside the dsl module, which finds it with
 * {@link java.util.ServiceLoader} ({@link ScriptEngines}), so a recipe without scripts never loads it.
 */
public interface ScriptEngine {

    /** The word after {@code script}: {@code js}. */
    String language();

    /**
     * A new sandboxed context: the global scope that a recipe run or a notebook session loads its scripts into.
     * Cheap after the first; the first builds the engine that every context of the process shares.
     */
    ScriptContext newContext(ScriptLimits limits);
}
