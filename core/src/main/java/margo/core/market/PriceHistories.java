package margo.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import margo.core.io.DataFile;
import margo.core.io.FileFormatException;
import margo.core.io.MessageText;
import margo.core.market.HistoryWarning.Problem;

/**
 * Loads price histories from CSV: a time column and a close, or open, high, low and close (OHLC), optionally
 * with volume; the layout of {@code docs/data-formats.md}. Every row is checked, and each problem becomes a
 * {@link HistoryWarning} with its line that says what was done about it:
 * <ul>
 *   <li>a time or price that cannot be read, or a price that is not positive: the row is left out;</li>
 *   <li>rows out of time order: sorted (a file written newest first is reversed, with one warning);</li>
 *   <li>a second row at the same time: the later line is left out;</li>
 *   <li>bars missing against the detected spacing (the median gap), weekends not counted in a history of
 *       weekdays: reported, nothing filled in;</li>
 *   <li>a close equal to the previous one to the last digit (a stale print): kept;</li>
 *   <li>a bar whose high is below its low, or whose open or close lies outside them: kept;</li>
 *   <li>a last bar traded at under a quarter of the median volume of the 30 bars before it, a bar still open
 *       when the file was written: left out.</li>
 * </ul>
 * Times are UTC: a date ({@code 2024-03-29}) is its midnight; a date and time without a zone
 * ({@code 2024-03-29 08:00:00}, {@code 2024-03-29T08:00}) is UTC; one with a zone or offset is converted; a whole
 * number of 10 digits or fewer is seconds since 1970, one of more digits milliseconds.
 */
public final class PriceHistories {

    /** A last bar under this fraction of the median volume before it is still trading. */
    private static final double PARTIAL_VOLUME_FRACTION = 0.25;
    /** How many bars before the last one its volume is compared with. */
    private static final int VOLUME_LOOKBACK = 30;
    /** Fewer bars than this before the last one cannot show that its volume is low. */
    private static final int VOLUME_MINIMUM_BARS = 10;
    /** A spacing above this multiple of the bar is a gap. */
    private static final double GAP_MULTIPLE = 1.5;

    private PriceHistories() {
    }

    /** One usable row of the file. */
    private record Row(int line, long second, double open, double high, double low, double close, double volume) {}

