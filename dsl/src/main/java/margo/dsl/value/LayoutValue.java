package margo.dsl.value;

import java.util.Map;
import margo.core.market.ChainField;
import margo.core.market.ChainLayout;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How to read a chain file whose columns do not go by its format's names: {@code layout(...)}, given to
 * {@code options(path, layout L)}.
 *
 * @param format the file layout in lower case ({@code deribit_csv}), or null to detect it
 * @param ivUnit {@code percent} or {@code decimal}, or null to decide it from the data
 * @param layout the file's column for each field it maps
 */
public record LayoutValue(String format, String ivUnit, ChainLayout layout) implements TabulatedValue {

    public LayoutValue {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null (use ChainLayout.NONE)");
        }
    }

    /** This layout with {@code other}'s format, unit and columns where {@code other} gives them. */
    public LayoutValue overriddenBy(LayoutValue other) {
        ChainLayout merged = layout;
        for (Map.Entry<ChainField, String> column : other.layout().columns().entrySet()) {
            merged = merged.with(column.getKey(), column.getValue());
        }
        return new LayoutValue(other.format() != null ? other.format() : format,
                other.ivUnit() != null ? other.ivUnit() : ivUnit, merged);
    }

    /** One row per setting: the format, the unit, then each field and the file's column that holds it. */
    @Override
    public TableValue display() {
        StringColumn field = StringColumn.create("field");
        StringColumn column = StringColumn.create("column");
        if (format != null) {
            field.append("format");
            column.append(format);
        }
        if (ivUnit != null) {
            field.append("iv_unit");
            column.append(ivUnit);
        }
        layout.columns().forEach((mapped, name) -> {
            field.append(mapped.label());
            column.append(name);
        });
        return new TableValue(Table.create("layout", field, column), null);
    }

    @Override
    public String kind() {
        return "layout";
    }
}
