package margo.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import margo.core.io.DataFile;
import margo.dsl.cli.RecipeFile;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.Suggestions;
import margo.dsl.registry.Documentation;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.Value;
import margo.kernel.jupyter.MimeBundle;

/**
 * The kernel's magics, lines of a cell that start with {@code %} (kernel/README.md, "Magics and help"). They act on
 * the session and its notebook, never on the language: {@code %time} and {@code %%time} time a statement or the
 * cell, {@code %who} lists the names bound, {@code %load} runs a recipe file into the session, {@code %save} writes
 * the cells that ran without an error as a recipe that {@code margo run} reproduces, and {@code %docs} shows the
 * documentation of a built-in. The magics are listed once, in {@link #MAGICS}, which the error for an unknown one
 * and completion after {@code %} both read.
 */
final class Magics {

    /** Every magic, as written, with what it does. */
    static final List<Usage> MAGICS = List.of(
            new Usage("%time STATEMENT", "runs the statement and prints its wall time"),
            new Usage("%%time", "on the first line of a cell: runs the cell and prints its wall time"),
            new Usage("%who", "lists the names bound, with their kinds and a one-line summary"),
            new Usage("%load FILE", "runs a recipe file into the session; its data paths resolve against its own folder"),
            new Usage("%save [-f] FILE", "writes the cells that ran without an error as a recipe that `margo run`"
                    + " reproduces (-f replaces an existing file)"),
            new Usage("%docs [NAME]", "shows the documentation of a built-in, setting or statement (the whole"
                    + " reference without NAME); NAME? shows it in the pager"));

    /** A magic as written, {@code %load FILE}, and what it does. */
    record Usage(String written, String doc) {

        /** {@code %load}. */
        String name() {
            return written.split(" ")[0];
        }
    }

    private final Session session;
    private final Path folder;
    private final Documentation documentation;
    /** The recipe text that ran without an error, in order, labelled by where it came from: what {@code %save} writes. */
    private final List<Ran> transcript = new ArrayList<>();

    /** Recipe text that ran, and where it came from: {@code cell[3]}, {@code %load recipes/fit.margo}. */
    private record Ran(String origin, String text) {}

    /** @param folder the notebook's folder: {@code %load} and {@code %save} paths resolve against it */
    Magics(Session session, Path folder, Documentation documentation) {
        this.session = session;
        this.folder = folder;
        this.documentation = documentation;
    }

    /** The magics, one line each, for the error that names an unknown one. */
    static String list() {
        StringBuilder out = new StringBuilder();
        MAGICS.forEach(magic -> out.append("  ").append(magic.written()).append(": ").append(magic.doc()).append('\n'));
        return out.toString();
    }

    /** Remembers recipe text that ran without an error, for {@code %save}. */
    void ran(String origin, String text) {
        transcript.add(new Ran(origin, text));
    }

    /** Runs one line magic of a cell; a mistake in it ends the cell. */
    void run(Cell.LineMagic magic, CellRun cell) {
        switch (magic.name()) {
            case "time" -> time(magic, cell);
            case "who" -> {
                if (noArgument(magic, cell)) {
                    cell.output().stdout(who());
                }
            }
            case "load" -> load(magic, cell);
            case "save" -> save(magic, cell);
            case "docs" -> docs(magic, cell);
            default -> unknown(magic, cell);
        }
    }

    private void time(Cell.LineMagic magic, CellRun cell) {
        if (magic.argument().isEmpty()) {
            cell.fail(magic.line(), magic.column(), 5, "%time needs a statement to time, as in %time show hf",
                    "time a whole cell with %%time on its first line");
            return;
        }
        long started = System.nanoTime();
        boolean ran = cell.run(session, cell.part(magic.argument(), magic.line(), magic.argumentColumn()), folder);
        cell.output().stdout(wallTime(System.nanoTime() - started));
        if (ran) {
            ran(cell.cell().name(), magic.argument());
        }
    }

