package margo.dsl.syntax;

import java.util.List;

/**
 * The text of a recipe and the name it is reported under: a path such as
 * {@code examples/quickstart.margo} for a file, or {@code cell[3]} for a notebook cell.
 */
public record SourceFile(String name, String text) {

    public SourceFile {
        if (name == null || text == null) {
            throw new IllegalArgumentException("a source file needs a name and a text");
        }
    }

    /** The text of 1-based line {@code number} without its line break, or "" past the end. */
    public String line(int number) {
        List<String> lines = text.lines().toList();
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }
}
