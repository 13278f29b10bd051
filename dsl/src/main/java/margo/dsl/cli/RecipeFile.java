package margo.dsl.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import margo.core.io.DataFile;
import margo.dsl.syntax.SourceFile;
import picocli.CommandLine;

/**
 * Reads the recipe a command (or the kernel's {@code %load}) names; a file that cannot be read is an error with one
 * clear line. Like a data file, a recipe must be a regular file (a pipe or device would block or never end) of at
 * most 16 MiB.
 */
public final class RecipeFile {

    /** The largest recipe read: recipes are a few kilobytes; a larger file is almost surely data. */
    static final long MAX_BYTES = 16L << 20;

    /** A recipe that cannot be read; the message says which and why, on one line. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private RecipeFile() {
    }

    /** The recipe's text, reported under the path as the user wrote it. */
    public static SourceFile read(Path path) throws Unreadable {
        DataFile.Refused problem = DataFile.problem(path, MAX_BYTES);
        if (problem != null) {
            throw new Unreadable("cannot read " + path + ": " + problem.getMessage());
        }
        try {
            return new SourceFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (MalformedInputException notText) {
            throw new Unreadable("cannot read " + path + ": it is not UTF-8 text");
        } catch (IOException unreadable) {
            throw new Unreadable("cannot read " + path + ": " + DataFile.reason(unreadable));
        }
    }

    /** {@link #read(Path)} for a command: a file that cannot be read is a usage error. */
    static SourceFile read(CommandLine commandLine, Path path) {
        try {
            return read(path);
        } catch (Unreadable unreadable) {
            throw new CommandLine.ParameterException(commandLine, unreadable.getMessage());
        }
    }

    /** The folder data paths in the recipe resolve against. */
    public static Path folderOf(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
