package margo.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.run.Shown;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.kernel.jupyter.CellOutput;
import margo.kernel.jupyter.CellResult;
import margo.kernel.jupyter.MimeBundle;

/**
 * One cell being run, part after part ({@link Cell}): the values its parts show, the first error, which stops the
 * cell, and what it prints. At the end every shown value but the last is displayed as it came and the last is the
 * cell's result ({@code Out[N]}), unless the cell failed, in which case all are displayed and the error follows.
 */
final class CellRun {

    private final SourceFile cell;
    private final CellOutput output;
    private final List<Shown> shown = new ArrayList<>();
    private List<Diagnostic> errors;

    /** @param cell the whole cell, named {@code cell[N]}, which the parts' diagnostics point into */
    CellRun(SourceFile cell, CellOutput output) {
        this.cell = cell;
        this.output = output;
    }

    SourceFile cell() {
        return cell;
    }

    CellOutput output() {
        return output;
    }

    /**
     * Runs recipe text that starts at {@code line}:{@code column} of the cell (or, for a loaded file, at the top of
     * {@code source}), with data paths resolved against {@code dataFolder}; warnings go to stderr.
     *
     * @return whether it ran without an error
     */
    boolean run(Session session, SourceFile source, Path dataFolder) {
        Execution execution = session.run(source, Mode.CELL, dataFolder);
        StringBuilder warnings = new StringBuilder();
        for (Diagnostic diagnostic : execution.diagnostics()) {
            if (!diagnostic.isError()) {
                warnings.append(DiagnosticFormatter.format(diagnostic));
            }
        }
        if (!warnings.isEmpty()) {
            output.stderr(warnings.toString());
        }
        shown.addAll(execution.shown());
        if (execution.hasErrors()) {
            errors = execution.diagnostics();
        }
        return !execution.hasErrors();
    }

    /** Recipe text of the cell as a source of its own that still reports the cell's lines and columns. */
    SourceFile part(String text, int line, int column) {
        return new SourceFile(cell.name(), "\n".repeat(line - 1) + " ".repeat(column - 1) + text);
    }

    /** Ends the cell with a mistake at {@code length} characters from {@code line}:{@code column} of the cell. */
    void fail(int line, int column, int length, String message, String hint) {
        fail(List.of(error(line, column, length, message, hint)));
    }

    /** An error at {@code length} characters from {@code line}:{@code column} of the cell. */
    Diagnostic error(int line, int column, int length, String message, String hint) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            start = cell.text().indexOf('\n', start) + 1;
        }
        return errorAt(start + column - 1, length, message, hint);
    }

    /** An error at {@code length} characters from offset {@code start} of the cell. */
    Diagnostic errorAt(int start, int length, String message, String hint) {
        String text = cell.text();
        int end = Math.min(text.length(), start + Math.max(1, length));
        int line = 1;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        int column = start - lineStart + 1;
        return Diagnostic.error(cell, new Span(line, column, line, column + Math.max(1, end - start), start,
                Math.max(end, start)), message, hint);
    }

    /** Ends the cell with these diagnostics; the errors among them are reported. */
    void fail(List<Diagnostic> diagnostics) {
        errors = List.copyOf(diagnostics);
    }

    boolean failed() {
        return errors != null;
    }

    /** Displays what the cell showed, as {@code bundles} of the session make them, and returns its result, or its error. */
    CellResult finish(DisplayBundles bundles) {
        int displayed = failed() ? shown.size() : shown.size() - 1;
        for (int i = 0; i < displayed; i++) {
            output.display(bundles.of(shown.get(i)));
        }
        if (failed()) {
            return failure(errors);
        }
        return new CellResult.Ok(shown.isEmpty() ? null : bundles.of(shown.getLast()));
    }

    /** The page of a cell that asked for help: a result for the pager, and nothing in the cell's output. */
    static CellResult page(MimeBundle page) {
        return new CellResult.Ok(null, page);
    }

    /**
     * The errors as a Jupyter error named {@code MargoError}: the first message as {@code evalue}, the diagnostics as
     * the CLI prints them ({@code cell[3]:2:7: error: ...}, the source line, a caret) as traceback, one entry per
     * line, and no Java stack trace.
     */
    static CellResult.Failed failure(List<Diagnostic> diagnostics) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                first = first == null ? diagnostic.message() : first;
                DiagnosticFormatter.format(diagnostic).lines().forEach(lines::add);
            }
        }
        return new CellResult.Failed("MargoError", first, lines);
    }
}
