package margo.dsl.run;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;

/**
 * What running (or checking) a recipe or a cell produced: every diagnostic, then what was shown, in order, and
 * the data files it read (resolved paths).
 */
public record Execution(List<Diagnostic> diagnostics, List<Shown> shown, List<Path> filesRead) {

    public Execution {
        diagnostics = List.copyOf(diagnostics);
        shown = List.copyOf(shown);
        filesRead = List.copyOf(filesRead);
    }

    /** An execution that read no data file. */
    public Execution(List<Diagnostic> diagnostics, List<Shown> shown) {
        this(diagnostics, shown, List.of());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
