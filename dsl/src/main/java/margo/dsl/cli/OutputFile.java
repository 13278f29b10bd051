package margo.dsl.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import margo.core.io.DataFile;
import margo.core.io.MessageText;
import picocli.CommandLine;

/**
 * The file {@code margo run --out FILE} writes, safely: never the recipe or a data file the run read, never
 * through a symbolic link unless asked ({@code --follow-symlinks}), and all or nothing: the output goes to a new
 * file in the target's folder, is flushed to disk and then renamed over the target (rename(2) is atomic within a
 * file system), so a failed write or a failed run leaves the previous output as it was. A target that exists and
 * is not a regular file ({@code /dev/null}, {@code /dev/stdout}, a named pipe) is written in place: renaming over
 * it would replace the device or pipe with a file.
 */
final class OutputFile {

    /** Most links followed from the named path, as Linux's SYMLOOP_MAX. */
    private static final int MAX_LINKS = 40;

    /** The path as the user wrote it, for messages. */
    private final Path named;
    /** Where the bytes go: {@link #named}, or the end of its links when following them. */
    private final Path target;

    private OutputFile(Path named, Path target) {
        this.named = named;
        this.target = target;
    }

    /**
     * The output file, checked before the run: a usage error when {@code named} is a symbolic link (and links are
     * not followed), a folder, in a folder that does not exist, or the recipe itself.
     */
    static OutputFile choose(CommandLine commandLine, Path named, Path recipe, boolean followSymlinks) {
        Path target = named;
        if (Files.isSymbolicLink(named)) {
            if (!followSymlinks) {
                throw refusal(commandLine, named, "it is a symbolic link (to " + linkText(named) + "); margo run"
                        + " writes through a link only with --follow-symlinks");
            }
            target = endOfLinks(commandLine, named);
        }
        if (Files.isDirectory(target)) {
            throw refusal(commandLine, named, "it is a folder");
        }
        Path folder = target.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw refusal(commandLine, named, "there is no folder " + folder);
        }
        if (sameFile(target, recipe)) {
            throw refusal(commandLine, named, "it is the recipe itself");
        }
        return new OutputFile(named, target);
    }

    /** Why the output must not be written over a file the run read, or null when it may be written. */
    String overwrites(List<Path> filesRead) {
        for (Path read : filesRead) {
            if (sameFile(target, read)) {
                return "margo: refusing to write --out " + MessageText.escape(named.toString()) + ": it is "
                        + MessageText.escape(read.toString()) + ", a data file the recipe read";
            }
        }
        return null;
    }

    /** Replaces the target by {@code content} in UTF-8, or leaves it untouched and throws. */
    void write(String content) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                writeAll(channel, content);
            }
            return;
        }
        Path folder = target.toAbsolutePath().normalize().getParent();
        Path temporary = newTemporary(folder);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                writeAll(channel, content);
                channel.force(true);
            }
            keepPermissions(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(temporary);
            throw failed;
        }
    }

    private static void writeAll(FileChannel channel, String content) throws IOException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** The message for a failed {@link #write}, naming the file and the reason. */
    String writeFailure(IOException failed) {
        return "margo: cannot write " + MessageText.escape(named.toString()) + ": " + DataFile.reason(failed)
                + "; the file is left as it was";
    }

    /** {@code .out.html.1f3a….tmp} beside the target, new, with the permissions a new file gets. */
    private Path newTemporary(Path folder) throws IOException {
        while (true) {
            Path candidate = folder.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
        }
    }

    /** A file replaced keeps its permissions, as it would if written in place. */
    private void keepPermissions(Path temporary) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException notPosix) {
                // Other file systems keep no such permissions to carry over.
            }
        }
    }

    private static Path endOfLinks(CommandLine commandLine, Path named) {
        Path path = named;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(path); i++) {
            try {
                Path link = Files.readSymbolicLink(path);
                Path parent = path.toAbsolutePath().getParent();
                path = parent == null ? link : parent.resolve(link);
            } catch (IOException unreadable) {
                throw refusal(commandLine, named, "its link cannot be read: " + DataFile.reason(unreadable));
            }
        }
        if (Files.isSymbolicLink(path)) {
            throw refusal(commandLine, named, "it is a chain of more than " + MAX_LINKS + " symbolic links");
        }
        return path;
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException unreadable) {
            return "an unreadable target";
        }
    }

    /** Whether two paths name one file: the same file when both exist (hard links too), else the same path. */
    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException cannotTell) {
            // Fall back to comparing the paths.
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static CommandLine.ParameterException refusal(CommandLine commandLine, Path named, String reason) {
        return new CommandLine.ParameterException(commandLine, "refusing to write --out " + named + ": " + reason);
    }
}
