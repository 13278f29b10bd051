package margo.kernel;

import java.util.ArrayList;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;

/**
 * The errors of one cell, thrown out of {@link MargoKernel#evalRaw} so that JJava publishes them as a
 * Jupyter error. JJava names the error after this class ({@code ename} "MargoError"), takes the first
 * message as {@code evalue}, and the traceback from {@link MargoKernel#formatError}: the diagnostics as
 * the CLI prints them ({@code cell[3]:2:7: error: ...}, the source line, a caret). It records no Java
 * stack trace, so none can reach the user, not even in the execute reply.
 */
final class MargoError extends RuntimeException {

    private final transient List<String> traceback;

    MargoError(List<Diagnostic> diagnostics) {
        super(firstError(diagnostics).message(), null, false, false);
        List<String> lines = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                DiagnosticFormatter.format(diagnostic).lines().forEach(lines::add);
            }
        }
        this.traceback = List.copyOf(lines);
    }

    private static Diagnostic firstError(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(Diagnostic::isError).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a MargoError needs at least one error"));
    }

    /** One entry per line, as Jupyter wants a traceback. */
    List<String> traceback() {
        return traceback;
    }
}
