package margo.dsl.plot;

/**
 * An axis: what it measures and in which unit. The numbers on it are in that unit: an implied vol axis in
 * percent holds 55 for 55%, not 0.55.
 *
 * @param label what is measured, e.g. {@code implied vol}
 * @param unit  the unit of the numbers, e.g. {@code %} or {@code USD}; empty when dimensionless
 */
public record Axis(String label, String unit) {

    public Axis {
        if (label == null || unit == null) {
            throw new IllegalArgumentException("an axis needs a label and a unit (empty when dimensionless)");
        }
    }

    /** {@code implied vol (%)}, or the label alone when there is no unit. */
    public String title() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
