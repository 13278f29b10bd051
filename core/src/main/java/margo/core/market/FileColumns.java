package margo.core.market;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import margo.core.io.MessageText;
import margo.core.io.NearestName;

/**
 * Which column of one file holds each {@link ChainField}: the {@link ChainLayout}'s column where it maps the field,
 * else the first of the format's own names the file has. A column the layout maps to one field is not read under
 * its own name for another: with {@code forward "underlying"}, a generic file's {@code underlying} column is the
 * forward and no longer the asset.
 */
final class FileColumns {

    /** A format's own names for the fields it reads, and what it says of the fields it cannot take from a column. */
    record Format(String noun, Map<ChainField, List<String>> names, Set<ChainField> mappableOnly, String unmappable,
                  Set<String> otherColumnsRead) {

        /**
         * @param noun              the format in messages: {@code a Deribit book summary CSV}
         * @param names             the format's names for each field it reads from a column, first preferred
         * @param mappableOnly      fields the format has no column for but reads when a layout names one
         * @param unmappable        why the other fields cannot be mapped (e.g. they come from the instrument name),
         *                          or null when every field is mappable
         * @param otherColumnsRead  columns read that are no field, such as Deribit's {@code underlying_index}
         */
        Format {
            names = Map.copyOf(names);
            mappableOnly = Set.copyOf(mappableOnly);
            otherColumnsRead = Set.copyOf(otherColumnsRead);
        }

        boolean reads(ChainField field) {
            return names.containsKey(field) || mappableOnly.contains(field);
        }
    }

    private final String file;
    private final Format format;
    private final List<String> header;
    private final Map<ChainField, String> columns;
    private final ChainLayout layout;

    private FileColumns(String file, Format format, List<String> header, Map<ChainField, String> columns,
                        ChainLayout layout) {
        this.file = file;
        this.format = format;
        this.header = header;
        this.columns = columns;
        this.layout = layout;
    }

    /**
     * The columns of a file with the given header.
     *
     * @throws ChainFormatException when the layout maps a field the format cannot take from a column, or names a
     *                              column the file does not have
     */
    static FileColumns resolve(String file, Format format, ChainLayout layout, Collection<String> header)
            throws ChainFormatException {
        List<String> names = List.copyOf(header);
        Map<String, String> byLowerCase = new java.util.HashMap<>();
        for (String column : names) {
            byLowerCase.putIfAbsent(column.toLowerCase(Locale.ROOT), column);
        }
        Map<ChainField, String> columns = new EnumMap<>(ChainField.class);
        Set<String> mapped = new HashSet<>();
        for (Map.Entry<ChainField, String> entry : layout.columns().entrySet()) {
            ChainField field = entry.getKey();
            if (!format.reads(field)) {
                throw new ChainFormatException(file + " is read as " + format.noun() + ", which "
                        + format.unmappable() + ": the layout cannot map " + field.label() + " \"" + entry.getValue()
                        + "\"");
            }
            String column = byLowerCase.get(entry.getValue().toLowerCase(Locale.ROOT));
            if (column == null) {
                String near = NearestName.closest(entry.getValue(), names);
                throw new ChainFormatException("the layout reads " + field.label() + " from the column '"
                        + MessageText.value(entry.getValue()) + "', which " + file + " does not have"
                        + (near == null ? "" : " (did you mean " + MessageText.value(near) + "?)") + "; its columns are "
                        + list(names));
            }
            columns.put(field, column);
            mapped.add(column.toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<ChainField, List<String>> own : format.names().entrySet()) {
            if (columns.containsKey(own.getKey())) {
                continue;
            }
            for (String name : own.getValue()) {
                String column = byLowerCase.get(name);
                if (column != null && !mapped.contains(name)) {
                    columns.put(own.getKey(), column);
                    break;
                }
            }
        }
        return new FileColumns(file, format, names, columns, layout);
    }

    /** The column holding {@code field}, or null when the file has none. */
    String of(ChainField field) {
        return columns.get(field);
    }

    /** Whether the layout named the column of any of {@code fields}, rather than the format. */
    boolean mapped(ChainField... fields) {
        for (ChainField field : fields) {
            if (layout.column(field) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether the file has a column for {@code field}. */
    boolean has(ChainField field) {
        return columns.containsKey(field);
    }

    /**
     * Fails unless the file has a column for every field, naming the first missing, listing the columns nothing
     * reads and suggesting the likeliest of them.
     */
    void require(ChainField... fields) throws ChainFormatException {
        for (ChainField field : fields) {
            if (has(field)) {
                continue;
            }
            List<String> unread = unread();
            String ownName = format.names().get(field).getFirst();
            String likely = likeliest(field, ownName, unread);
            throw new ChainFormatException(file + " is read as " + format.noun() + " but has no column '" + ownName
                    + "' for " + field.label() + " (" + field.meaning() + "); its columns are "
                    + list(header)
                    + (unread.isEmpty() ? ", each read for another field"
                    : ", of which it does not read " + list(unread))
                    + (likely == null ? "; a layout names the column that holds it: " + field.label() + " \"COLUMN\""
                    : "; did you mean " + MessageText.value(likely) + "? A layout names it: " + field.label() + " \""
                    + MessageText.value(likely) + "\""));
        }
    }

    /** The file's columns that no field and nothing else of the format reads, in file order. */
    List<String> unread() {
        Set<String> read = new HashSet<>();
        columns.values().forEach(column -> read.add(column.toLowerCase(Locale.ROOT)));
        format.otherColumnsRead().forEach(column -> read.add(column.toLowerCase(Locale.ROOT)));
        Set<String> unread = new LinkedHashSet<>();
        for (String column : header) {
            if (!read.contains(column.toLowerCase(Locale.ROOT))) {
                unread.add(column);
            }
        }
        return new ArrayList<>(unread);
    }

    /**
     * The unread column most likely to hold a field: one within a few letters of the field's name or the format's,
     * else one whose name contains either ({@code expiry_datetime} for expiry, {@code option_type} for type).
     */
    private static String likeliest(ChainField field, String ownName, List<String> unread) {
        for (String name : List.of(ownName, field.label())) {
            String near = NearestName.closest(name, unread);
            if (near != null) {
                return near;
            }
        }
        for (String column : unread) {
            String lower = column.toLowerCase(Locale.ROOT);
            if (lower.contains(ownName) || lower.contains(field.label())) {
                return column;
            }
        }
        return null;
    }

    /** Column names for a message, each made safe: a list a user can copy a name from. */
    private static String list(List<String> columns) {
        List<String> safe = new ArrayList<>(columns.size());
        columns.forEach(column -> safe.add(MessageText.value(column)));
        return String.join(", ", safe);
    }
}
