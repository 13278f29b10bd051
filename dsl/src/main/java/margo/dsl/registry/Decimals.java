package margo.dsl.registry;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as a recipe writes them, for defaults in the docs and values in messages: {@code 0.3}, {@code 7.5%}. */
public final class Decimals {

    private Decimals() {
    }

    /** {@code 0.3}, {@code 30}, {@code 20000000}: the shortest decimal to 12 digits, no exponent. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** {@code 16%}, {@code 7.5%}, {@code 0.005%}. */
    public static String percent(double fraction) {
        return plain(fraction * 100) + "%";
    }
}
