package margo.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margo.core.market.CsvFile;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The rows of a Parquet book as the records core's book reader takes: each value written as text (a number as
 * {@link Double#toString}, which reads back to the same double; null as empty), numbered from 1 across the data set's
 * files taken in the order of their paths, and keyed by account as {@link BookLines} keys a CSV file's lines.
 */
final class ParquetRows {

    /** The hidden columns Spark gives a Parquet row: its file and its index in that file. */
    static final String FILE = "_margo_file";
    static final String INDEX = "_margo_row";

    private ParquetRows() {
    }

    /**
     * A row's record and account.
     *
     * @param row     the book's columns, then its file and its index in that file
     * @param header  the book's column names
     * @param offsets for each file, how many rows the files before it hold
     */
    static Tuple2<String, CsvFile.Record> keyed(Row row, String name, List<String> header, Map<String, Long> offsets) {
        int width = header.size();
        List<String> fields = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            fields.add(text(row.get(i)));
        }
        long number = offsets.get(row.getString(width)) + row.getLong(width + 1) + 1;
        CsvFile.Record record = new CsvFile.Record(Math.toIntExact(number), fields);
        CsvFile columns = CsvFile.of(name, header, List.of());
        return new Tuple2<>(columns.value(record, "account"), record);
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Double number -> Double.toString(number);
            case Float number -> Float.toString(number);
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }
}
