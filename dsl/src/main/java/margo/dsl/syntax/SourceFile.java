package margo.dsl.syntax;

import java.util.Arrays;

/**
 * The text of a recipe and the name it is reported under: a path such as
 * {@code examples/quickstart.margo} for a file, or {@code cell[3]} for a notebook cell. A UTF-8 byte order mark
 * at the start, as some editors save one, is not part of the text. The start of every line is indexed once, so
 * that printing a diagnostic costs the length of its line, not of the file.
 */
public final class SourceFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String name;
    private final String text;
    /** The offset of each line's first character; lineStarts[0] is 0. */
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        if (name == null || text == null) {
            throw new IllegalArgumentException("a source file needs a name and a text");
        }
        this.name = name;
        this.text = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        this.lineStarts = lineStarts(this.text);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The text of 1-based line {@code number} without its line break ({@code \n} or {@code \r\n}), or "" past the end. */
    public String line(int number) {
        if (number < 1 || number > lineStarts.length) {
            return "";
        }
        int start = lineStarts[number - 1];
        int end = number < lineStarts.length ? lineStarts[number] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && name.equals(that.name) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[name=" + name + ", " + lineStarts.length + " lines]";
    }
}
