package margo.kernel;

/**
 * The identifier at a position of a cell, for completion and inspection. Positions are indices into the Java
 * string (UTF-16 units): {@link margo.kernel.jupyter.KernelServer} converts Jupyter's cursor, which counts Unicode
 * code points, before the kernel sees it, and the reply's positions back.
 *
 * @param text  the identifier, possibly empty
 * @param start where it starts
 * @param end   just past its end
 */
record Word(String text, int start, int end) {

    /** The part of an identifier that ends at the position: what the user has typed so far. */
    static Word endingAt(String code, int position) {
        int at = Math.clamp(position, 0, code.length());
        return new Word(code.substring(identifierStart(code, at), at), identifierStart(code, at), at);
    }

    /** The whole identifier the position is in or just after. */
    static Word around(String code, int position) {
        int at = Math.clamp(position, 0, code.length());
        int to = at;
        while (to < code.length() && isIdentifierPart(code.charAt(to))) {
            to++;
        }
        int from = identifierStart(code, at);
        return new Word(code.substring(from, to), from, to);
    }

    private static int identifierStart(String code, int at) {
        int from = at;
        while (from > 0 && isIdentifierPart(code.charAt(from - 1))) {
            from--;
        }
        return from;
    }

    /** docs/language.md, "Lexical": identifiers are {@code [A-Za-z_][A-Za-z0-9_]*}. */
    private static boolean isIdentifierPart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
