package margo.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.Lexer;
import margo.dsl.syntax.SourceFile;

/**
 * A notebook cell as the kernel reads it before the language sees it (kernel/README.md, "Magics and help"): a
 * request for help ({@code black?}, {@code black??}), or a sequence of recipe text and line magics ({@code %who}),
 * possibly timed as a whole by {@code %%time} on its first line. A magic is a line that starts with {@code %}, which
 * no recipe line can (the language has no {@code %} token), unless it is inside a {@code """} string, so a cell splits
 * into parts without guessing. Each part
 * keeps the line and column it starts at, so that a mistake in it is reported where it stands in the cell.
 *
 * @param parts what to run, in order
 * @param timed whether the cell began with {@code %%time}
 * @param help  the name asked about with {@code ?}, or null when the cell is not a request for help
 */
record Cell(List<Part> parts, boolean timed, Help help) {

    /** {@code name?} or {@code name??} alone in the cell, as IPython reads it: help, more of it with two marks. */
    private static final Pattern HELP = Pattern.compile("\\s*(\\?{1,2})?([A-Za-z_][A-Za-z0-9_]*)(\\?{1,2})?\\s*");
    /** {@code %name argument}: the magic's name and what follows it on its line. */
    private static final Pattern MAGIC = Pattern.compile("(\\s*)%(%?[A-Za-z_][A-Za-z0-9_]*)?[ \\t]*(.*)");
    private static final String TIME_CELL = "%time";

    /** One part of a cell. */
    sealed interface Part {
        /** 1-based line of the cell where the part starts. */
        int line();
    }

    /**
     * Recipe text, run by the language.
     *
     * @param column 1-based column of the cell where the text starts (after {@code %time } for a timed line)
     */
    record Recipe(String text, int line, int column) implements Part {}

    /**
     * A line magic: {@code %who}, {@code %load FILE}; the name without its {@code %}. A stray {@code %%time} past the
     * first line is a magic named {@code %time}, which no magic is, so it is reported as unknown.
     *
     * @param column         1-based column of the {@code %}
     * @param argumentColumn 1-based column where the argument starts
     */
    record LineMagic(String name, String argument, int line, int column, int argumentColumn) implements Part {}

    /** {@code name?}: the name, and 0 for one question mark or 1 for two (Jupyter's detail_level). */
    record Help(String name, int detailLevel) {}

    static Cell parse(String code) {
        Matcher help = HELP.matcher(code);
        if (help.matches() && (help.group(1) == null) != (help.group(3) == null)) {
            String marks = help.group(1) == null ? help.group(3) : help.group(1);
            return new Cell(List.of(), false, new Help(help.group(2), marks.length() - 1));
        }
        String[] lines = code.split("\n", -1);
        List<Part> parts = new ArrayList<>();
        boolean timed = false;
        StringBuilder recipe = new StringBuilder();
        int recipeLine = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher magic = MAGIC.matcher(lines[i]);
            if (!lines[i].stripLeading().startsWith("%") || !magic.matches() || endsInsideAString(recipe)) {
                if (recipe.isEmpty()) {
                    recipeLine = i + 1;
                } else {
                    recipe.append('\n');
                }
                recipe.append(lines[i]);
                continue;
            }
            flush(recipe, recipeLine, parts);
            String name = magic.group(2) == null ? "" : magic.group(2);
            int column = magic.group(1).length() + 1;
            if (i == 0 && name.equals("%time") && magic.group(1).isEmpty()) {
                timed = true;
                continue;
            }
            parts.add(new LineMagic(name, magic.group(3).strip(), i + 1, column, magic.start(3) + 1));
        }
        flush(recipe, recipeLine, parts);
        return new Cell(List.copyOf(parts), timed, null);
    }

    /**
     * Whether the recipe text read so far ends inside a {@code """} string (a script's code), where a line that starts
     * with {@code %} is the string's ({@code % b} continuing a JavaScript expression), not a magic. The language's own
     * lexer decides, as it reads the cell: its one unterminated {@code """} string is reported at its opening quotes.
     */
    private static boolean endsInsideAString(StringBuilder recipe) {
        if (recipe.indexOf("\"\"\"") < 0) {
            return false;
        }
        String text = recipe.toString();
        List<Diagnostic> problems = new ArrayList<>();
        Lexer.scan(new SourceFile("cell", text), problems);
        for (Diagnostic problem : problems) {
            if (text.startsWith("\"\"\"", problem.span().start())) {
                return true;
            }
        }
        return false;
    }

    private static void flush(StringBuilder recipe, int line, List<Part> parts) {
        if (!recipe.toString().isBlank()) {
            parts.add(new Recipe(recipe.toString(), line, 1));
        }
        recipe.setLength(0);
    }

    /** The name {@code %%time} has as a line magic: a cell magic written past the first line. */
    static boolean isCellMagic(String name) {
        return name.equals(TIME_CELL);
    }
}
