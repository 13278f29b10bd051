package margo.core.market;

import java.util.ArrayList;
import java.util.List;

/** Reads rows into quotes, turning each rejected row into a {@link RowProblem} instead of stopping. */
final class QuoteRows {

    /** Reads one row; throws {@link RowException} to reject it. */
    interface Reader {
        RawQuote read(int rowNumber, RowFields fields) throws RowException;
    }

    final List<RawQuote> quotes = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    private final String instrumentField;
    private final RowProblem.Origin origin;

    /**
     * @param instrumentField the field naming the instrument, quoted in problems when it can be read
     * @param origin          whether rows are CSV lines or JSON entries
     */
    QuoteRows(String instrumentField, RowProblem.Origin origin) {
        this.instrumentField = instrumentField;
        this.origin = origin;
    }

    /** Reads every record of a CSV file. */
    static QuoteRows readCsv(CsvFile csv, String instrumentField, Reader reader) {
        QuoteRows rows = new QuoteRows(instrumentField, RowProblem.Origin.CSV_LINE);
        for (CsvFile.Record record : csv.records()) {
            RowFields fields;
            try {
                fields = csv.fields(record);
            } catch (RowException e) {
                rows.reject(record.lineNumber(), null, e.getMessage());
                continue;
            }
            rows.read(record.lineNumber(), fields, reader);
        }
        return rows;
    }

    /** Reads one row, recording the quote or the problem. */
    void read(int rowNumber, RowFields fields, Reader reader) {
        try {
            quotes.add(reader.read(rowNumber, fields));
        } catch (RowException e) {
            reject(rowNumber, instrumentField == null ? null : fields.text(instrumentField), e.getMessage());
        }
    }

    /** Records a row that could not be read. */
    void reject(int rowNumber, String instrument, String reason) {
        problems.add(new RowProblem(rowNumber, instrument, reason, origin));
    }
}
