package margo.core.market;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import margo.core.io.MessageText;

/**
 * Deribit's expiry dates ({@code 29MAR24}, {@code 5APR24}) and its settlement time.
 *
 * <p>Deribit options and futures expire at 08:00 UTC on their expiry date (Deribit Knowledge Base,
 * "Expiry and settlement": settlement uses the 30-minute average index up to 08:00 UTC).
 */
public final class DeribitExpiry {

    /** Time of day, in UTC, at which Deribit options and futures expire. */
    public static final LocalTime EXPIRY_TIME_UTC = LocalTime.of(8, 0);

    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private DeribitExpiry() {
    }

    /** The expiry instant of a Deribit instrument dated {@code date}: 08:00 UTC that day. */
    public static Instant expiryInstant(LocalDate date) {
        return date.atTime(EXPIRY_TIME_UTC).toInstant(ZoneOffset.UTC);
    }

    /**
     * Reads {@code DMMMYY} or {@code DDMMMYY}, e.g. {@code 5APR24} or {@code 29MAR24}; years are 2000-2099.
     *
     * @throws IllegalArgumentException naming the text and the expected shape
     */
    public static LocalDate parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (!upper.matches("[0-9]{1,2}[A-Z]{3}[0-9]{2}")) {
            throw new IllegalArgumentException("expiry '" + MessageText.value(text)
                    + "' is not a date like 29MAR24 or 5APR24 (day, three-letter month, two-digit year)");
        }
        int monthStart = Character.isDigit(upper.charAt(1)) ? 2 : 1;
        int day = Integer.parseInt(upper.substring(0, monthStart));
        String monthText = upper.substring(monthStart, monthStart + 3);
        int year = 2000 + Integer.parseInt(upper.substring(monthStart + 3));
        int month = -1;
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(monthText)) {
                month = i + 1;
            }
        }
        if (month < 0) {
            throw new IllegalArgumentException("expiry '" + MessageText.value(text) + "' has month '"
                    + MessageText.value(monthText)
                    + "'; expected one of JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC");
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("expiry '" + MessageText.value(text) + "' is not a calendar date: day "
                    + day
                    + " of " + monthText + " " + year);
        }
    }

    /** Writes a date as Deribit does: day without a leading zero, month, two-digit year ({@code 5APR24}). */
    public static String format(LocalDate date) {
        // Not String.format("%02d"): an option's mark is looked up by its name, in the margin's inner loops.
        int year = date.getYear() % 100;
        return date.getDayOfMonth() + MONTHS[date.getMonthValue() - 1] + (year >= 0 && year < 10 ? "0" : "") + year;
    }
}
