package margo.core.market;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A price history of one asset: bars in strictly increasing time, each with a close and, when the data has
 * them, open, high, low and volume. Prices are in the quote currency per unit of the asset (USD per BTC); times
 * are the bars' UTC stamps as the data gives them (the start of the day for a daily file). The arrays are copied
 * in and out, so a history never changes.
 *
 * <p>The bar is the history's typical spacing, detected by {@link PriceHistories} as the median gap between
 * consecutive stamps (one day, one hour). A daily history that has no Saturday or Sunday is a history of
 * weekdays (an exchange calendar), and counts its bars over weekdays only.
 */
public final class PriceHistory {

    private static final long DAY_SECONDS = 86_400;
    /** Fewer bars than this cannot tell a weekday calendar from gaps. */
    private static final int CALENDAR_MINIMUM_BARS = 10;

    private final String name;
    private final long[] epochSeconds;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final Duration bar;
    private final boolean weekdaysOnly;

    /**
     * @param name         what the history is of, for messages: the file name or the asset
     * @param epochSeconds the bars' times, seconds since 1970-01-01T00:00Z, strictly increasing
     * @param open         opening prices, or null when the data has none; NaN for a bar without one
     * @param high         highest prices, or null
     * @param low          lowest prices, or null
     * @param close        closing prices, positive and finite, one per bar
     * @param volume       traded volume in units of the asset, or null
     * @param bar          the typical spacing of the bars, positive
     * @param weekdaysOnly whether the bars skip weekends (daily bars only)
     */
    public PriceHistory(String name, long[] epochSeconds, double[] open, double[] high, double[] low, double[] close,
                        double[] volume, Duration bar, boolean weekdaysOnly) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (epochSeconds == null || close == null) {
            throw new IllegalArgumentException("epochSeconds and close must not be null");
        }
        if (epochSeconds.length != close.length) {
            throw new IllegalArgumentException("epochSeconds and close must have one entry per bar, not "
                    + epochSeconds.length + " and " + close.length);
        }
        if (close.length < 2) {
            throw new IllegalArgumentException("a price history needs at least two bars, not " + close.length);
        }
        for (int i = 0; i < close.length; i++) {
            if (!(close[i] > 0) || Double.isInfinite(close[i])) {
                throw new IllegalArgumentException("close[" + i + "] must be positive and finite, not " + close[i]);
            }
            if (i > 0 && epochSeconds[i] <= epochSeconds[i - 1]) {
                throw new IllegalArgumentException("times must increase strictly: bar " + i + " at "
                        + Instant.ofEpochSecond(epochSeconds[i]) + " is not after bar " + (i - 1));
            }
        }
        if (bar == null || bar.isNegative() || bar.isZero()) {
            throw new IllegalArgumentException("bar must be a positive duration, not " + bar);
        }
        if (weekdaysOnly && !bar.equals(Duration.ofDays(1))) {
            throw new IllegalArgumentException("only a daily history can skip weekends; its bar is " + bar);
        }
        this.name = name;
        this.epochSeconds = epochSeconds.clone();
        this.open = optionalCopy("open", open, close.length);
        this.high = optionalCopy("high", high, close.length);
        this.low = optionalCopy("low", low, close.length);
        this.close = close.clone();
        this.volume = optionalCopy("volume", volume, close.length);
        this.bar = bar;
        this.weekdaysOnly = weekdaysOnly;
    }

    /**
     * A history of closes whose bar and calendar are detected from its times, as {@link PriceHistories} detects
     * them: for closes that come from a table rather than a file.
     *
     * @param epochSeconds the bars' times, strictly increasing
     * @param close        the closes, positive and finite
     */
    public static PriceHistory ofCloses(String name, long[] epochSeconds, double[] close) {
        if (epochSeconds == null || epochSeconds.length < 2) {
            throw new IllegalArgumentException("a price history needs at least two bars");
        }
        Duration bar = typicalBar(epochSeconds);
        if (bar.isNegative() || bar.isZero()) {
            throw new IllegalArgumentException("times must increase strictly; most bars of " + name
                    + " do not move forward in time");
        }
        return new PriceHistory(name, epochSeconds, null, null, null, close, null, bar,
                isWeekdayCalendar(epochSeconds, bar));
    }

    /** The median spacing of consecutive times: a history's bar. */
    static Duration typicalBar(long[] epochSeconds) {
        long[] spacings = new long[epochSeconds.length - 1];
        for (int i = 1; i < epochSeconds.length; i++) {
            spacings[i - 1] = epochSeconds[i] - epochSeconds[i - 1];
        }
        Arrays.sort(spacings);
        return Duration.ofSeconds(spacings[spacings.length / 2]);
    }

    /** A daily history with enough bars and none on a weekend follows an exchange's weekday calendar. */
    static boolean isWeekdayCalendar(long[] epochSeconds, Duration bar) {
        if (!bar.equals(Duration.ofDays(1)) || epochSeconds.length < CALENDAR_MINIMUM_BARS) {
            return false;
        }
        for (long second : epochSeconds) {
            if (isWeekend(second)) {
                return false;
            }
        }
        return true;
    }

    private static double[] optionalCopy(String field, double[] values, int bars) {
        if (values == null) {
            return null;
        }
        if (values.length != bars) {
            throw new IllegalArgumentException(field + " must have one entry per bar (" + bars + "), not "
                    + values.length);
        }
        return values.clone();
    }

    /** What the history is of, e.g. the file it was read from. */
    public String name() {
        return name;
    }

    /** The number of bars. */
    public int size() {
        return close.length;
    }

    /** The time of bar {@code i}. */
    public Instant time(int i) {
        return Instant.ofEpochSecond(epochSeconds[i]);
    }

    /** The times of the bars, seconds since 1970-01-01T00:00Z. */
    public long[] epochSeconds() {
        return epochSeconds.clone();
    }

    /** The close of bar {@code i}, in the quote currency. */
    public double close(int i) {
        return close[i];
    }

    /** The closes, in the quote currency, one per bar. */
    public double[] closes() {
        return close.clone();
    }

    /** Whether the data has open, high and low prices. */
    public boolean hasOhlc() {
        return open != null && high != null && low != null;
    }

    /** The opening prices, or null when the data has none. */
    public double[] opens() {
        return open == null ? null : open.clone();
    }

    /** The highest prices, or null when the data has none. */
    public double[] highs() {
        return high == null ? null : high.clone();
    }

    /** The lowest prices, or null when the data has none. */
    public double[] lows() {
        return low == null ? null : low.clone();
    }

    /** Traded volume per bar, in units of the asset, or null when the data has none. */
    public double[] volumes() {
        return volume == null ? null : volume.clone();
    }

    /** The typical spacing of the bars: one day for a daily history, one hour for an hourly one. */
    public Duration bar() {
        return bar;
    }

    /** Whether the bars skip weekends, as an exchange's daily closes do; crypto trades every day. */
    public boolean weekdaysOnly() {
        return weekdaysOnly;
    }

    /**
     * How many bars a horizon spans: {@code 1d} is one daily bar or 24 hourly ones. Over weekdays a horizon
     * shorter than a week counts trading days ({@code 2d} is two bars, as EMIR's two-day liquidation period
     * means two business days) and a longer one five bars per seven days. Rounded to the nearest bar, at least
     * one.
     *
     * @param horizon the horizon, e.g. a liquidation period
     * @throws IllegalArgumentException when the horizon is not positive
     */
    public int barsIn(Duration horizon) {
        if (horizon == null || horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be a positive duration, not " + horizon);
        }
        double bars = (double) horizon.getSeconds() / bar.getSeconds();
        if (weekdaysOnly && bars >= 7) {
            bars = bars * 5 / 7;
        }
        return (int) Math.max(1, Math.round(bars));
    }

    /** The bars in a year of 365 days: 365 daily, 8,760 hourly; 252 for weekdays, the usual trading year. */
    public double barsPerYear() {
        return weekdaysOnly ? 252 : 365.0 * DAY_SECONDS / bar.getSeconds();
    }

    /** The log return of each bar over the one before, ln(close[i + 1] / close[i]); {@code size() - 1} of them. */
    public double[] logReturns() {
        double[] returns = new double[close.length - 1];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = Math.log(close[i + 1] / close[i]);
        }
        return returns;
    }

    /**
     * The bars {@code from} (inclusive) to {@code to} (exclusive), as a history of their own.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from}, {@code to <= size()} and at least two bars remain
     */
    public PriceHistory window(int from, int to) {
        if (from < 0 || to > size() || to - from < 2) {
            throw new IllegalArgumentException("a window needs at least two bars within 0.." + size() + ", not "
                    + from + ".." + to);
        }
        return new PriceHistory(name, Arrays.copyOfRange(epochSeconds, from, to), range(open, from, to),
                range(high, from, to), range(low, from, to), Arrays.copyOfRange(close, from, to),
                range(volume, from, to), bar, weekdaysOnly);
    }

    /**
     * The bars at or after {@code from} and before {@code to}; either may be null for no limit.
     *
     * @throws IllegalArgumentException when fewer than two bars fall between them
     */
    public PriceHistory between(Instant from, Instant to) {
        int first = from == null ? 0 : firstAtOrAfter(from.getEpochSecond());
        int end = to == null ? size() : firstAtOrAfter(to.getEpochSecond());
        if (end - first < 2) {
            throw new IllegalArgumentException(name + " has " + Math.max(0, end - first) + " bar(s) from "
                    + (from == null ? "its start" : from) + " to " + (to == null ? "its end" : to)
                    + "; a history needs at least two");
        }
        return window(first, end);
    }

    /** The bar nearest {@code instant} in time, the later of two equally near; the first or last bar outside them. */
    public int nearest(Instant instant) {
        long second = instant.getEpochSecond();
        int after = Math.min(size() - 1, firstAtOrAfter(second));
        return after > 0 && second - epochSeconds[after - 1] < epochSeconds[after] - second ? after - 1 : after;
    }

    private int firstAtOrAfter(long second) {
        int found = Arrays.binarySearch(epochSeconds, second);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * A rolling window over the bars: {@code from} (inclusive) to {@code to} (exclusive), so that an estimate made
     * on it at bar {@code to - 1} uses only bars up to then.
     */
    public record Window(int from, int to) {

        public Window {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("a window runs from a bar to a later one, not " + from + ".." + to);
            }
        }

        /** The number of bars in the window. */
        public int length() {
            return to - from;
        }
    }

    /**
     * The windows of {@code length} bars ending every {@code step} bars, the last ending at the last bar: the
     * samples of a rolling estimate re-made every {@code step} bars.
     *
     * @throws IllegalArgumentException when the length is below 2, above {@code size()}, or the step below 1
     */
    public List<Window> rollingWindows(int length, int step) {
        if (length < 2 || length > size()) {
            throw new IllegalArgumentException("a rolling window needs 2 to " + size() + " bars, not " + length);
        }
        if (step < 1) {
            throw new IllegalArgumentException("the step of rolling windows must be at least one bar, not " + step);
        }
        List<Window> windows = new ArrayList<>();
        for (int to = length + (size() - length) % step; to <= size(); to += step) {
            windows.add(new Window(to - length, to));
        }
        return List.copyOf(windows);
    }

    private static double[] range(double[] values, int from, int to) {
        return values == null ? null : Arrays.copyOfRange(values, from, to);
    }

    /** Whether {@code second} falls on a Saturday or Sunday, UTC. */
    static boolean isWeekend(long second) {
        DayOfWeek day = Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "PriceHistory[" + name + ", " + size() + " bars of " + bar + " from " + time(0) + " to "
                + time(size() - 1) + "]";
    }
}
