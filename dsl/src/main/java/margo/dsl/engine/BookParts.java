package margo.dsl.engine;

import java.io.IOException;
import java.nio.file.Path;
import margo.core.margin.Book;
import tech.tablesaw.api.Table;

/**
 * A partitioned book as a recipe binds it: the engine's parts and what the recipe changes in each (the coin's
 * haircut), so that every statement sees the book the in-process run would.
 */
public record BookParts(PartitionedBook parts, BookAdjustment adjustment) {

    public BookParts {
        if (parts == null || adjustment == null) {
            throw new IllegalArgumentException("parts and adjustment must not be null");
        }
    }

    /** The task's rows of the adjusted book, as {@link PartitionedBook#rows}. */
    public Table rows(BookTask task) {
        BookAdjustment adjust = adjustment;
        return parts.rows(part -> task.rows(adjust.apply(part)));
    }

    /** The task's rows of the adjusted book written to a CSV file, as {@link PartitionedBook#exportCsv}. */
    public long exportCsv(BookTask task, Path target) throws IOException {
        BookAdjustment adjust = adjustment;
        return parts.exportCsv(part -> task.rows(adjust.apply(part)), target);
    }

    /** The task's rows of the adjusted book written to a Parquet data set, as {@link PartitionedBook#exportParquet}. */
    public long exportParquet(BookTask task, Path target) throws IOException {
        BookAdjustment adjust = adjustment;
        return parts.exportParquet(part -> task.rows(adjust.apply(part)), target);
    }

    /** The adjusted book gathered whole, as {@link PartitionedBook#whole}. */
    public Book whole() {
        return adjustment.apply(parts.whole());
    }

    /** These parts with {@code next} applied after the adjustment so far. */
    public BookParts adjusted(BookAdjustment next) {
        BookAdjustment first = adjustment;
        return new BookParts(parts, part -> next.apply(first.apply(part)));
    }
}
