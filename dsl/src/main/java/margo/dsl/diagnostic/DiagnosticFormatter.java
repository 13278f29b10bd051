package margo.dsl.diagnostic;

import java.util.Arrays;
import java.util.List;
import margo.core.io.MessageText;

/**
 * Prints diagnostics the way docs/language.md, "Mistakes", shows them: {@code file:line:col: error: message}, the source line,
 * a caret under the span and the hint:
 *
 * <pre>
 * examples/errors.margo:3:8: error: unknown column 'bid_vi'
 *   3 |   keep bid_vi > 0
 *     |        ^^^^^^
 *   hint: did you mean bid_iv?
 * </pre>
 */
public final class DiagnosticFormatter {

    private DiagnosticFormatter() {
    }

    public static String format(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        out.append(diagnostic.location()).append(": ").append(diagnostic.severity().label()).append(": ")
                .append(diagnostic.message()).append('\n');
        int lineNumber = diagnostic.span().line();
        String line = diagnostic.source().line(lineNumber);
        String gutter = " ".repeat(String.valueOf(lineNumber).length() + 2);
        out.append("  ").append(lineNumber).append(" | ").append(printable(line)).append('\n');
        out.append(gutter).append(" | ").append(caret(line, diagnostic)).append('\n');
        if (diagnostic.hint() != null) {
            out.append("  hint: ").append(diagnostic.hint()).append('\n');
        }
        return out.toString();
    }

    /** All of {@code diagnostics}, each formatted, in the order given. */
    public static String formatAll(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            out.append(format(diagnostic));
        }
        return out.toString();
    }

    /** The source line with its control characters escaped, all but tabs, which the caret line repeats. */
    private static String printable(String line) {
        return String.join("\t", Arrays.stream(line.split("\t", -1)).map(MessageText::escape).toList());
    }

    /**
     * Spaces (a tab where the source has one, so the caret lines up) up to the span's column, then carets
     * to the span's end on this line, at least one.
     */
    private static String caret(String line, Diagnostic diagnostic) {
        int column = diagnostic.span().column();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            out.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int width = diagnostic.span().endLine() == diagnostic.span().line()
                ? diagnostic.span().endColumn() - column
                : line.length() - column + 1;
        return out.append("^".repeat(Math.max(1, width))).toString();
    }
}