    /** {@link #load(Path, HistoryColumns, long)} with files up to {@link DataFile#DEFAULT_MAX_BYTES}. */
    public static HistoryLoad load(Path path, HistoryColumns columns) throws HistoryFormatException {
        return load(path, columns, DataFile.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads and checks a price history, streaming the file.
     *
     * @param path     the CSV file
     * @param columns  the columns to read, or {@link HistoryColumns#DETECTED}
     * @param maxBytes the largest file read ({@link DataFile})
     * @return the usable bars in time order, with a warning for every row left out, repaired or suspicious
     * @throws HistoryFormatException when the file cannot be read (missing, not a regular file, unreadable, too
     *                                large, not text), has no time or close column (or not the one named), or
     *                                fewer than two usable rows
     */
    public static HistoryLoad load(Path path, HistoryColumns columns, long maxBytes) throws HistoryFormatException {
        return load(path, columns, maxBytes, "close", HistoryColumns.CLOSE_NAMES);
    }

    /**
     * {@link #load(Path, HistoryColumns, long)} of another positive series in the place of the close, such as an
     * implied volatility, with every row check the same.
     *
     * @param role       the series' name in messages and in the recipe's argument that names its column, e.g. vol
     * @param candidates the column names it is detected from, in order of preference
     */
    static HistoryLoad load(Path path, HistoryColumns columns, long maxBytes, String role, List<String> candidates)
            throws HistoryFormatException {
        if (path == null || columns == null) {
            throw new IllegalArgumentException("path and columns must not be null (use HistoryColumns.DETECTED)");
        }
        String name = path.toString();
        CsvFile csv;
        try (BufferedReader content = DataFile.open(path, maxBytes)) {
            csv = CsvFile.read(name, content, "prices");
        } catch (FileFormatException malformed) {
            throw new HistoryFormatException(malformed.getMessage(), malformed);
        } catch (IOException unreadable) {
            throw new HistoryFormatException("cannot read " + path + ": " + DataFile.reason(unreadable), unreadable);
        }
        String time = column(csv, name, "time", columns.time(), HistoryColumns.TIME_NAMES, true);
        String close = column(csv, name, role, columns.close(), candidates, true);
        String open = column(csv, name, "open", columns.open(), List.of("open"), false);
        String high = column(csv, name, "high", columns.high(), List.of("high"), false);
        String low = column(csv, name, "low", columns.low(), List.of("low"), false);
        String volume = column(csv, name, "volume", columns.volume(), List.of("volume"), false);
        List<HistoryWarning> warnings = new ArrayList<>();
        List<Row> rows = read(csv, time, open, high, low, close, volume, warnings);
        rows = inTimeOrder(rows, warnings);
        rows = withoutDuplicates(rows, warnings);
        if (rows.size() < 2) {
            throw new HistoryFormatException(name + " has " + rows.size() + " usable row" + (rows.size() == 1 ? "" : "s")
                    + " of " + csv.records().size() + "; a price history needs at least two"
                    + (warnings.isEmpty() ? "" : ". First problem: " + warnings.getFirst().text()));
        }
        long[] seconds = rows.stream().mapToLong(Row::second).toArray();
        Duration bar = PriceHistory.typicalBar(seconds);
        boolean weekdaysOnly = PriceHistory.isWeekdayCalendar(seconds, bar);
        rows = withoutPartialLastBar(rows, volume != null, warnings);
        reportGaps(rows, bar, weekdaysOnly, warnings);
        reportStaleCloses(rows, warnings);
        warnings.sort(Comparator.comparingInt(HistoryWarning::line));
        List<String> read = new ArrayList<>(List.of(time, close));
        for (String optional : new String[] {open, high, low, volume}) {
            if (optional != null) {
                read.add(optional);
            }
        }
        return new HistoryLoad(history(name, rows, open != null, high != null, low != null, volume != null, bar,
                weekdaysOnly), warnings, read);
    }

    /** The column named, or the first candidate the header has; null for an optional column not found. */
    private static String column(CsvFile csv, String name, String role, String given, List<String> candidates,
                                 boolean required) throws HistoryFormatException {
        if (given != null) {
            if (!csv.has(given)) {
                throw new HistoryFormatException(name + " has no column '" + given + "' for the " + role
                        + "; its columns are " + String.join(", ", csv.header()));
            }
            return asWritten(csv, given);
        }
        for (String candidate : candidates) {
            if (csv.has(candidate)) {
                return asWritten(csv, candidate);
            }
        }
        if (required) {
            throw new HistoryFormatException(name + " has no " + role + " column (looked for "
                    + String.join(", ", candidates) + "); its columns are " + String.join(", ", csv.header())
                    + "; name the column with " + role + " \"COLUMN\"");
        }
        return null;
    }

    /** A column's name as the header spells it. */
    private static String asWritten(CsvFile csv, String column) {
        return csv.header().stream().filter(name -> name.equalsIgnoreCase(column)).findFirst().orElseThrow();
    }

    private static List<Row> read(CsvFile csv, String time, String open, String high, String low, String close,
                                  String volume, List<HistoryWarning> warnings) {
        List<Row> rows = new ArrayList<>();
        for (CsvFile.Record record : csv.records()) {
            try {
                RowFields fields = csv.fields(record);
                long second = epochSecond(time, fields.requiredText(time));
                double closePrice = price(fields, close, true);
                double openPrice = price(fields, open, false);
                double highPrice = price(fields, high, false);
                double lowPrice = price(fields, low, false);
                double traded = volume == null ? Double.NaN : fields.optionalNumber(volume);
                if (traded < 0) {
                    throw new RowException(volume + " is negative: " + traded);
                }
                String inconsistent = inconsistency(openPrice, highPrice, lowPrice, closePrice);
                if (inconsistent != null) {
                    warnings.add(new HistoryWarning(record.lineNumber(), Problem.INCONSISTENT_BAR, inconsistent,
                            "kept: the close is used"));
                }
                rows.add(new Row(record.lineNumber(), second, openPrice, highPrice, lowPrice, closePrice, traded));
            } catch (NonPositivePrice bad) {
                warnings.add(new HistoryWarning(record.lineNumber(), Problem.NON_POSITIVE, bad.getMessage(),
                        "left out"));
            } catch (RowException bad) {
                warnings.add(new HistoryWarning(record.lineNumber(), Problem.UNPARSEABLE, bad.getMessage(),
                        "left out"));
            }
        }
        return rows;
    }

    /** A price that was read but is zero or negative. */
    private static final class NonPositivePrice extends RowException {
        NonPositivePrice(String reason) {
            super(reason);
        }
    }

    /** A price column's value: NaN when the column is absent or, for an optional one, the field is empty. */
    private static double price(RowFields fields, String column, boolean required) throws RowException {
        if (column == null) {
            return Double.NaN;
        }
        double value = required ? fields.requiredNumber(column) : fields.optionalNumber(column);
        if (value <= 0) {
            throw new NonPositivePrice(column + " is " + (value == 0 ? "zero" : "negative") + " (" + fields.text(column)
                    + "): a price must be positive");
        }
        return value;
    }

    private static String inconsistency(double open, double high, double low, double close) {
        if (high < low) {
            return "high " + high + " is below low " + low;
        }
        for (double price : new double[] {open, close}) {
            if (price > high || price < low) {
                String which = price == open ? "open" : "close";
                return which + " " + price + " lies outside the bar's low " + low + " and high " + high;
            }
        }
        return null;
    }

    /** Rows sorted by time, stably; a file written newest first is reversed with one warning. */
    private static List<Row> inTimeOrder(List<Row> rows, List<HistoryWarning> warnings) {
        if (rows.size() < 2) {
            return rows;
        }
        boolean descending = true;
        for (int i = 1; i < rows.size() && descending; i++) {
            descending = rows.get(i).second() < rows.get(i - 1).second();
        }
        if (descending) {
            warnings.add(new HistoryWarning(rows.getFirst().line(), Problem.OUT_OF_ORDER,
                    "the file runs newest first, from " + stamp(rows.getFirst().second()) + " down to "
                            + stamp(rows.getLast().second()), "reversed into time order"));
            return rows.reversed();
        }
        Row latest = rows.getFirst();
        boolean sorted = true;
        for (Row row : rows) {
            if (row.second() < latest.second()) {
                warnings.add(new HistoryWarning(row.line(), Problem.OUT_OF_ORDER, stamp(row.second())
                        + " comes after line " + latest.line() + " (" + stamp(latest.second()) + ")",
                        "sorted into time order"));
                sorted = false;
            } else {
                latest = row;
            }
        }
        if (sorted) {
            return rows;
        }
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(Row::second));
        return ordered;
    }

    /** Rows in time order without a second row at the same time; the later line of a pair is left out. */
    private static List<Row> withoutDuplicates(List<Row> rows, List<HistoryWarning> warnings) {
        List<Row> unique = new ArrayList<>();
        for (Row row : rows) {
            Row previous = unique.isEmpty() ? null : unique.getLast();
            if (previous != null && previous.second() == row.second()) {
                Row kept = previous.line() < row.line() ? previous : row;
                Row dropped = kept == previous ? row : previous;
                boolean same = kept.close() == dropped.close();
                warnings.add(new HistoryWarning(dropped.line(), Problem.DUPLICATE, stamp(row.second())
                        + " is also on line " + kept.line() + (same ? ", with the same close"
                        : ", with close " + kept.close() + " there and " + dropped.close() + " here"),
                        "left out; line " + kept.line() + " kept"));
                unique.set(unique.size() - 1, kept);
            } else {
                unique.add(row);
            }
        }
        return unique;
    }

    private static List<Row> withoutPartialLastBar(List<Row> rows, boolean hasVolume, List<HistoryWarning> warnings) {
        if (!hasVolume || rows.size() <= VOLUME_MINIMUM_BARS) {
            return rows;
        }
        int last = rows.size() - 1;
        double[] before = new double[Math.min(VOLUME_LOOKBACK, last)];
        for (int i = 0; i < before.length; i++) {
            before[i] = rows.get(last - 1 - i).volume();
        }
        Arrays.sort(before);
        double median = before[before.length / 2];
        double volume = rows.get(last).volume();
        if (!(volume < PARTIAL_VOLUME_FRACTION * median)) {
            return rows;
        }
        warnings.add(new HistoryWarning(rows.get(last).line(), Problem.PARTIAL_BAR, "the last bar ("
                + stamp(rows.get(last).second()) + ") traded " + plain(volume) + ", "
                + Math.round(100 * volume / median) + "% of the median " + plain(median) + " of the " + before.length
                + " bars before it: it was still open when the file was written", "left out"));
        return rows.subList(0, last);
    }

    private static void reportGaps(List<Row> rows, Duration bar, boolean weekdaysOnly, List<HistoryWarning> warnings) {
        long barSeconds = bar.getSeconds();
        for (int i = 1; i < rows.size(); i++) {
            long from = rows.get(i - 1).second();
            long to = rows.get(i).second();
            if (to - from <= GAP_MULTIPLE * barSeconds) {
                continue;
            }
            long missing = weekdaysOnly ? weekdaysBetween(from, to) : Math.round((double) (to - from) / barSeconds) - 1;
            if (missing > 0) {
                warnings.add(new HistoryWarning(rows.get(i).line(), Problem.GAP, missing + (missing == 1 ? " bar" : " bars")
                        + " missing between " + stamp(from) + " and " + stamp(to) + " (bars of " + words(bar)
                        + (weekdaysOnly ? ", weekdays" : "") + ")", "kept: returns span the gap"));
            }
        }
    }

    /** Weekdays strictly between two daily stamps. */
    private static long weekdaysBetween(long from, long to) {
        long count = 0;
        for (long day = from + 86_400; day < to; day += 86_400) {
            count += PriceHistory.isWeekend(day) ? 0 : 1;
        }
        return count;
    }

    private static void reportStaleCloses(List<Row> rows, List<HistoryWarning> warnings) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).close() == rows.get(i - 1).close()) {
                warnings.add(new HistoryWarning(rows.get(i).line(), Problem.STALE, "the close " + plain(rows.get(i).close())
                        + " at " + stamp(rows.get(i).second()) + " repeats the bar before exactly, a stale print?",
                        "kept: a zero return"));
            }
        }
    }

    private static PriceHistory history(String name, List<Row> rows, boolean open, boolean high, boolean low,
                                        boolean volume, Duration bar, boolean weekdaysOnly) {
        int n = rows.size();
        long[] seconds = new long[n];
        double[] opens = new double[n];
        double[] highs = new double[n];
        double[] lows = new double[n];
        double[] closes = new double[n];
        double[] volumes = new double[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            seconds[i] = row.second();
            opens[i] = row.open();
            highs[i] = row.high();
            lows[i] = row.low();
            closes[i] = row.close();
            volumes[i] = row.volume();
        }
        return new PriceHistory(name, seconds, open ? opens : null, high ? highs : null, low ? lows : null, closes,
                volume ? volumes : null, bar, weekdaysOnly);
    }

    /**
     * A stamp as seconds since 1970: a date is its UTC midnight; a date-time without zone is UTC; a whole number
     * is seconds (up to 10 digits) or milliseconds.
     */
    static long epochSecond(String column, String text) throws RowException {
        if (text.matches("\\d{1,10}")) {
            return Long.parseLong(text);
        }
        if (text.matches("\\d{11,16}")) {
            return Math.floorDiv(Long.parseLong(text), 1000);
        }
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11)
                    : text;
            if (iso.endsWith("Z") || iso.matches(".*T.*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(iso.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new RowException(column + " '" + MessageText.value(text)
                    + "' is not a time: expected a date (2024-03-29), a date and time (2024-03-29 08:00:00, UTC"
                    + " unless a zone is given) or seconds since 1970");
        }
    }

    /** A bar's stamp for messages: the date of a midnight, else the instant. */
    private static String stamp(long second) {
        Instant instant = Instant.ofEpochSecond(second);
        return second % 86_400 == 0 ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString() : instant.toString();
    }

    private static String words(Duration bar) {
        long seconds = bar.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds == 86_400 ? "one day" : seconds / 86_400 + " days";
        }
        if (seconds % 3_600 == 0) {
            return seconds == 3_600 ? "one hour" : seconds / 3_600 + " hours";
        }
        if (seconds % 60 == 0) {
            return seconds == 60 ? "one minute" : seconds / 60 + " minutes";
        }
        return seconds + " seconds";
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
