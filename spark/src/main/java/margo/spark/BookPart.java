package margo.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.BookFormatException;
import margo.core.margin.BookLoad;
import margo.core.margin.PositionPricer;
import margo.core.market.CsvFile;
import margo.core.market.RowProblem;
import margo.dsl.engine.BookTask;
import margo.dsl.engine.TaskFailure;
import scala.Tuple2;

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
        try {
            return TableBlock.of(task.rows(book));
        } catch (RuntimeException failed) {
            List<Account> accounts = book.accounts();
            throw new TaskFailure(index, partitions, accounts.isEmpty() ? null : accounts.getFirst().name(),
                    accounts.isEmpty() ? null : accounts.getLast().name(), failed instanceof IllegalArgumentException,
                    failed.getMessage());
        }
    }
}
