package margo.core.market;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import margo.core.io.MessageText;
import margo.core.pricing.OptionType;

/**
 * The named fields of one row, from a CSV line or a JSON object, with parsing that rejects the row
 * (by {@link RowException}) with a reason naming the field.
 */
abstract class RowFields {

    /** The raw text of a field; null when the field is absent (or null, no column), empty or JSON null. */
    abstract String text(String field);

    /**
     * A time that may be missing (null): an integer count since 1970, read by {@code stamps} in the unit its size
     * says, or an ISO-8601 instant with an offset, {@code 2024-03-01T08:00:00Z}, also with a space for the
     * {@code T} and {@code +00:00} for the Z as pandas writes it ({@code 2024-03-01 08:00:00.123+00:00}).
     */
    final Instant optionalInstant(String field, Timestamps stamps) throws RowException {
        String text = text(field);
        if (text == null || text.equalsIgnoreCase("null")) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            return stamps.readEpoch(optionalEpoch(field));
        }
        return instant(field, text);
    }

    /** An ISO-8601 instant with an offset, the {@code T} or a space between date and time. */
    static Instant instant(String field, String text) throws RowException {
        try {
            return OffsetDateTime.parse(text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowException(field + " '" + MessageText.value(text)
                    + "' is not an instant like 2024-03-01T08:00:00Z (or a whole number of time units since 1970)");
        }
    }

    private static final Pattern INTEGER = Pattern.compile("-?\\d+(\\.0)?");

    /** A number that may be missing: NaN when absent, empty, {@code null} or {@code NaN}. */
    final double optionalNumber(String field) throws RowException {
        String text = text(field);
        if (text == null || text.equalsIgnoreCase("null") || text.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new RowException(field + " is infinite ('" + MessageText.value(text) + "')");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RowException(field + " is not a number: '" + MessageText.value(text) + "'");
        }
    }

    /**
     * An implied volatility that may be missing: NaN when absent, and also when zero, which venues write for
     * a side with no quote (no traded option has zero volatility).
     */
    final double optionalVolatility(String field) throws RowException {
        double value = optionalNumber(field);
        if (value < 0) {
            throw new RowException(field + " is negative: " + value);
        }
        return value == 0 ? Double.NaN : value;
    }

    /** A number that must be present. */
    final double requiredNumber(String field) throws RowException {
        double value = optionalNumber(field);
        if (Double.isNaN(value)) {
            throw new RowException(field + " is missing");
        }
        return value;
    }

    /** Text that must be present, trimmed. */
    final String requiredText(String field) throws RowException {
        String text = text(field);
        if (text == null || text.equalsIgnoreCase("null")) {
            throw new RowException(field + " is missing");
        }
        return text;
    }

    /** An option type, C, P, call or put (any case), that must be present. */
    final OptionType optionType(String field) throws RowException {
        try {
            return OptionType.parse(requiredText(field));
        } catch (IllegalArgumentException e) {
            throw new RowException(field + ": " + e.getMessage());
        }
    }

    /** An integer count of time units since the Unix epoch, such as milliseconds; {@code Long.MIN_VALUE} if absent. */
    final long optionalEpoch(String field) throws RowException {
        String text = text(field);
        if (text == null || text.equalsIgnoreCase("null")) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(text.toLowerCase(Locale.ROOT).endsWith(".0")
                    ? text.substring(0, text.length() - 2) : text);
        } catch (NumberFormatException e) {
            throw new RowException(field + " is not a whole number of time units since 1970: '"
                    + MessageText.value(text) + "'");
        }
    }
}
