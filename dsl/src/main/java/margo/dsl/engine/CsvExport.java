package margo.dsl.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The CSV file {@code export TABLE to "PATH.csv"} writes, the same bytes whether the table was made here or by an
 * engine's workers part by part. RFC 4180: one header line of the column names, then one line per row, fields
 * separated by commas and quoted when they hold a comma, a quote or a line break; lines end in {@code \n}. A number
 * is written as {@link Double#toString}, which reads back to the same double, a number with no value (NaN) as an
 * empty field, and any other value as the table shows it.
 *
 * <p>All or nothing: the file is put together beside the target, flushed to disk and renamed over it, so a failed
 * export leaves the previous file as it was. An engine writes each part's rows to a fragment in a folder beside the
 * target ({@link #partsFolder}), and the driver {@linkplain #commit commits} them in the book's order.
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** Writes the whole table to {@code target}, replacing it. */
    public static void write(Path target, Table table) throws IOException {
        Path folder = partsFolder(target);
        try {
            Path fragment = folder.resolve("part-00000.csv");
            writeRows(fragment, table);
            commit(target, header(table), List.of(fragment));
        } finally {
            deleteFolder(folder);
        }
    }

    /** The table's header line, with its line end. */
    public static String header(Table table) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < table.columnCount(); i++) {
            line.append(i == 0 ? "" : ",").append(field(table.column(i).name()));
        }
        return line.append('\n').toString();
    }

    /** Writes the table's rows, without the header, to a new fragment file. */
    public static void writeRows(Path fragment, Table table) throws IOException {
        try (Writer out = Files.newBufferedWriter(fragment, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            for (int row = 0; row < table.rowCount(); row++) {
                for (int i = 0; i < table.columnCount(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(cell(table.column(i), row));
                }
                out.write('\n');
            }
        }
    }

    /** A new, empty folder beside the target for the fragments of one export: {@code .NAME.parts-1f3a…}. */
    public static Path partsFolder(Path target) throws IOException {
        Path folder = target.toAbsolutePath().normalize().getParent();
        while (true) {
            Path candidate = folder.resolve("." + target.getFileName() + ".parts-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
        }
    }

    /** The header and then every fragment's bytes in order, as one file renamed over {@code target}. */
    public static void commit(Path target, String header, List<Path> fragments) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().normalize().getParent(),
                "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(header.getBytes(StandardCharsets.UTF_8));
                for (Path fragment : fragments) {
                    Files.copy(fragment, out);
                }
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(temporary);
            throw failed;
        }
    }

    /** Removes a fragments folder and what is in it. */
    public static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
    }

    private static String cell(Column<?> column, int row) {
        if (column instanceof DoubleColumn numbers) {
            double value = numbers.getDouble(row);
            return Double.isNaN(value) ? "" : Double.toString(value);
        }
        return column.isMissing(row) ? "" : field(column.getString(row));
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
