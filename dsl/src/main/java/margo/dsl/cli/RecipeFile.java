package margo.dsl.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import margo.dsl.syntax.SourceFile;
import picocli.CommandLine;

/** Reads the recipe a command names; a file that cannot be read is a usage error with one clear line. */
final class RecipeFile {

    private RecipeFile() {
    }

    /** The recipe's text, reported under the path as the user wrote it. */
    static SourceFile read(CommandLine commandLine, Path path) {
        if (!Files.exists(path)) {
            throw new CommandLine.ParameterException(commandLine, "cannot read " + path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new CommandLine.ParameterException(commandLine, "cannot read " + path + ": it is a folder");
        }
        try {
            return new SourceFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (MalformedInputException notText) {
            throw new CommandLine.ParameterException(commandLine, "cannot read " + path + ": it is not UTF-8 text");
        } catch (IOException unreadable) {
            throw new CommandLine.ParameterException(commandLine, "cannot read " + path + ": " + unreadable.getMessage());
        }
    }

    /** The folder data paths in the recipe resolve against. */
    static Path folderOf(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
