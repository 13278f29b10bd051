package margo.core.io;

/**
 * Text from data files and recipes made safe to put in a message a terminal prints: control characters and the
 * escape sequences they start written as visible escapes, and long values cut. A file may hold anything, and a
 * message that echoes it must neither move the cursor, recolour the terminal or reorder the text (Unicode
 * bidirectional controls, CVE-2021-42574), nor print a 10 MB field.
 */
public final class MessageText {

    /** Longest field value quoted whole in a message; longer ones keep their start and their length. */
    public static final int FIELD_LIMIT = 60;
    /** Longest run without a space that {@link #clean} keeps whole: paths fit, a pasted field does not. */
    static final int WORD_LIMIT = 240;
    /** Longest message {@link #clean} keeps whole. */
    static final int MESSAGE_LIMIT = 4000;

    private MessageText() {
    }

    /**
     * {@code text} with every character a terminal would act on written as an escape: {@code \n}, {@code \r},
     * {@code \t}, {@code \xNN} for the other C0 controls, DEL and the C1 controls (ESC is {@code \x1B}), and
     * {@code \\uNNNN} for line and paragraph separators, bidirectional controls, the byte order mark and lone
     * surrogates. Printable text, backslashes included, is unchanged, so escaping twice changes nothing.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text, i)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(text, i)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x100) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * A value read from a file, ready to quote in a message: escaped, and cut after {@link #FIELD_LIMIT}
     * characters with its length, e.g. {@code 0.0000000000…(10485760 characters)}.
     */
    public static String value(String text) {
        return escape(cut(text, FIELD_LIMIT));
    }

    /**
     * A whole message made safe: escaped, each run of more than {@link #WORD_LIMIT} characters without a space
     * cut, and the message cut after {@link #MESSAGE_LIMIT} characters. Every diagnostic passes through it.
     */
    public static String clean(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), MESSAGE_LIMIT + 64));
        int start = 0;
        while (start < message.length()) {
            int end = start;
            while (end < message.length() && message.charAt(end) != ' ') {
                end++;
            }
            out.append(cut(message.substring(start, end), WORD_LIMIT));
            if (end < message.length()) {
                out.append(' ');
            }
            start = end + 1;
        }
        return escape(cut(out.toString(), MESSAGE_LIMIT));
    }

    /** {@code text} itself when at most {@code limit} characters, else its start and its length. */
    static String cut(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end) + "…(" + text.length() + " characters)";
    }

    private static boolean needsEscape(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return true;
        }
        if (c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
