package margo.core.market;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The columns of a chain file that do not go by their format's names: for each {@link ChainField} mapped, the
 * file's column holding it (a third-party Deribit export whose {@code underlying} column is the forward maps
 * {@link ChainField#FORWARD} to {@code underlying}). Fields left out are read under the format's own names.
 *
 * @param columns the file's column name for each mapped field
 */
public record ChainLayout(Map<ChainField, String> columns) {

    /** No field mapped: every column goes by its format's name. */
    public static final ChainLayout NONE = new ChainLayout(Map.of());

    public ChainLayout {
        if (columns == null) {
            throw new IllegalArgumentException("columns must not be null (use ChainLayout.NONE)");
        }
        EnumMap<ChainField, String> copy = new EnumMap<>(ChainField.class);
        columns.forEach((field, column) -> {
            if (field == null || column == null || column.isBlank()) {
                throw new IllegalArgumentException("a layout maps each field to a column name, not " + field + " to "
                        + column);
            }
            copy.put(field, column.trim());
        });
        columns = Collections.unmodifiableMap(copy);
    }

    /** The column mapped to {@code field}, or null when it goes by its format's name. */
    public String column(ChainField field) {
        return columns.get(field);
    }

    /** This layout with {@code field} read from {@code column} as well. */
    public ChainLayout with(ChainField field, String column) {
        EnumMap<ChainField, String> more = new EnumMap<>(ChainField.class);
        more.putAll(columns);
        more.put(field, column);
        return new ChainLayout(more);
    }

    /** {@code forward "underlying", mark_iv "implied_volatility"}, as a recipe writes it. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ");
        columns.forEach((field, column) -> out.add(field.label() + " \"" + column + "\""));
        return out.toString();
    }
}
