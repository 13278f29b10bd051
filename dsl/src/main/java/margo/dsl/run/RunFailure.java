package margo.dsl.run;

import margo.dsl.syntax.Span;

/**
 * A user error found while running, such as a data file that cannot be read: it stops the statement and becomes
 * an error diagnostic at {@code span}. It carries no stack trace, since none is ever shown.
 */
final class RunFailure extends RuntimeException {

    private final transient Span span;
    private final String hint;

    RunFailure(Span span, String message, String hint) {
        super(message, null, false, false);
        this.span = span;
        this.hint = hint;
    }

    RunFailure(Span span, String message) {
        this(span, message, null);
    }

    Span span() {
        return span;
    }

    String hint() {
        return hint;
    }
}
