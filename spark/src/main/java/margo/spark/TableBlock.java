package margo.spark;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.IntColumnType;

/**
 * A result table as plain arrays, to travel from an executor to the driver (Tablesaw's tables are not serialisable):
 * doubles keep their bits, so the rows put together in the driver are the rows computed. The columns a statement's
 * table has: text, numbers (doubles or integers), booleans and instants.
 *
 * @param name    the table's name
 * @param columns each column's name
 * @param types   each column's Tablesaw type name
 * @param values  each column's values: {@code String[]}, {@code double[]}, {@code int[]}, {@code Boolean[]} or
 *                {@code Instant[]}
 */
record TableBlock(String name, String[] columns, String[] types, Object[] values) implements Serializable {

    static TableBlock of(Table table) {
        int width = table.columnCount();
        String[] names = new String[width];
        String[] types = new String[width];
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
            Column<?> column = table.column(i);
            names[i] = column.name();
            types[i] = column.type().name();
            values[i] = switch (column) {
                case DoubleColumn numbers -> numbers.asDoubleArray();
                case IntColumn numbers -> numbers.asIntArray();
                case StringColumn texts -> texts.asObjectArray();
                case BooleanColumn flags -> flags.asObjectArray();
                case InstantColumn instants -> instants.asObjectArray();
                default -> throw new IllegalStateException("a result column of type " + column.type()
                        + " cannot leave an executor: " + column.name());
            };
        }
        return new TableBlock(table.name(), names, types, values);
    }

    /** The columns as Spark's types: text as strings, numbers as doubles or integers, booleans, instants as times. */
    StructType schema() {
        StructType schema = new StructType();
        for (int i = 0; i < columns.length; i++) {
            schema = schema.add(columns[i], switch (types[i]) {
                case "DOUBLE" -> DataTypes.DoubleType;
                case "INTEGER" -> DataTypes.IntegerType;
                case "STRING" -> DataTypes.StringType;
                case "BOOLEAN" -> DataTypes.BooleanType;
                case "INSTANT" -> DataTypes.TimestampType;
                default -> throw new IllegalStateException("no column type " + types[i]);
            });
        }
        return schema;
    }

    int rowCount() {
        return columns.length == 0 ? 0 : java.lang.reflect.Array.getLength(values[0]);
    }

    /**
     * The rows as Spark's, in order: a double keeps its bits (a number with no value stays NaN), an integer with no
     * value is null.
     */
    Iterator<Row> rows() {
        List<Row> rows = new ArrayList<>(rowCount());
        for (int r = 0; r < rowCount(); r++) {
            Object[] fields = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                fields[i] = switch (values[i]) {
                    case double[] numbers -> numbers[r];
                    case int[] numbers -> numbers[r] == IntColumnType.missingValueIndicator() ? null : numbers[r];
                    case Instant[] instants -> instants[r] == null ? null : Timestamp.from(instants[r]);
                    case Object[] objects -> objects[r];
                    default -> throw new IllegalStateException("no values " + values[i].getClass());
                };
            }
            rows.add(RowFactory.create(fields));
        }
        return rows.iterator();
    }

    /** The blocks' rows one after the other, in the order given; all have the columns of the first. */
    static Table concatenate(List<TableBlock> blocks) {
        TableBlock first = blocks.getFirst();
        List<Column<?>> columns = new ArrayList<>();
        for (int i = 0; i < first.columns.length; i++) {
            String name = first.columns[i];
            String type = first.types[i];
            int column = i;
            List<Object> parts = blocks.stream().map(block -> block.values[column]).toList();
            columns.add(switch (type) {
                case "DOUBLE" -> DoubleColumn.create(name, doubles(parts));
                case "INTEGER" -> IntColumn.create(name, ints(parts));
                case "STRING" -> StringColumn.create(name, objects(parts, String[]::new));
                case "BOOLEAN" -> BooleanColumn.create(name, objects(parts, Boolean[]::new));
                case "INSTANT" -> InstantColumn.create(name, objects(parts, Instant[]::new));
                default -> throw new IllegalStateException("no column type " + type);
            });
        }
        return Table.create(first.name, columns);
    }

    private static double[] doubles(List<Object> parts) {
        double[] all = new double[parts.stream().mapToInt(part -> ((double[]) part).length).sum()];
        int at = 0;
        for (Object part : parts) {
            double[] values = (double[]) part;
            System.arraycopy(values, 0, all, at, values.length);
            at += values.length;
        }
        return all;
    }

    private static int[] ints(List<Object> parts) {
        int[] all = new int[parts.stream().mapToInt(part -> ((int[]) part).length).sum()];
        int at = 0;
        for (Object part : parts) {
            int[] values = (int[]) part;
            System.arraycopy(values, 0, all, at, values.length);
            at += values.length;
        }
        return all;
    }

    private static <T> T[] objects(List<Object> parts, IntFunction<T[]> array) {
        List<Object> all = new ArrayList<>();
        for (Object part : parts) {
            all.addAll(Arrays.asList((Object[]) part));
        }
        return all.toArray(array);
    }
}
