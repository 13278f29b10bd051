package margo.core.hedging;

/**
 * A limit on one of a hedged group's greeks: {@code low <= value <= high}, in the {@link Greek}'s unit.
 *
 * @param greek the greek
 * @param low   the least value allowed; {@code -Infinity} for none
 * @param high  the largest value allowed, &ge; {@code low}; {@code +Infinity} for none
 */
public record GreekTarget(Greek greek, double low, double high) {

    public GreekTarget {
        if (greek == null) {
            throw new IllegalArgumentException("greek must not be null");
        }
        if (Double.isNaN(low) || Double.isNaN(high) || !(low <= high) || low == Double.POSITIVE_INFINITY
                || high == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("the target of " + greek.columnName() + " must be a range low <= high,"
                    + " not [" + low + ", " + high + "]");
        }
    }

    /** {@code value +/- tolerance}. */
    public static GreekTarget within(Greek greek, double value, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("the tolerance of " + greek.columnName() + " must be >= 0, not "
                    + tolerance);
        }
        return new GreekTarget(greek, value - tolerance, value + tolerance);
    }

    /** Whether {@code value} meets the target, allowing {@code slack} either side. */
    public boolean holds(double value, double slack) {
        return value >= low - slack && value <= high + slack;
    }

    /** {@code -0.5 to 0.5}, for messages. */
    public String range() {
        return String.format(java.util.Locale.ROOT, "%s to %s", Decimal.of(low), Decimal.of(high));
    }

    /** Short decimal text for messages: 6 significant digits, no exponent for ordinary magnitudes. */
    static final class Decimal {
        private Decimal() {
        }

        static String of(double value) {
            if (Double.isInfinite(value)) {
                return value > 0 ? "+inf" : "-inf";
            }
            return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString();
        }
    }
}
