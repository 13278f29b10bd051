package margo.dsl.engine;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.BookFormatException;
import margo.core.margin.BookLoad;
import margo.core.margin.PositionPricer;
import margo.core.market.RowProblem;
import tech.tablesaw.api.Table;

/**
 * An engine for the dsl's tests ({@code --engine in-process}): each book is one part read whole by core, and nothing
 * works once the engine is closed, as a stopped Spark session refuses every job.
 */
public final class InProcessEngine implements Engine {

    /** Its provider, registered for the tests in {@code META-INF/services}. */
    public static final class Provider implements EngineProvider {
        @Override
        public String name() {
            return "in-process";
        }

        @Override
        public Engine start(Map<String, String> settings) {
            return new InProcessEngine();
        }
    }

    private boolean closed;

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public PartitionedBook book(Path file, PositionPricer pricer) throws BookFormatException {
        BookLoad load = BookCsv.load(file, pricer, Long.MAX_VALUE);
        return new PartitionedBook() {
            @Override
            public List<RowProblem> problems() {
                return load.problems();
            }

            @Override
            public List<RowProblem> warnings() {
                return load.warnings();
            }

            @Override
            public Book whole() {
                requireOpen();
                return load.book();
            }

            @Override
            public Table rows(BookTask task) {
                requireOpen();
                return task.rows(load.book());
            }

            @Override
            public long exportCsv(BookTask task, Path target) throws IOException {
                Table rows = rows(task);
                CsvExport.write(target, rows);
                return rows.rowCount();
            }

            @Override
            public long exportParquet(BookTask task, Path target) throws IOException {
                return InProcessEngine.this.exportParquet(rows(task), target);
            }
        };
    }

    @Override
    public long exportParquet(Table table, Path target) throws IOException {
        throw new IOException("the in-process test engine writes no Parquet");
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, ItemTask<T, R> task) {
        requireOpen();
        List<R> results = new ArrayList<>();
        items.forEach(item -> results.add(task.apply(item)));
        return results;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
