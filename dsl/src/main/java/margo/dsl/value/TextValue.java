package margo.dsl.value;

public record TextValue(String value) implements Value {

    public TextValue {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
    }

    @Override
    public String kind() {
        return "text";
    }
}
