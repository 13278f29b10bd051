package margo.dsl.engine;

import java.nio.file.Path;
import margo.core.margin.BookFormatException;
import margo.core.margin.PositionPricer;

/**
 * A distributed engine a recipe runs on ({@code margo run RECIPE --engine spark}): the statements that are the same
 * computation repeated per account (margin, stress, attribution of a book) run as its jobs over the book in parts;
 * every other statement runs in the driver as without it. Open for one run; closing it stops the engine's session.
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

    @Override
    void close();
}
