package margo.dsl.engine;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import margo.core.margin.BookFormatException;
import margo.core.margin.PositionPricer;
import tech.tablesaw.api.Table;

/**
 * A distributed engine a recipe runs on ({@code margo run RECIPE --engine spark}): the statements that are the same
 * computation repeated per account (margin, stress, attribution and the backtest of a book) run as its jobs over the
 * book in parts, and the cold fits of a series' snapshots one task each; every other statement runs in the driver as
 * without it. Open for one run; closing it stops the engine's session.
 */
public interface Engine extends AutoCloseable {

    /** The engine's name, {@code spark}. */
    String name();

    /**
     * A book file held in parts by account, read and checked against the pricer's market.
     *
     * @param file the book's CSV file (or Parquet, by its {@code .parquet} name), which every worker can read
     * @throws BookFormatException when the file cannot be read as a book at all (no header, a required column
     *                             missing), with core's message
     */
    PartitionedBook book(Path file, PositionPricer pricer) throws BookFormatException;

    /**
     * The task applied to every item, each item a task of its own on the engine's workers, the results in the items'
     * order: what the task gives for each item here, bit for bit.
     *
     * @throws TaskFailure      when the task fails on an item; its partition is the item's index
     * @throws NotDistributable when the task or an item cannot be sent to the workers
     */
    <T extends Serializable, R extends Serializable> List<R> map(List<T> items, ItemTask<T, R> task);

    /**
     * A table made in the driver written to a Parquet data set as {@link PartitionedBook#exportParquet} writes a
     * book's rows (there is no Parquet writer without an engine).
     *
     * @return the number of rows written
     * @throws IOException when the data set cannot be written; the target is then as it was
     */
    long exportParquet(Table table, Path target) throws IOException;

    @Override
    void close();
}
