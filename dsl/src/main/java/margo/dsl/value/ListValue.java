package margo.dsl.value;

import java.util.List;

/** {@code [a, b, c]}. */
public record ListValue(List<Value> elements) implements Value {

    public ListValue {
        elements = List.copyOf(elements);
    }

    @Override
    public String kind() {
        return "list";
    }
}
