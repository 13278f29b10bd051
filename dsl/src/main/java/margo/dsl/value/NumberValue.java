package margo.dsl.value;

/**
 * A number. Durations are numbers too: years, ACT/365, with {@link DisplayUnit#DURATION}.
 *
 * @param value the plain decimal value; NaN when undefined (for example an implied volatility that does not exist)
 * @param unit  how it is displayed
 */
public record NumberValue(double value, DisplayUnit unit) implements Value {

    public NumberValue {
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null");
        }
    }

    public static NumberValue plain(double value) {
        return new NumberValue(value, DisplayUnit.PLAIN);
    }

    @Override
    public String kind() {
        return unit == DisplayUnit.DURATION ? "duration" : "number";
    }
}
