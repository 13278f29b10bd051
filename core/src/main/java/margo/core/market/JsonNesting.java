package margo.core.market;

/**
 * Bounds how deeply a JSON file nests arrays and objects before it is parsed, so that a hostile or broken file
 * gets one clear error instead of a stack overflow in the code that reads, prints or walks its tree. A Deribit
 * book summary nests three deep ({@code {"result": [{...}]}}).
 */
final class JsonNesting {

    /** The deepest nesting of arrays and objects accepted, far beyond any venue's response. */
    static final int MAX_DEPTH = 64;

    private JsonNesting() {
    }

    /** Scans {@code content} once, skipping strings; an error naming the line and column past {@link #MAX_DEPTH}. */
    static void requireShallow(String name, String content) throws ChainFormatException {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        boolean inString = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '[', '{' -> {
                    if (++depth > MAX_DEPTH) {
                        throw new ChainFormatException(name + " nests arrays and objects more than " + MAX_DEPTH
                                + " deep (line " + line + ", column " + (i - lineStart + 1)
                                + "); a Deribit book summary nests 3 deep: is it the right file?");
                    }
                }
                case ']', '}' -> depth--;
                case '\n' -> {
                    line++;
                    lineStart = i + 1;
                }
                default -> { }
            }
        }
    }
}
