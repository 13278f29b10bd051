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
        entries.volHistory();
        entries.calibrate();
        entries.functions();
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
                required("path", TEXT, ParameterSpec.FILE_PATH, "the CSV file, relative to the recipe's folder"),
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

    /** The example implied-vol history: synthetic BTC ATM vols (examples/data/README.md). */
    static final String VOLS = "data vols = vol_history(\"data/btc-atm-vol-synthetic.csv\")\n";

    private void volHistory() {
        registry.function(new FunctionSpec("vol_history", List.of(
                required("path", TEXT, "file path", "the CSV file, relative to the recipe's folder"),
                column("time", "timestamp, timestamps, time, datetime or date", "the column of the values' times"),
                column("vol", "atm_vol, atm_iv, iv, vol, implied_vol, volatility, dvol, close or value",
                        "the column of implied vols: an at-the-money vol, or a vol index such as DVOL"),
                optional("unit", TEXT, "text", "decided from the values", List.of("percent", "decimal"),
                        "\"percent\" (55.2) or \"decimal\" (0.552); by default the file is percent when most"
                                + " values are above 1.5")),
                false, Kind.TABLE, "table: time (UTC), vol (annualised, decimal) and log_change, one row per value"
                        + " in time order", false,
                "Loads a history of implied volatility from CSV: a time column and an at-the-money implied vol or a"
                        + " vol index (the close of Deribit's DVOL, a 30-day implied vol), daily or intraday, with"
                        + " every row check of history(...). Percent or decimal is decided by most of the values,"
                        + " stated in a note; a value in the other unit is left out with a warning. log_change is"
                        + " ln(vol / previous vol). Give it to calibrate's vol_history to set the vol shocks.",
                VOLS + "show vols { rows 5 }", new Implementation.Core()));
        registry.resultSchema("vol_history", TableSchema.of(schema(List.of("time"), List.of("vol", "log_change")),
                false));
    }

    /** The methods of a shock estimate, as {@code method} names them. */
    static final List<String> METHODS = List.of("hs", "ewma", "fhs");
    private static final String CALIBRATE = BTC + "rules pm = calibrate portfolio_margin to btc { %s }\nshow pm";

    private void calibrate() {
        registry.statement(new StatementSpec("calibrate", "rules N = calibrate RULES to HISTORY { confidence c;"
                + " horizon d; method hs|ewma|fhs; lookback d; ... }",
                "Calibrates a rule set's price shock to a price history: the move over the liquidation horizon that"
                        + " each tail of the price covers at the confidence, estimated through time with only past"
                        + " data (re-estimated every `refit`, each estimate from the `lookback` before it), with the"
                        + " anti-procyclicality tools of EMIR RTS 153/2013 art. 28 when chosen. The latest shock"
                        + " sets the rule's price parameter (the wider of the two tails): portfolio_margin's"
                        + " price_range, span's price_scan, deribit_standard's option and future initial fractions"
                        + " (their floors and maintenance keep their ratios). RULES is a family (its defaults) or a"
                        + " rules binding; with vol_history its vol shocks are calibrated too (portfolio_margin's"
                        + " vol_up and vol_down, span's vol_scan), else they stay as declared, which explain says."
                        + " `show` the rules for the new settings; explain(N) for every number,"
                        + " backtest(N) for the exceptions, Kupiec, Christoffersen and the Basel traffic light,"
                        + " plot shocks(N) for the shock through time. See docs/margin-calibration.md.",
                CALIBRATE.formatted("confidence 99%  horizon 1d  method hs  lookback 2y")
                        + "\nshow explain(pm)"));
        String c = "calibrate";
        setting(c, "confidence", Kind.NUMBER, "fraction (99% is 0.99)", "99%",
                "the coverage of each tail on its own: the down shock is exceeded by a fall with probability 1 -"
                        + " confidence, the up shock by a rise likewise (EMIR RTS 153/2013 art. 24: at least 99%"
                        + " for exchange-traded derivatives, 99.5% for OTC)", "confidence 99.5%");
        setting(c, "horizon", Kind.DURATION, "duration", "1d",
                "the liquidation horizon the shock covers, counted in bars of the history (1d is one daily bar or"
                        + " 24 hourly ones; in a history of weekdays 2d is two trading days; art. 26: at least two"
                        + " days for exchange-traded derivatives)", "horizon 2d");
        choice(c, "method", METHODS, "hs",
                "the estimator: hs, historical simulation (the window's own tail); ewma, RiskMetrics volatility"
                        + " (1996) with normal or Student-t quantiles; fhs, filtered historical simulation"
                        + " (Barone-Adesi et al. 1999: the tail of returns over their volatility, scaled by today's)",
                "method ewma");
        choice(c, "measure", List.of("var", "es"), "var",
                "value at risk (the tail quantile) or expected shortfall (the mean beyond it)", "measure es");
        setting(c, "lookback", Kind.DURATION, "duration", "1y",
                "the rolling window of past returns each estimate uses (art. 25: at least the latest 12 months)",
                "lookback 3y");
        setting(c, "refit", Kind.DURATION, "duration", "one bar",
                "how often the shock is re-estimated; it is held in between", "refit 7d");
        setting(c, "lambda", Kind.NUMBER, "decay in (0, 1)", "0.94",
                "the EWMA decay of ewma, and of fhs with filter ewma (RiskMetrics: 0.94 for daily data)",
                "method ewma  lambda 0.97");
        choice(c, "distribution", List.of("normal", "t"), "normal",
                "the innovations of ewma: normal (RiskMetrics) or Student-t scaled to unit variance with its"
                        + " degrees of freedom fitted to the window", "method ewma  distribution t");
        choice(c, "filter", List.of("ewma", "garch"), "ewma",
                "the volatility filter of fhs: EWMA with lambda, or GARCH(1,1) by maximum likelihood refitted"
                        + " each time from the last fit (stationarity enforced; it needs long windows, about 1000"
                        + " daily bars)", "method fhs  filter garch  lookback 1000d");
        choice(c, "scaling", List.of("direct", "sqrt"), "direct",
                "how hs reaches a horizon of several bars: direct, the tail of overlapping horizon returns; sqrt,"
                        + " the one-bar tail times the square root of the bars", "horizon 2d  scaling sqrt");
        setting(c, "buffer", Kind.NUMBER, "fraction, 0 or at least 25%", "0%",
                "EMIR art. 28(a): a buffer on the shock, used up as the shock rises and rebuilt as it falls",
                "buffer 25%");
        setting(c, "stressed_weight", Kind.NUMBER, "fraction, 0 or 25% to 100%", "0%",
                "EMIR art. 28(b): the weight of the most stressed window seen so far (the highest realised"
                        + " variance) blended into the shock", "stressed_weight 25%");
        registry.setting(new SettingSpec(c, "vol_history", Kind.TABLE, "implied-vol history", "none",
                "An implied-vol history from vol_history(...) that sets the vol shocks at the same confidence,"
                        + " horizon and lookback, from its values up to the price history's end, by historical"
                        + " simulation on overlapping changes: portfolio_margin's vol_up and vol_down are the"
                        + " relative rise and fall of IV (the rule's 30-day scaling then applies, so give a 30-day"
                        + " vol such as DVOL), span's vol_scan the wider move in vol points. Without it the vol"
                        + " shocks stay as declared and explain says so.",
                BTC + VOLS + "rules pm = calibrate portfolio_margin to btc { lookback 1y  vol_history vols }\n"
                        + "show pm"));
        setting(c, "floor", Kind.DURATION, "duration", "none",
                "EMIR art. 28(c): the shock is at least historical simulation over this lookback (10y in the"
                        + " regulation; all the history when shorter)", "floor 10y");
    }

    private void functions() {
        ParameterSpec rules = required("rules", Set.of(Kind.RULES), "calibrated rules",
                "rules bound by rules N = calibrate RULES to HISTORY { ... }");
        String calibrated = BTC + "rules pm = calibrate portfolio_margin to btc { lookback 2y }\n";
        registry.function(new FunctionSpec("explain", List.of(rules), false, Kind.REPORT, "report", false,
                "Every number of a calibrated rule: the estimate (method, sample, window dates, confidence,"
                        + " horizon, shock down and up), each anti-procyclicality component's latest shock, for"
                        + " fhs with filter garch the GARCH(1,1) fitted to the last window with standard errors, the"
                        + " share of the window's own moves the shock covers (in sample), the out-of-sample"
                        + " backtest of each tail, and the rule's parameters before and after with where each"
                        + " came from.",
                calibrated + "show explain(pm)", new Implementation.Core()));
        registry.function(new FunctionSpec("backtest", List.of(rules,
                optional("from", Set.of(Kind.INSTANT), "UTC", "the first shock of the series", List.of(),
                        "the first origin backtested"),
                optional("to", Set.of(Kind.INSTANT), "UTC", "the end of the history", List.of(),
                        "the end of the backtest, exclusive"),
                optional("book", Set.of(Kind.BOOK), "book", "none: the shocks themselves", List.of(),
                        "a book held fixed: its positions are revalued at today's market moved by each historical"
                                + " move, and the loss is compared with the initial margin the rule (with the"
                                + " shock known before the move) required"),
                optional("vol_response", Set.of(Kind.NUMBER), "vol points per unit log move", "0", List.of(),
                        "how the book's implied vols move with the price: each shifts by vol_response x ln(1 +"
                                + " move), negative for crypto's spot-vol correlation (a fall raises vols)")),
                false, Kind.REPORT, "report", false,
                "The calibrated rule's shocks against the moves that followed, each tail on its own, on"
                        + " non-overlapping horizons: exceptions, Kupiec's proportion of failures (1995),"
                        + " Christoffersen's independence and conditional coverage (1998) with p-values, the Basel"
                        + " traffic light (BCBS 1996) scaled to the window, and a plain verdict; then the same per"
                        + " calendar year. Given a book, each margin group's loss over each horizon against the"
                        + " initial margin required before it, backtested the same way.",
                calibrated + "show backtest(pm, from 2018-01-01)\n"
                        + "data chain = options(\"data/deribit-btc-sample.csv\")\n"
                        + "book desk = positions(\"data/book.csv\", market chain)\n"
                        + "show backtest(pm, from 2024-01-01, book desk, vol_response = -0.5)",
                new Implementation.Core()));
        registry.function(new FunctionSpec("shocks", List.of(rules), false, Kind.REPORT,
                "report; plotted: the shock through time against the realised moves", false,
                "The calibrated rule's shocks through time, each estimated from data before it: a table of time,"
                        + " down and up shock (fractions of the price), the realised move over the horizon after it"
                        + " and whether it was an exception; with anti-procyclicality, each tool's shock through time."
                        + " `plot shocks(N)` draws the shocks against the realised moves with the exceptions marked,"
                        + " and each tool's shock in a second panel.",
                calibrated + "plot shocks(pm)", new Implementation.Core()));
        ParameterSpec history = required("history", Set.of(Kind.TABLE), "price history",
                "a table with time and close, from history(...)");
        ParameterSpec confidence = optional("confidence", Set.of(Kind.NUMBER), "fraction", "99%", List.of(),
                "the coverage of the down tail");
        ParameterSpec horizon = optional("horizon", Set.of(Kind.DURATION), "duration", "1d", List.of(),
                "the horizon in time, counted in bars of the history");
        ParameterSpec method = optional("method", TEXT, "text", "\"hs\"", METHODS,
                "the estimator: \"hs\", \"ewma\" or \"fhs\" (EWMA-filtered), as in calibrate");
        ParameterSpec lookback = optional("lookback", Set.of(Kind.DURATION), "duration", "1y", List.of(),
                "the window of returns the estimate uses");
        registry.function(new FunctionSpec("returns", List.of(history,
                optional("horizon", Set.of(Kind.DURATION), "duration", "one bar", List.of(),
                        "the horizon of each return, counted in bars of the history (5d is five daily bars or 120"
                                + " hourly ones)"),
                optional("overlapping", Set.of(Kind.BOOLEAN), "true or false", "false", List.of(),
                        "true: a return starts at every bar (n - N + 1 of them, neighbours share N - 1 bars);"
                                + " false: one every N bars (floor(n / N), independent samples)")),
                false, Kind.TABLE, "table: time (the bar the move starts at), end (the bar it ends at),"
                        + " log_return and return (a fraction of the price)", false,
                "The history's returns over a horizon of N bars: log_return = ln(close[end] / close[time]) and"
                        + " return = close[end] / close[time] - 1. Overlapping returns start at every bar and use all"
                        + " the data, as historical simulation at a direct horizon does, but neighbours share N - 1"
                        + " bars, so their effective sample is about n / N and their exceedances cluster;"
                        + " non-overlapping ones start every N bars, as backtests count them.",
                BTC + "show returns(btc, horizon 7d)\nshow returns(btc, horizon 7d, overlapping true) { rows 5 }",
                new Implementation.Core()));
        registry.resultSchema("returns", TableSchema.of(schema(List.of("time", "end"), List.of("log_return",
                "return")), false));
        registry.function(new FunctionSpec("rolling", List.of(history,
                optional("window", Set.of(Kind.DURATION), "duration", "30d", List.of(),
                        "the returns in each window, counted in bars of the history"),
                optional("step", Set.of(Kind.DURATION), "duration", "one bar", List.of(),
                        "how far apart the windows end; a step as long as the window gives windows that do not"
                                + " overlap")),
                false, Kind.TABLE, "table: time (the bar ending the window), from (the bar it starts at), returns,"
                        + " mean, volatility, annualised_volatility, lowest, highest, log_return", false,
                "Statistics of the one-bar log returns in rolling windows ending every step, the last at the end of"
                        + " the history, each from the returns inside it only (so a row is known at its time):"
                        + " their count, mean, standard deviation (volatility per bar, and annualised by the"
                        + " history's bars per year), lowest and highest return, and the log return over the"
                        + " window.",
                BTC + "show rolling(btc, window 30d)\nshow rolling(btc, window 1y, step 1y)",
                new Implementation.Core()));
        registry.resultSchema("rolling", TableSchema.of(schema(List.of("time", "from"), List.of("returns", "mean",
                "volatility", "annualised_volatility", "lowest", "highest", "log_return")), false));
        registry.function(new FunctionSpec("coverage", List.of(history, method, horizon, lookback), false,
                Kind.REPORT, "report; plotted: observed against nominal exceedance", false,
                "Confidence calibration: the estimator's shock series at each level from 90% to 99.9%, and the"
                        + " observed share of falls beyond the down shock and of rises beyond the up shock against"
                        + " the nominal 1 - level, with each tail's Kupiec p-value. A well-calibrated estimator"
                        + " sits on the diagonal at every level. `plot coverage(...)` draws it.",
                BTC + "show coverage(btc, method \"ewma\")\nplot coverage(btc)", new Implementation.Core()));
        registry.function(new FunctionSpec("haircut", List.of(history, confidence,
                optional("horizon", Set.of(Kind.DURATION), "duration", "2d", List.of(),
                        "the liquidation horizon of the collateral"), method, lookback,
                optional("add_on", Set.of(Kind.NUMBER), "fraction", "0%", List.of(),
                        "a declared liquidity add-on for selling in size, which a price history does not show")),
                false, Kind.HAIRCUT, "haircut: shown as a report; a book's collateral takes it,"
                        + " positions(..., haircut H)", false,
                "The haircut a coin deserves as collateral: the fall of its price over the liquidation horizon at"
                        + " the confidence, from its own latest lookback, plus the liquidity add-on, at most 99%."
                        + " `show` it for how it was estimated; give it to positions(..., haircut H) to count the"
                        + " book's coin collateral at it.",
                BTC + "let btc_haircut = haircut(btc, confidence 99%, horizon 2d, add_on 1%)\n"
                        + "show btc_haircut\n"
                        + "data chain = options(\"data/deribit-btc-sample.csv\")\n"
                        + "book desk = positions(\"data/book.csv\", market chain, haircut btc_haircut)\n"
                        + "show margin(desk, deribit_standard)", new Implementation.Core()));
        registry.function(new FunctionSpec("fees", List.of(history,
                optional("base", Set.of(Kind.NUMBER), "fraction of the price", "0", List.of(),
                        "the fee at zero volatility"),
                optional("min", Set.of(Kind.NUMBER), "fraction of the price", "0", List.of(), "the lowest fee"),
                optional("max", Set.of(Kind.NUMBER), "fraction of the price", "10%", List.of(), "the highest fee"),
                optional("latency", Set.of(Kind.DURATION), "duration", "one bar", List.of(),
                        "the execution latency whose adverse move the fee covers"),
                optional("confidence", Set.of(Kind.NUMBER), "fraction", "99%", List.of(),
                        "the share of trades whose adverse move the fee covers"),
                optional("lambda", Set.of(Kind.NUMBER), "decay in (0, 1)", "0.94", List.of(),
                        "the EWMA decay of the volatility")),
                false, Kind.REPORT, "report; plotted: the fee through time against the adverse moves", false,
                "A volatility-adaptive fee schedule, fee(t) = clamp(base + k sigma_t, min, max) over the EWMA"
                        + " volatility per bar forecast before t, with k calibrated so that the fee covers the"
                        + " adverse move (either way) over the latency at the confidence; its breach rate over the"
                        + " history, backtested. `plot fees(...)` draws it.",
                BTC + "show fees(btc, base 5bp, min 5bp, max 5%)", new Implementation.Core()));
    }

    private void setting(String statement, String name, Kind accepts, String unit, String defaultValue, String doc,
                         String example) {
        registry.setting(new SettingSpec(statement, name, accepts, unit, defaultValue,
                Character.toUpperCase(doc.charAt(0)) + doc.substring(1) + ".", CALIBRATE.formatted(example)));
    }

    private void choice(String statement, String name, List<String> choices, String defaultValue, String doc,
                        String example) {
        setting(statement, name, Kind.TEXT, "one of " + String.join(", ", choices), defaultValue, doc, example);
        registry.settingChoices(statement, name, choices);
    }

    /** Time columns, then number columns. */
    private static Map<String, Kind> schema(List<String> times, List<String> numbers) {
        Map<String, Kind> columns = new LinkedHashMap<>();
        times.forEach(name -> columns.put(name, Kind.INSTANT));
        numbers.forEach(name -> columns.put(name, Kind.NUMBER));
        return columns;
    }

    private static ParameterSpec column(String name, String detected, String doc) {
        return optional(name, TEXT, "column name", "detected: " + detected, List.of(), doc);
    }
}
