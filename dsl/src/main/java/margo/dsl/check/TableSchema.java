package margo.dsl.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The columns of a table known before it is loaded: what {@code keep}, {@code set} and {@code show columns}
 * may name.
 *
 * @param columns       column name to kind, in table order
 * @param isChain       whether the table is an option chain with a valuation time, so that comparing an instant
 *                      with a duration ({@code expiry >= 2d}) means time remaining after the valuation time
 */
public record TableSchema(SequencedMap<String, Kind> columns, boolean isChain) {

    public TableSchema {
        columns = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(columns));
    }

    /** This schema with {@code name} added at the end, or its kind replaced where it exists. */
    public TableSchema withColumn(String name, Kind kind) {
        LinkedHashMap<String, Kind> next = new LinkedHashMap<>(columns);
        next.put(name, kind);
        return new TableSchema(next, isChain);
    }

    /** Only the named columns, in the order given. */
    public TableSchema select(List<String> names) {
        LinkedHashMap<String, Kind> next = new LinkedHashMap<>();
        for (String name : names) {
            next.put(name, columns.get(name));
        }
        return new TableSchema(next, isChain);
    }

    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    public Kind kindOf(String column) {
        return columns.get(column);
    }

    public static TableSchema of(Map<String, Kind> columns, boolean isChain) {
        return new TableSchema(new LinkedHashMap<>(columns), isChain);
    }
}
