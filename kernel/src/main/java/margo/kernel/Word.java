package margo.kernel;

/**
 * The identifier at the cursor of a cell, for completion and inspection. Jupyter counts cursor
 * positions in Unicode code points, Java strings in UTF-16 units; {@code start} and {@code end} are
 * code points, like the cursor they came from.
 *
 * @param text  the identifier, possibly empty
 * @param start where it starts, in code points from the start of the cell
 * @param end   just past its end, in code points
 */
record Word(String text, int start, int end) {

    /** The part of an identifier that ends at the cursor: what the user has typed so far. */
    static Word endingAt(String code, int cursor) {
        int at = index(code, cursor);
        return word(code, identifierStart(code, at), at);
    }

    /** The whole identifier the cursor is in or just after. */
    static Word around(String code, int cursor) {
        int at = index(code, cursor);
        int to = at;
        while (to < code.length() && isIdentifierPart(code.charAt(to))) {
            to++;
        }
        return word(code, identifierStart(code, at), to);
    }

    private static int identifierStart(String code, int at) {
        int from = at;
        while (from > 0 && isIdentifierPart(code.charAt(from - 1))) {
            from--;
        }
        return from;
    }

    private static Word word(String code, int from, int to) {
        return new Word(code.substring(from, to), code.codePointCount(0, from), code.codePointCount(0, to));
    }

    private static int index(String code, int cursor) {
        int codePoints = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(cursor, codePoints)));
    }

    /** docs/language.md, "Lexical": identifiers are {@code [A-Za-z_][A-Za-z0-9_]*}. */
    private static boolean isIdentifierPart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
