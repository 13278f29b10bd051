package margo.dsl.plot;

import java.util.Locale;

/** What the horizontal axis of a smile measures: the choices of {@code smile(..., x "strike")}. */
public enum SmileAxis {
    /** ln(K/F), so that smiles of different expiries line up at the money (0). */
    LOG_MONEYNESS("log_moneyness", new Axis("log-moneyness ln(K/F)", "")),
    STRIKE("strike", new Axis("strike", "USD"));

    private final String column;
    private final Axis axis;

    SmileAxis(String column, Axis axis) {
        this.column = column;
        this.axis = axis;
    }

    /** The chain column the axis reads, also the name a recipe chooses it by. */
    public String column() {
        return column;
    }

    public Axis axis() {
        return axis;
    }

    /** The axis a recipe names, e.g. {@code "strike"}; the checker has vetted the name. */
    public static SmileAxis named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
