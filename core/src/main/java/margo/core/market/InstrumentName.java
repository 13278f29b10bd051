package margo.core.market;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import margo.core.io.MessageText;
import margo.core.pricing.OptionType;

/**
 * A Deribit instrument name, read into its parts.
 *
 * <p>Deribit names options {@code BTC-29MAR24-60000-C} (underlying, expiry date, strike, C or P), dated
 * futures {@code BTC-29MAR24} and perpetual swaps {@code BTC-PERPETUAL}. The underlying may name a linear
 * settlement currency ({@code XRP_USDC-30AUG24-0d55-C}), and strikes below one write the decimal point as
 * {@code d} ({@code 0d55} is 0.55). The day of the month has one or two digits ({@code 5APR24},
 * {@code 05APR24} and {@code 29MAR24} all occur). Source: Deribit API documentation, "Instrument naming"
 * (docs.deribit.com), and the names returned by {@code public/get_instruments}.
 */
public sealed interface InstrumentName extends Serializable
        permits InstrumentName.Option, InstrumentName.Future, InstrumentName.Perpetual {

    /** The underlying as written in the name, e.g. {@code BTC} or {@code XRP_USDC}. */
    String underlying();

    /** The name in Deribit's spelling. */
    String text();

    /**
     * An option: {@code BTC-29MAR24-60000-C}.
     *
     * @param underlying the underlying, e.g. {@code BTC}
     * @param expiryDate the UTC calendar date of expiry; the option expires at 08:00 UTC that day
     * @param strike     the strike, in USD (or the quote currency of a linear underlying) per unit of underlying
     * @param type       call or put
     */
    record Option(String underlying, LocalDate expiryDate, double strike, OptionType type)
            implements InstrumentName {
        public Option {
            requireUnderlying(underlying);
            requireExpiryDate(expiryDate);
            if (!(strike > 0) || Double.isInfinite(strike)) {
                throw new IllegalArgumentException("strike must be a positive number, not " + strike);
            }
            if (type == null) {
                throw new IllegalArgumentException("type must not be null");
            }
        }

        /** The instant the option expires: 08:00 UTC on its expiry date (Deribit's daily settlement time). */
        public Instant expiry() {
            return DeribitExpiry.expiryInstant(expiryDate);
        }

        @Override
        public String text() {
            return underlying + "-" + DeribitExpiry.format(expiryDate) + "-" + formatStrike(strike) + "-"
                    + (type == OptionType.CALL ? "C" : "P");
        }
    }

    /**
     * A dated future: {@code BTC-29MAR24}.
     *
     * @param underlying the underlying, e.g. {@code BTC}
     * @param expiryDate the UTC calendar date of expiry; the future settles at 08:00 UTC that day
     */
    record Future(String underlying, LocalDate expiryDate) implements InstrumentName {
        public Future {
            requireUnderlying(underlying);
            requireExpiryDate(expiryDate);
        }

        /** The instant the future settles: 08:00 UTC on its expiry date. */
        public Instant expiry() {
            return DeribitExpiry.expiryInstant(expiryDate);
        }

        @Override
        public String text() {
            return underlying + "-" + DeribitExpiry.format(expiryDate);
        }
    }

    /**
     * A perpetual swap: {@code BTC-PERPETUAL}; it has no expiry.
     *
     * @param underlying the underlying, e.g. {@code BTC}
     */
    record Perpetual(String underlying) implements InstrumentName {
        public Perpetual {
            requireUnderlying(underlying);
        }

        @Override
        public String text() {
            return underlying + "-PERPETUAL";
        }
    }

    /**
     * Reads any Deribit instrument name: option, dated future or perpetual.
     *
     * @throws IllegalArgumentException saying which part of the name is wrong and what was expected
     */
    static InstrumentName parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("instrument name is empty");
        }
        String text = name.trim();
        String[] parts = text.split("-", -1);
        switch (parts.length) {
            case 2 -> {
                if (parts[1].equalsIgnoreCase("PERPETUAL")) {
                    return new Perpetual(underlyingPart(text, parts[0]));
                }
                return new Future(underlyingPart(text, parts[0]), expiryPart(text, parts[1]));
            }
            case 4 -> {
                return new Option(underlyingPart(text, parts[0]), expiryPart(text, parts[1]),
                        strikePart(text, parts[2]), typePart(text, parts[3]));
            }
            default -> throw new IllegalArgumentException("instrument name '" + MessageText.value(text)
                    + "' has " + parts.length + " dash-separated parts; expected UNDERLYING-DDMMMYY-STRIKE-C|P"
                    + " (option), UNDERLYING-DDMMMYY (future) or UNDERLYING-PERPETUAL");
        }
    }

    /**
     * Reads an option name such as {@code BTC-29MAR24-60000-C}.
     *
     * @throws IllegalArgumentException when the name is malformed or names a future or perpetual
     */
    static Option parseOption(String name) {
        InstrumentName parsed = parse(name);
        if (parsed instanceof Option option) {
            return option;
        }
        throw new IllegalArgumentException("instrument name '" + MessageText.value(name.trim())
                + "' names a future or perpetual, not an option (expected UNDERLYING-DDMMMYY-STRIKE-C|P)");
    }

    /** Writes a strike as Deribit does: integers without a decimal point, fractions with {@code d}. */
    static String formatStrike(double strike) {
        if (strike == Math.rint(strike) && Math.abs(strike) < 1e15) {
            return Long.toString((long) strike);
        }
        return java.math.BigDecimal.valueOf(strike).stripTrailingZeros().toPlainString().replace('.', 'd');
    }

    private static void requireUnderlying(String underlying) {
        if (underlying == null || underlying.isBlank()) {
            throw new IllegalArgumentException("underlying must not be empty");
        }
    }

    private static void requireExpiryDate(LocalDate expiryDate) {
        if (expiryDate == null) {
            throw new IllegalArgumentException("expiryDate must not be null");
        }
    }

    private static String underlyingPart(String name, String part) {
        if (part.isEmpty() || !part.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new IllegalArgumentException("instrument name '" + MessageText.value(name) + "' has underlying '"
                    + MessageText.value(part)
                    + "'; expected letters, digits or '_' such as BTC or XRP_USDC");
        }
        return part.toUpperCase(Locale.ROOT);
    }

    private static LocalDate expiryPart(String name, String part) {
        try {
            return DeribitExpiry.parse(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("instrument name '" + MessageText.value(name) + "': "
                    + e.getMessage(), e);
        }
    }

    private static double strikePart(String name, String part) {
        String decimal = part.replace('d', '.');
        double strike;
        try {
            if (!decimal.matches("[0-9]+(\\.[0-9]+)?")) {
                throw new NumberFormatException();
            }
            strike = Double.parseDouble(decimal);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("instrument name '" + MessageText.value(name) + "' has strike '"
                    + MessageText.value(part)
                    + "'; expected digits, with 'd' for a decimal point as in 60000 or 0d55");
        }
        if (!(strike > 0)) {
            throw new IllegalArgumentException("instrument name '" + MessageText.value(name) + "' has strike "
                    + MessageText.value(part)
                    + "; a strike must be positive");
        }
        return strike;
    }

    private static OptionType typePart(String name, String part) {
        return switch (part.toUpperCase(Locale.ROOT)) {
            case "C" -> OptionType.CALL;
            case "P" -> OptionType.PUT;
            default -> throw new IllegalArgumentException("instrument name '" + MessageText.value(name)
                    + "' ends in '" + MessageText.value(part)
                    + "'; expected C (call) or P (put)");
        };
    }
}