    /** {@code Wall time: 12.3 ms}, as IPython's %time prints it. */
    static String wallTime(long nanos) {
        double seconds = nanos * 1e-9;
        String time = seconds >= 1 ? String.format(Locale.ROOT, "%.2f s", seconds)
                : seconds >= 1e-3 ? String.format(Locale.ROOT, "%.1f ms", seconds * 1e3)
                : String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
        return "Wall time: " + time + "\n";
    }

    /** One line per name: the name, its kind and a summary, aligned. */
    private String who() {
        Map<String, Value> bound = new LinkedHashMap<>();
        session.names().forEach(name -> bound.put(name, session.valueOf(name)));
        if (bound.isEmpty()) {
            return "no names are bound yet\n";
        }
        int nameWidth = 4;
        int kindWidth = 4;
        for (Map.Entry<String, Value> entry : bound.entrySet()) {
            nameWidth = Math.max(nameWidth, entry.getKey().length());
            kindWidth = Math.max(kindWidth, entry.getValue().kind().length());
        }
        String row = "%-" + nameWidth + "s  %-" + kindWidth + "s  %s";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, "name", "kind", "summary").stripTrailing()).append('\n');
        for (Map.Entry<String, Value> entry : bound.entrySet()) {
            out.append(String.format(Locale.ROOT, row, entry.getKey(), entry.getValue().kind(),
                    ValueSummary.of(entry.getValue())).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private void load(Cell.LineMagic magic, CellRun cell) {
        Path path = pathArgument(magic, cell, "%load needs the recipe file to run, as in %load fit.margo");
        if (path == null) {
            return;
        }
        SourceFile recipe;
        try {
            recipe = RecipeFile.read(folder.resolve(path));
        } catch (RecipeFile.Unreadable unreadable) {
            cell.fail(magic.line(), magic.argumentColumn(), magic.argument().length(),
                    unreadable.getMessage().replace(folder.resolve(path).toString(), path.toString()), null);
            return;
        }
        SourceFile named = new SourceFile(path.toString(), recipe.text());
        if (cell.run(session, named, RecipeFile.folderOf(folder.resolve(path)))) {
            ran("%load " + path, recipe.text());
        }
    }

    /**
     * Writes the transcript as a recipe, after checking it as {@code margo check} would in the file's folder: a
     * session whose cells do not make a recipe (a name defined in two cells, a data path that does not resolve from
     * there) writes nothing and says why, at the lines of the file it would have written.
     */
    private void save(Cell.LineMagic magic, CellRun cell) {
        String argument = magic.argument();
        boolean replace = argument.startsWith("-f ") || argument.equals("-f");
        Cell.LineMagic target = replace ? new Cell.LineMagic(magic.name(), argument.substring(2).strip(), magic.line(),
                magic.column(), magic.argumentColumn() + argument.indexOf(argument.substring(2).strip(), 2)) : magic;
        Path path = pathArgument(target, cell, "%save needs the file to write, as in %save session.margo");
        if (path == null) {
            return;
        }
        Path file = folder.resolve(path);
        int length = target.argument().length();
        if (transcript.isEmpty()) {
            cell.fail(magic.line(), magic.column(), 5, "nothing to save: no cell has run without an error yet", null);
            return;
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!replace) {
                cell.fail(target.line(), target.argumentColumn(), length, path + " exists; nothing was written",
                        "write %save -f " + path + " to replace it");
                return;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                cell.fail(target.line(), target.argumentColumn(), length, path
                        + " is not a regular file (a folder, link or device); nothing was written", null);
                return;
            }
        }
        String recipe = recipeText();
        Execution checked = new Session(RecipeFile.folderOf(file)).check(new SourceFile(path.toString(), recipe), Mode.RECIPE);
        if (checked.hasErrors()) {
            List<Diagnostic> problems = new ArrayList<>();
            problems.add(cell.error(magic.line(), magic.column(), magic.name().length() + 1, "the session's cells do not make a"
                    + " recipe that `margo run` accepts, so nothing was written; what " + path + " would say:",
                    "give a name defined in two cells one definition, or save where the data paths resolve"));
            problems.addAll(checked.diagnostics().stream().filter(Diagnostic::isError).toList());
            cell.fail(problems);
            return;
        }
        try {
            Path parent = RecipeFile.folderOf(file);
            Path temporary = Files.createTempFile(parent, ".margo-save-", ".tmp");
            Files.writeString(temporary, recipe, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException unwritable) {
            cell.fail(target.line(), target.argumentColumn(), length, "cannot write " + path + ": "
                    + DataFile.reason(unwritable), null);
            return;
        }
        cell.output().stdout("saved " + transcript.size() + (transcript.size() == 1 ? " part" : " parts")
                + " of the session to " + path + "; run it with `margo run " + path + "`\n");
    }

    /** The transcript as a recipe: each part under a comment that says where it came from. */
    private String recipeText() {
        StringBuilder out = new StringBuilder("# Saved from a Margo notebook: the cells that ran without an error, in"
                + " the order they ran.\n");
        for (Ran part : transcript) {
            out.append("\n# ").append(part.origin()).append('\n').append(part.text().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private void docs(Cell.LineMagic magic, CellRun cell) {
        String name = magic.argument();
        if (name.isEmpty()) {
            cell.output().display(markdown(documentation.all()));
            return;
        }
        documentation.describe(name).ifPresentOrElse(entry -> cell.output().display(markdown(entry)),
                () -> cell.fail(magic.line(), magic.argumentColumn(), name.length(),
                        "no built-in, setting or statement is called '" + name + "'",
                        hintFor(name, "%docs alone shows the whole reference")));
    }

    /** {@code did you mean X?} when a known name is near, else {@code otherwise}. */
    String hintFor(String name, String otherwise) {
        String near = Suggestions.didYouMean(name, documentation.names());
        return near == null ? otherwise : near;
    }

    private static MimeBundle markdown(String text) {
        return new MimeBundle(text).put("text/markdown", text);
    }

    private static void unknown(Cell.LineMagic magic, CellRun cell) {
        String written = "%" + magic.name();
        String message = magic.name().isEmpty() ? "a line that starts with % is a magic, and '%' alone names none"
                : Cell.isCellMagic(magic.name()) ? "%%time times a whole cell and goes on its first line"
                : "there is no magic " + written;
        List<String> names = MAGICS.stream().map(Usage::name).toList();
        String near = magic.name().isEmpty() ? null : Suggestions.closest(written, names);
        cell.fail(magic.line(), magic.column(), Math.max(1, written.length()), message,
                (near == null ? "" : "did you mean " + near + "? ") + "the magics are:\n" + list().stripTrailing());
    }

    private static boolean noArgument(Cell.LineMagic magic, CellRun cell) {
        if (magic.argument().isEmpty()) {
            return true;
        }
        cell.fail(magic.line(), magic.argumentColumn(), magic.argument().length(),
                "%" + magic.name() + " takes no argument", null);
        return false;
    }

    /** The path a magic names, bare or in double quotes; null (and the cell failed) when it names none. */
    private static Path pathArgument(Cell.LineMagic magic, CellRun cell, String usage) {
        String argument = magic.argument();
        if (argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")) {
            argument = argument.substring(1, argument.length() - 1);
        }
        if (argument.isBlank()) {
            cell.fail(magic.line(), magic.column(), magic.name().length() + 1, usage, null);
            return null;
        }
        try {
            return Path.of(argument);
        } catch (java.nio.file.InvalidPathException invalid) {
            cell.fail(magic.line(), magic.argumentColumn(), magic.argument().length(),
                    "'" + argument + "' is not a file path: " + invalid.getReason(), null);
            return null;
        }
    }
}
