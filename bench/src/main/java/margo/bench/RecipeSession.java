package margo.bench;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.run.DataLimit;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;

/** A notebook-like session for benchmarks: cells run in it, and a cell with an error stops the benchmark. */
final class RecipeSession {

    private final Session session;

    RecipeSession(Path folder) {
        session = new Session(folder, DataLimit.commandLine(1L << 30));
    }

    Execution run(String cell) {
        Execution execution = session.run(new SourceFile("bench.margo", cell), Mode.CELL);
        List<Diagnostic> errors = execution.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the benchmark's cell failed: " + errors);
        }
        return execution;
    }
}
