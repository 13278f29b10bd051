package margo.spark;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import margo.core.io.FileFormatException;
import margo.core.market.CsvFile;
import scala.Tuple2;

/**
 * The lines of a book file as a partition of Spark's text file holds them, split into CSV records by core's
 * {@link CsvFile} and keyed by account, each with its line in the whole file; then one account's lines in file
 * order, keyed by its first line so that sorting the accounts by key puts them in the book's order.
 *
 * <p>A record is read within its part of the file: a quoted field with a line break inside it that falls across
 * two parts is read as two broken rows, each reported at its line (books have no such fields).
 */
final class BookLines {

    private BookLines() {
    }

    /**
     * The records of one part of the file, each with its line in the whole file, keyed by account: its account
     * field, or for a record whose fields cannot be read by column a key of its own, so that core reports it alone.
     *
     * @param headerLine  the header's text, which is prepended so that core reads the part as a file
     * @param headerIndex the header's 0-based index among the file's lines; lines up to it are not records
     */
    static Iterator<Tuple2<String, CsvFile.Record>> byAccount(String name, String headerLine, long headerIndex,
                                                    List<String> header, Iterator<Tuple2<String, Long>> part)
            throws IOException {
        StringBuilder text = new StringBuilder(headerLine);
        List<Long> numbers = new ArrayList<>();
        boolean blank = true;
        while (part.hasNext()) {
            Tuple2<String, Long> line = part.next();
            if (line._2() > headerIndex) {
                text.append('\n').append(line._1());
                numbers.add(line._2() + 1);
                blank &= line._1().isEmpty();
            }
        }
        if (blank) {
            return List.<Tuple2<String, CsvFile.Record>>of().iterator();
        }
        CsvFile csv;
        try {
            csv = CsvFile.read(name, new StringReader(text.toString()), "positions or collateral");
        } catch (FileFormatException malformed) {
            throw new IllegalArgumentException(malformed.getMessage(), malformed);
        }
        CsvFile columns = CsvFile.of(name, header, List.of());
        List<Tuple2<String, CsvFile.Record>> keyed = new ArrayList<>(numbers.size());
        for (CsvFile.Record joined : csv.records()) {
            int line = Math.toIntExact(numbers.get(joined.lineNumber() - 2));
            CsvFile.Record record = new CsvFile.Record(line, joined.fields());
            String key = columns.fieldCountProblem(record) == null ? columns.value(record, "account")
                    : "\u0000line " + line;
            keyed.add(new Tuple2<>(key, record));
        }
        return keyed.iterator();
    }

    /** One account's lines in file order, keyed by the first. */
    static Tuple2<Integer, List<CsvFile.Record>> ordered(Iterable<CsvFile.Record> account) {
        List<CsvFile.Record> records = new ArrayList<>();
        account.forEach(records::add);
        records.sort(Comparator.comparingInt(CsvFile.Record::lineNumber));
        return new Tuple2<>(records.getFirst().lineNumber(), records);
    }
}
