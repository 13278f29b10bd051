package margo.dsl.syntax;

/**
 * A stretch of recipe text: 1-based line and column of its first character and of the
 * character just past its end, plus the same two points as 0-based offsets into the text.
 * Every token and syntax node carries one, so every diagnostic can point at its cause.
 */
public record Span(int line, int column, int endLine, int endColumn, int start, int end) {

    public Span {
        if (line < 1 || column < 1 || endLine < line || start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    /** The smallest span covering both {@code this} and {@code other}. */
    public Span to(Span other) {
        Span first = start <= other.start ? this : other;
        Span last = end >= other.end ? this : other;
        return new Span(first.line, first.column, last.endLine, last.endColumn, first.start, last.end);
    }

    /** The number of characters covered, at least one so that a caret is always drawn. */
    public int length() {
        return Math.max(1, end - start);
    }
}
