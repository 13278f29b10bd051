package margo.dsl.script;

import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;

/** Where a place in a script's own text (its line and column) is in the recipe that holds the script. */
final class ScriptSpans {

    private ScriptSpans() {
    }

    /**
     * The span of one character at {@code line}, {@code column} of the code in the string literal at
     * {@code codeSpan}; the whole literal when the line is 0 (unknown) or past its end. The code of a
     * {@code """...""" } literal is the recipe's text verbatim, so its lines and columns map one to one; a
     * {@code "..."} literal's escapes shift the columns, so only its line is kept.
     */
    static Span at(SourceFile source, Span codeSpan, int line, int column) {
        String text = source.text();
        boolean triple = text.startsWith("\"\"\"", codeSpan.start());
        int offset = codeSpan.start() + (triple ? 3 : 1);
        int recipeLine = codeSpan.line();
        int lineStart = offset - (codeSpan.column() - 1) - (triple ? 3 : 1);
        if (line < 1) {
            return codeSpan;
        }
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0 || newline >= codeSpan.end()) {
                return codeSpan;
            }
            offset = newline + 1;
            lineStart = offset;
            recipeLine++;
        }
        if (triple) {
            offset += Math.max(0, column - 1);
        }
        offset = Math.min(offset, Math.max(codeSpan.start(), codeSpan.end() - 1));
        int recipeColumn = offset - lineStart + 1;
        return new Span(recipeLine, recipeColumn, recipeLine, recipeColumn + 1, offset, offset + 1);
    }
}
