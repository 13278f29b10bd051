package margo.dsl.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import margo.core.margin.Book;
import margo.core.market.RowProblem;
import tech.tablesaw.api.Table;

/**
 * A book file that an {@link Engine} holds in parts, by account, never whole in one JVM. Each part is read and checked
 * by core's book reader ({@code BookCsv}), so a row is rejected or warned about exactly as when the file is read
 * whole, with its line in the file.
 */
public interface PartitionedBook {

    /** The rows left out of the book, with their line and reason, in file order (as {@code BookLoad.problems}). */
    List<RowProblem> problems();

    /** The rows kept that look like a mistake, in file order (as {@code BookLoad.warnings}). */
    List<RowProblem> warnings();

    /**
     * Every part's accounts gathered here, in the book's order: the book as read whole, for a statement that does
     * not run per account (a what-if, a figure, a hedge).
     */
    Book whole();

    /**
     * The task's rows of every part, put together in the book's order: the same table, bit for bit, as the task
     * gives for the whole book, whatever the partitioning.
     *
     * @throws TaskFailure         when the task fails on a part, naming it
     * @throws NotDistributable when the task cannot be sent to the engine's workers (it holds a value that is not
     *                             serialisable, such as a custom rule's formulas)
     */
    Table rows(BookTask task);

    /**
     * The task's rows of every part written to a CSV file as {@link CsvExport} writes a table: each part's rows to a
     * fragment written where the part is, then the fragments put together in the book's order and renamed over the
     * target. The file has the bytes {@code CsvExport.write} gives for {@link #rows}, and the rows never gather in
     * one JVM. The target's folder must be one every worker can write.
     *
     * @return the number of rows written
     * @throws TaskFailure         when the task fails on a part, naming it
     * @throws NotDistributable when the task cannot be sent to the engine's workers
     * @throws IOException         when a fragment or the file cannot be written; the target is then as it was
     */
    long exportCsv(BookTask task, Path target) throws IOException;

    /**
     * The task's rows of every part written to a Parquet data set, a folder of one file per part named in the book's
     * order ({@code part-00000-…}, {@code part-00001-…}), each file's rows in the book's order: the columns and values
     * of {@link #rows}, bit for bit. The data set is written in a hidden folder beside the target, then renamed over
     * it.
     *
     * @return the number of rows written
     * @throws TaskFailure      when the task fails on a part, naming it
     * @throws NotDistributable when the task cannot be sent to the engine's workers
     * @throws IOException      when the data set cannot be written; the target is then as it was
     */
    long exportParquet(BookTask task, Path target) throws IOException;
}
