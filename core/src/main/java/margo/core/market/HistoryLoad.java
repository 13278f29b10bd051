package margo.core.market;

import java.util.List;

/**
 * The result of loading a price-history file: the history of usable bars, in time order, and every warning about
 * its rows, in file-line order.
 *
 * @param history  the bars
 * @param warnings each row left out, repaired or suspicious, with its line
 * @param columns  the columns read, as named in the file: time, close, then open, high, low and volume when found
 */
public record HistoryLoad(PriceHistory history, List<HistoryWarning> warnings, List<String> columns) {

    public HistoryLoad {
        if (history == null || warnings == null || columns == null) {
            throw new IllegalArgumentException("history, warnings and columns must not be null");
        }
        warnings = List.copyOf(warnings);
        columns = List.copyOf(columns);
    }
}
