package margo.dsl.diagnostic;

import margo.core.io.MessageText;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;

/**
 * One problem found in a recipe or in the data it loads, located by a span of the recipe
 * (for data, the span of the statement that loaded it, with the data file and row in the message).
 *
 * <p>Message and hint often quote data or recipe text, so both are made safe to print when the diagnostic is
 * made ({@link MessageText#clean}): control characters escaped, long values cut.
 *
 * @param hint a suggestion such as {@code did you mean kappa?}, or null when there is none
 */
public record Diagnostic(Severity severity, SourceFile source, Span span, String message, String hint) {

    public Diagnostic {
        message = MessageText.clean(message);
        hint = MessageText.clean(hint);
    }

    public static Diagnostic error(SourceFile source, Span span, String message) {
        return new Diagnostic(Severity.ERROR, source, span, message, null);
    }

    public static Diagnostic error(SourceFile source, Span span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, source, span, message, hint);
    }

    public static Diagnostic warning(SourceFile source, Span span, String message) {
        return new Diagnostic(Severity.WARNING, source, span, message, null);
    }

    public static Diagnostic note(SourceFile source, Span span, String message) {
        return new Diagnostic(Severity.NOTE, source, span, message, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col}, the prefix every diagnostic is printed with. */
    public String location() {
        return source.name() + ":" + span.line() + ":" + span.column();
    }
}
