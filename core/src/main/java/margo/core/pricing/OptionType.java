package margo.core.pricing;

import java.util.Locale;
import margo.core.io.MessageText;

/** Call or put. */
public enum OptionType {
    CALL(1.0), PUT(-1.0);

    private final double sign;

    OptionType(double sign) {
        this.sign = sign;
    }

    /** +1 for a call, -1 for a put: the payoff is {@code max(sign * (S - K), 0)}. */
    public double sign() {
        return sign;
    }

    /**
     * Reads the spellings found in venue data and recipes: {@code C}, {@code P}, {@code call}, {@code put}
     * (any case).
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static OptionType parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "c", "call" -> CALL;
            case "p", "put" -> PUT;
            default -> throw new IllegalArgumentException("option type must be C, P, call or put, not '"
                    + MessageText.value(text) + "'");
        };
    }

    /** The spelling used in Margo's tables: {@code call} or {@code put}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
