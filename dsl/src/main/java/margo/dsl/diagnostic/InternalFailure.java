package margo.dsl.diagnostic;

import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;

/**
 * A bug in Margo met while parsing, checking or running one statement (any exception that is not a user error,
 * or a stack overflow), carrying that statement's location so that the report says where, and the cause for
 * {@code --debug}. Its message reads {@code file:line:col: internal error ...: cause}.
 */
public final class InternalFailure extends RuntimeException {

    private final transient Diagnostic diagnostic;

    /** @param phase what was being done, for the message: {@code parsing}, {@code checking} or {@code running} */
    public InternalFailure(SourceFile source, Span span, String phase, Throwable cause) {
        this(Diagnostic.error(source, span, "internal error while " + phase + " this statement: " + cause,
                "this is a bug in Margo; please report it with the recipe and the command"), cause);
    }

    private InternalFailure(Diagnostic diagnostic, Throwable cause) {
        super(diagnostic.location() + ": " + diagnostic.message(), cause);
        this.diagnostic = diagnostic;
    }

    /** The failure as an error at the statement, to print like any other diagnostic. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
