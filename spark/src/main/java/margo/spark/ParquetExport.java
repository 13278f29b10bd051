package margo.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import margo.core.io.DataFile;
import margo.dsl.engine.CsvExport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Parquet data set {@code export TABLE to "PATH.parquet"} writes on Spark: a folder of one file per partition,
 * written by Spark's Parquet writer where each partition is and named by its index ({@code part-00000-…},
 * {@code part-00001-…}), so the files taken in the order of their names, and each file's rows in order, are the
 * table's rows in order. The columns are the table's: text, doubles (their bits, NaN for no value),
 * integers and booleans.
 *
 * <p>The data set is written into a hidden folder beside the target ({@link CsvExport#partsFolder}) and renamed over
 * the target only once every partition is written, so a failed export leaves no partial output and the previous data
 * set as it was. Replacing a previous one takes two renames (the old one aside, the new one in its place), between
 * which the target is briefly absent; the old one is then deleted. A folder that holds anything but a Parquet data
 * set's files is never replaced.
 */
final class ParquetExport {

    private ParquetExport() {
    }

    /** Writes the rows, in their partitions' order, to {@code target}, replacing it. */
    static void write(Dataset<Row> rows, Path target) throws IOException {
        requireDataSetOrAbsent(target);
        Path folder = CsvExport.partsFolder(target);
        try {
            Path written = folder.resolve(target.getFileName());
            rows.write().parquet(written.toUri().toString());
            commit(written, target, folder.resolve("previous"));
        } finally {
            CsvExport.deleteFolder(folder);
        }
    }

    private static void commit(Path written, Path target, Path aside) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failed) {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            throw failed;
        }
    }

    /** A target that is a folder must hold only a data set's files: its parts, Spark's marker and checksums. */
    private static void requireDataSetOrAbsent(Path target) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.list(target)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean part = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && (name.endsWith(".parquet") || name.equals("_SUCCESS") || name.endsWith(".crc"));
                if (!part) {
                    throw new DataFile.Refused("the folder holds " + name + ", which is not a file of a Parquet data"
                            + " set, so it is not replaced");
                }
            }
        }
    }
}
