package margo.dsl.script;

/**
 * A script that could not load or whose call failed: a syntax error, an exception it threw, a sandbox rule it broke
 * (file, host or process access), a limit it reached (statements, time, stack), or a result of the wrong kind. The
 * message says which in a recipe author's words; the line and column are in the script's own text, 1-based, or 0
 * when unknown, so that the recipe can point at the script's line.
 */
public final class ScriptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public ScriptFailure(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** The line in the script's text, 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The column in that line, 1-based; 0 when unknown. */
    public int column() {
        return column;
    }
}
