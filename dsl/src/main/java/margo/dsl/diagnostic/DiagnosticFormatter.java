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
        Excerpt excerpt = Excerpt.of(line, diagnostic.span().column() - 1);
        out.append("  ").append(lineNumber).append(" | ").append(excerpt.printed()).append('\n');
        out.append(gutter).append(" | ").append(caret(line, excerpt, diagnostic)).append('\n');
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

    /**
     * The part of a source line that is printed: the whole line up to {@link #LINE_LIMIT} characters; of a longer
     * one (a minified or generated recipe, a pasted field) a window of that many from shortly before the span, each
     * cut end marked with an ellipsis, so that a 10 MB line prints as one short line.
     *
     * @param from the index in the line of the first character printed
     * @param to the index after the last character printed
     */
    private record Excerpt(String line, int from, int to) {

        /** Longest source line printed whole. */
        static final int LINE_LIMIT = 160;
        /** Characters of a long line printed before the span's start. */
        static final int CONTEXT_BEFORE = 40;

        static Excerpt of(String line, int spanStart) {
            if (line.length() <= LINE_LIMIT) {
                return new Excerpt(line, 0, line.length());
            }
            int from = Math.max(0, Math.min(spanStart, line.length()) - CONTEXT_BEFORE);
            if (from > 0 && Character.isLowSurrogate(line.charAt(from))) {
                from--;
            }
            int to = Math.min(line.length(), from + LINE_LIMIT);
            if (to < line.length() && Character.isLowSurrogate(line.charAt(to))) {
                to++;
            }
            return new Excerpt(line, from, to);
        }

        /** Its characters escaped, all but tabs, which the caret line repeats; cut ends marked. */
        String printed() {
            String shown = String.join("\t", Arrays.stream(line.substring(from, to).split("\t", -1))
                    .map(MessageText::escape).toList());
            return (from > 0 ? "…" : "") + shown + (to < line.length() ? "…(" + line.length() + " characters)" : "");
        }

        /** The caret line's offset for the leading ellipsis. */
        int lead() {
            return from > 0 ? 1 : 0;
        }
    }

    /**
     * Spaces (a tab where the source has one, so the caret lines up) up to the span's column, then carets to the
     * span's end on this line, at least one, within the printed excerpt.
     */
    private static String caret(String line, Excerpt excerpt, Diagnostic diagnostic) {
        int start = Math.min(diagnostic.span().column() - 1, line.length());
        StringBuilder out = new StringBuilder(" ".repeat(excerpt.lead()));
        for (int i = excerpt.from(); i < start; i++) {
            out.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int end = diagnostic.span().endLine() == diagnostic.span().line()
                ? diagnostic.span().endColumn() - 1
                : line.length();
        int width = Math.min(end, excerpt.to()) - start;
        return out.append("^".repeat(Math.max(1, width))).toString();
    }
}
