package margo.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import margo.core.io.DataFile;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.BookFormatException;
import margo.core.margin.BookLoad;
import margo.core.margin.PositionPricer;
import margo.core.market.CsvFile;
import margo.core.market.RowProblem;
import margo.dsl.engine.BookTask;
import margo.dsl.engine.CsvExport;
import margo.dsl.engine.TaskFailure;
import scala.Tuple2;
import tech.tablesaw.api.Table;

/**
 * One part of a partitioned book, as core read it: its accounts in book order and the problems of its rows.
 *
 * @param index      the part, from 0
 * @param partitions how many parts the book has
 */
record BookPart(int index, int partitions, Book book, List<RowProblem> problems, List<RowProblem> warnings)
        implements Serializable {

    /** What the driver needs of a part to report its rows: no positions. */
    record Rows(List<RowProblem> problems, List<RowProblem> warnings) implements Serializable {
    }

    /** Core's reading of the accounts' records, which come in book order. */
    static BookPart read(int index, int partitions, String name, List<String> header,
                         Iterator<Tuple2<Integer, List<CsvFile.Record>>> accounts, PositionPricer pricer,
                         RowProblem.Origin origin) {
        List<CsvFile.Record> records = new ArrayList<>();
        accounts.forEachRemaining(account -> records.addAll(account._2()));
        BookLoad load;
        try {
            load = BookCsv.fromRecords(name, header, records, pricer, origin);
        } catch (BookFormatException impossible) {
            throw new IllegalStateException("the header was checked in the driver", impossible);
        }
        return new BookPart(index, partitions, load.book(), load.problems(), load.warnings());
    }

    Rows rows() {
        return new Rows(problems, warnings);
    }

    /** The task's rows of this part; a failure names the part and its accounts. */
    TableBlock rows(BookTask task) {
        return TableBlock.of(table(task));
    }

    /**
     * The task's rows of this part written to {@code part-NNNNN.csv} in the export's folder ({@link CsvExport}), for
     * the driver to commit in order; a failure names the part and its accounts.
     */
    Exported exportCsv(BookTask task, String folder) {
        Table rows = table(task);
        Path fragment = Path.of(folder, String.format(Locale.ROOT, "part-%05d.csv", index));
        try {
            CsvExport.writeRows(fragment, rows);
        } catch (IOException failed) {
            throw failure(false, "cannot write " + fragment + ": " + DataFile.reason(failed));
        }
        return new Exported(CsvExport.header(rows), fragment.toString(), rows.rowCount());
    }

    /** A part's rows written: the table's header line, the fragment's path and how many rows it holds. */
    record Exported(String header, String fragment, long rows) implements Serializable {
    }

    private Table table(BookTask task) {
        try {
            return task.rows(book);
        } catch (RuntimeException failed) {
            throw failure(failed instanceof IllegalArgumentException, failed.getMessage());
        }
    }

    private TaskFailure failure(boolean rejected, String message) {
        List<Account> accounts = book.accounts();
        return new TaskFailure(index, partitions, accounts.isEmpty() ? null : accounts.getFirst().name(),
                accounts.isEmpty() ? null : accounts.getLast().name(), rejected, message);
    }
}
