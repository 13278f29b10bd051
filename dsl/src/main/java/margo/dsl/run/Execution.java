package margo.dsl.run;

import java.util.List;
import margo.dsl.diagnostic.Diagnostic;

/** What running (or checking) a recipe or a cell produced: every diagnostic, then what was shown, in order. */
public record Execution(List<Diagnostic> diagnostics, List<Shown> shown) {

    public Execution {
        diagnostics = List.copyOf(diagnostics);
        shown = List.copyOf(shown);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
