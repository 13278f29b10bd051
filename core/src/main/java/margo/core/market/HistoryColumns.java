package margo.core.market;

import java.util.List;

/**
 * Which columns of a CSV file hold a price history's time and prices. A null name is detected from the header
 * (any case): the time from {@code timestamp}, {@code timestamps}, {@code time}, {@code datetime} or {@code date};
 * the close from {@code close}, {@code adj close}, {@code adj_close}, {@code price} or {@code last}; open, high,
 * low and volume from their own names. A name given must be a column of the file.
 */
public record HistoryColumns(String time, String open, String high, String low, String close, String volume) {

    /** Every column detected. */
    public static final HistoryColumns DETECTED = new HistoryColumns(null, null, null, null, null, null);

    static final List<String> TIME_NAMES = List.of("timestamp", "timestamps", "time", "datetime", "date");
    static final List<String> CLOSE_NAMES = List.of("close", "adj close", "adj_close", "price", "last");

    /** These columns with the time read from {@code column}. */
    public HistoryColumns withTime(String column) {
        return new HistoryColumns(column, open, high, low, close, volume);
    }

    /** These columns with the close read from {@code column}. */
    public HistoryColumns withClose(String column) {
        return new HistoryColumns(time, open, high, low, column, volume);
    }
}
