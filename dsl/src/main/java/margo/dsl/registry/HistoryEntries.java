package margo.dsl.registry;

import static margo.dsl.registry.ParameterSpec.optional;
import static margo.dsl.registry.ParameterSpec.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.dsl.check.Kind;
import margo.dsl.check.TableSchema;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * The registry's entries for price histories and the margin calibrated from them: the built-in {@code history}
 * and the columns of the table it returns. The user's guide is {@code docs/margin-calibration.md}.
 */
final class HistoryEntries {

    private static final Set<Kind> TEXT = Set.of(Kind.TEXT);
    /** The example history: real BTC-USD daily closes from Yahoo Finance (examples/data/README.md). */
    static final String BTC = "data btc = history(\"data/btc-usd-daily-close-yahoo.csv\")\n";

    /** The columns of a history table, in order, with their kinds; every history has all of them. */
    static final Map<String, Kind> COLUMNS = columns();

    private final Registry registry;

    private HistoryEntries(Registry registry) {
        this.registry = registry;
    }

    static void declare(Registry registry) {
        HistoryEntries entries = new HistoryEntries(registry);
        entries.history();
    }

    private static Map<String, Kind> columns() {
        Map<String, Kind> columns = new LinkedHashMap<>();
        columns.put("time", Kind.INSTANT);
        for (String price : List.of("open", "high", "low", "close", "volume", "log_return")) {
            columns.put(price, Kind.NUMBER);
        }
        return columns;
    }

    private void history() {
        registry.function(new FunctionSpec("history", List.of(
                required("path", TEXT, "file path", "the CSV file, relative to the recipe's folder"),
                column("time", "timestamp, timestamps, time, datetime or date",
                        "the column of the bars' times: dates (UTC midnight), date-times (UTC unless zoned) or"
                                + " seconds or milliseconds since 1970"),
                column("close", "close, adj close, adj_close, price or last", "the column of closing prices"),
                column("open", "open", "the column of opening prices"),
                column("high", "high", "the column of highest prices"),
                column("low", "low", "the column of lowest prices"),
                column("volume", "volume", "the column of traded volume, which tells a partial last bar")),
                false, Kind.TABLE, "table: time (UTC), open, high, low, close (quote currency per unit), volume and"
                        + " log_return, one row per bar in time order", false,
                "Loads a price history from CSV, daily or intraday: a time column and a close, or OHLC, with the"
                        + " columns detected from the header (any case) or named. Every row is checked, and each"
                        + " problem is a warning naming its line and what was done: a time or price that cannot be"
                        + " read or is not positive (row left out), rows out of time order (sorted), a second row at"
                        + " one time (the later left out), bars missing against the detected spacing (reported;"
                        + " weekends do not count in a history of weekdays), a close repeated exactly, a stale print"
                        + " (kept), a bar outside its high and low (kept), a partial last bar by its volume (left"
                        + " out). log_return is ln(close / previous close), missing on the first row. A file with"
                        + " fewer than two usable rows is an error.",
                BTC + "data eth = history(\"data/eth-usd-daily-close-yahoo.csv\", close \"Close\") {\n"
                        + "  keep time >= 2020-01-01\n}\nshow eth { rows 5 }",
                new Implementation.Core()));
        registry.resultSchema("history", TableSchema.of(COLUMNS, false));
    }

    private static ParameterSpec column(String name, String detected, String doc) {
        return optional(name, TEXT, "column name", "detected: " + detected, List.of(), doc);
    }
}
