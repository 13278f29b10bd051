package margo.core.market;

import java.io.Serializable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import margo.core.io.FileFormatException;
import margo.core.io.MessageText;

/**
 * A CSV file split into a header and records that remember their line numbers, so that a rejected row can be
 * named by the line a user sees in an editor. The one CSV reader of Margo's chains, books and histories:
 * RFC 4180 quoting ({@code "a,b"}, {@code ""} for a quote, a line break inside quotes), LF or CRLF line ends, a
 * leading byte order mark dropped, blank lines skipped. The text is streamed from a reader, never held whole.
 * Header names are matched case-insensitively.
 */
public final class CsvFile {

    /** One data record: the 1-based line number it starts on and its fields, as written. */
    public record Record(int lineNumber, List<String> fields) implements Serializable {
    }

    private final String name;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<Record> records;

    private CsvFile(String name, List<String> header, List<Record> records) {
        this.name = name;
        this.header = header;
        this.records = records;
        this.index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    /**
     * Reads the header and every record of {@code reader} (not closed here).
     *
     * @param name the file name, for messages
     * @param rows what the records hold, for messages: {@code options}, {@code positions}, {@code prices}
     * @throws FileFormatException when there is no header, no record, or a quoted field that never closes
     * @throws IOException         when the reader fails
     */
    public static CsvFile read(String name, Reader reader, String rows) throws IOException, FileFormatException {
        Records split = new Records(name, reader);
        List<String> header = split.next();
        if (header == null) {
            throw new FileFormatException(name + " is empty: expected a CSV header line and rows of " + rows);
        }
        List<String> names = new ArrayList<>(header.size());
        for (String field : header) {
            names.add(field.trim());
        }
        List<Record> records = new ArrayList<>();
        for (List<String> fields = split.next(); fields != null; fields = split.next()) {
            records.add(new Record(split.recordLine, fields));
        }
        if (records.isEmpty()) {
            throw new FileFormatException(name + " has a header but no rows of " + rows);
        }
        return new CsvFile(name, Collections.unmodifiableList(names), records);
    }

    /**
     * A file of records read elsewhere, such as the lines of some accounts gathered from the parts of a book that
     * a distributed engine read; each record keeps its line number in the whole file.
     *
     * @param header the column names, trimmed, as {@link #header()} of the whole file gives them
     */
    public static CsvFile of(String name, List<String> header, List<Record> records) {
        if (name == null || header == null || records == null) {
            throw new IllegalArgumentException("name, header and records must not be null");
        }
        return new CsvFile(name, List.copyOf(header), List.copyOf(records));
    }

    /**
     * The same file with the record at {@code index} (0-based among the records) as its header and the records after
     * it as its rows, for files that open with lines of their own before the header, such as Cboe's quotes.
     *
     * @throws FileFormatException when no record follows the new header
     */
    public CsvFile headedAt(int index, String rows) throws FileFormatException {
        List<String> names = new ArrayList<>();
        for (String field : records.get(index).fields()) {
            names.add(field.trim());
        }
        List<Record> after = records.subList(index + 1, records.size());
        if (after.isEmpty()) {
            throw new FileFormatException(name + " has a header on line " + records.get(index).lineNumber()
                    + " but no rows of " + rows);
        }
        return new CsvFile(name, Collections.unmodifiableList(names), List.copyOf(after));
    }

    /** The column names, as written. */
    public List<String> header() {
        return header;
    }

    /** The data records, in file order. */
    public List<Record> records() {
        return records;
    }

    /** Whether the header has the column (any case). */
    public boolean has(String column) {
        return index.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /**
     * The trimmed text of a record's field by column name (any case); empty when the header has no such column
     * (or the column is null).
     * The record must have as many fields as the header ({@link #fieldCountProblem}).
     */
    public String value(Record record, String column) {
        Integer i = column == null ? null : index.get(column.toLowerCase(Locale.ROOT));
        return i == null ? "" : record.fields().get(i).trim();
    }

    /** Why a record cannot be read by column, {@code has 3 fields but the header has 4}; null when it can. */
    public String fieldCountProblem(Record record) {
        return record.fields().size() == header.size() ? null
                : "has " + record.fields().size() + " fields but the header has " + header.size();
    }

    /**
     * Fails unless every column is present.
     *
     * @param format the format being read, for the message
     * @throws FileFormatException naming the first missing column and listing the columns found
     */
    public void requireColumns(String format, String... columns) throws FileFormatException {
        for (String column : columns) {
            if (!has(column)) {
                throw new FileFormatException(name + " is read as " + format + " but has no column '" + column
                        + "'; its columns are " + MessageText.value(String.join(", ", header)));
            }
        }
    }

    /** The fields of one record by column name; a record with the wrong number of fields is rejected. */
    RowFields fields(Record record) throws RowException {
        String problem = fieldCountProblem(record);
        if (problem != null) {
            throw new RowException(problem);
        }
        return new RowFields() {
            @Override
            String text(String field) {
                String value = value(record, field);
                return value.isEmpty() ? null : value;
            }
        };
    }

    /** Splits a stream of characters into records, one call at a time, counting lines. */
    private static final class Records {
        private final String name;
        private final Reader reader;
        private final char[] buffer = new char[1 << 16];
        private int length;
        private int position;
        private int line = 1;
        /** The line the record last returned starts on. */
        int recordLine;

        Records(String name, Reader reader) {
            this.name = name;
            this.reader = reader;
        }

        /** The next record that is not a blank line, or null at the end of the text. */
        List<String> next() throws IOException, FileFormatException {
            while (true) {
                int start = line;
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quotedAny = false;
                int c = read();
                if (c < 0) {
                    return null;
                }
                if (start == 1 && c == '\uFEFF') {
                    c = read();
                }
                while (c >= 0 && c != '\n') {
                    if (c == '"' && field.toString().isBlank()) {
                        quotedAny = true;
                        field.setLength(0);
                        readQuoted(field, start);
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else if (c != '\r') {
                        field.append((char) c);
                    }
                    c = read();
                }
                if (c == '\n') {
                    line++;
                }
                if (fields.isEmpty() && !quotedAny && field.toString().isBlank()) {
                    if (c < 0) {
                        return null;
                    }
                    continue;
                }
                fields.add(field.toString());
                recordLine = start;
                return fields;
            }
        }

        /** The rest of a quoted field, after its opening quote, up to its closing quote. */
        private void readQuoted(StringBuilder field, int recordStart) throws IOException, FileFormatException {
            int opened = line;
            while (true) {
                int c = read();
                if (c < 0) {
                    throw new FileFormatException(name + " line " + opened + ": a quoted field opens here and"
                            + " never closes" + (opened == recordStart ? "" : " (the record starts on line "
                            + recordStart + ")"));
                }
                if (c == '"') {
                    if (peek() != '"') {
                        return;
                    }
                    read();
                } else if (c == '\n') {
                    line++;
                } else if (c == '\r' && peek() == '\n') {
                    continue;
                }
                field.append((char) c);
            }
        }

        private int read() throws IOException {
            if (position == length && !fill()) {
                return -1;
            }
            return buffer[position++];
        }

        private int peek() throws IOException {
            if (position == length && !fill()) {
                return -1;
            }
            return buffer[position];
        }

        private boolean fill() throws IOException {
            int n;
            do {
                n = reader.read(buffer, 0, buffer.length);
            } while (n == 0);
            length = Math.max(n, 0);
            position = 0;
            return n > 0;
        }
    }
}
