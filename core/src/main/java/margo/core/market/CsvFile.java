package margo.core.market;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file split into a header and records that remember their line numbers, so that a rejected row
 * can be named by the line a user sees in an editor. RFC 4180 quoting ({@code "a,b"}, {@code ""} for a
 * quote) within a line; blank lines are skipped. Header names are matched case-insensitively.
 */
final class CsvFile {

    /** One data line: its 1-based line number in the file and its fields. */
    record Record(int lineNumber, List<String> fields) {
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
     * Splits {@code content} into lines and fields.
     *
     * @param name the file name, for messages
     * @throws ChainFormatException when there is no header or no data line
     */
    static CsvFile parse(String name, String content) throws ChainFormatException {
        return parse(name, content, "options");
    }

    /**
     * Splits {@code content} into lines and fields.
     *
     * @param name the file name, for messages
     * @param rows what the data lines hold, for messages: {@code options}, {@code prices}
     * @throws ChainFormatException when there is no header or no data line
     */
    static CsvFile parse(String name, String content, String rows) throws ChainFormatException {
        String[] lines = content.split("\r?\n", -1);
        List<String> header = null;
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = splitLine(line);
            if (header == null) {
                header = new ArrayList<>();
                for (String field : fields) {
                    header.add(field.trim());
                }
            } else {
                records.add(new Record(i + 1, fields));
            }
        }
        if (header == null) {
            throw new ChainFormatException(name + " is empty: expected a CSV header line and rows of " + rows);
        }
        if (records.isEmpty()) {
            throw new ChainFormatException(name + " has a header but no rows of " + rows);
        }
        return new CsvFile(name, Collections.unmodifiableList(header), records);
    }

    /** The column names, as written. */
    List<String> header() {
        return header;
    }

    /** The data lines, in file order. */
    List<Record> records() {
        return records;
    }

    /** Whether the header has the column (any case). */
    boolean has(String column) {
        return index.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /**
     * Fails unless every column is present.
     *
     * @param format the format being read, for the message
     * @throws ChainFormatException naming the first missing column and listing the columns found
     */
    void requireColumns(String format, String... columns) throws ChainFormatException {
        for (String column : columns) {
            if (!has(column)) {
                throw new ChainFormatException(name + " is read as " + format + " but has no column '" + column
                        + "'; its columns are " + String.join(", ", header));
            }
        }
    }

    /** The fields of one record by column name; a record with the wrong number of fields is rejected. */
    RowFields fields(Record record) throws RowException {
        if (record.fields().size() != header.size()) {
            throw new RowException("has " + record.fields().size() + " fields but the header has " + header.size());
        }
        return new RowFields() {
            @Override
            String text(String field) {
                Integer i = index.get(field.toLowerCase(Locale.ROOT));
                if (i == null) {
                    return null;
                }
                String value = record.fields().get(i).trim();
                return value.isEmpty() ? null : value;
            }
        };
    }

    private static List<String> splitLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
