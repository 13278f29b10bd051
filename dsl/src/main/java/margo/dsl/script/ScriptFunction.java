package margo.dsl.script;

/** A function that a script exports, called from a recipe with numbers, text and booleans. */
public interface ScriptFunction {

    /** Its name in the script and in the recipe. */
    String name();

    /** The number of parameters it declares, which each call must pass. */
    int arity();

    /** The line of its declaration in the script's own text, 1-based; 0 when unknown. */
    int line();

    /** The column of its declaration in that line, 1-based; 0 when unknown. */
    int column();

    /**
     * Calls it with {@link Double}, {@link String}, {@link Boolean} or {@link ScriptContext#record} arguments.
     *
     * @return a {@link Double} or a {@link String}
     * @throws ScriptFailure when it fails, breaks a limit, or returns anything but a number or text
     */
    Object call(Object... arguments);

    /**
     * Calls it and reads its result as a pair of numbers {@code [a, b]} (a complex number, real part first) into
     * {@code out[0]}, {@code out[1]}.
     *
     * @throws ScriptFailure as {@link #call}, or when the result is not an array of two numbers
     */
    void callForPair(double[] out, Object... arguments);
}
