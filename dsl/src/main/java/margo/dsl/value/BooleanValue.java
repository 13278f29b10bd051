package margo.dsl.value;

public record BooleanValue(boolean value) implements Value {

    @Override
    public String kind() {
        return "boolean";
    }
}
