package margo.core.market;

import java.util.Locale;

/** How a file writes implied volatilities: 55.2 (percent) or 0.552 (a decimal) for 55.2% a year. */
public enum VolatilityUnit {
    PERCENT(0.01),
    DECIMAL(1.0);

    private final double toDecimal;

    VolatilityUnit(double toDecimal) {
        this.toDecimal = toDecimal;
    }

    /** What a value in this unit is multiplied by to give a decimal. */
    public double toDecimal() {
        return toDecimal;
    }

    /** {@code percent} or {@code decimal}, the spelling in recipes and messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
