package margo.dsl.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import margo.core.margin.Book;
import margo.core.margin.MarginRule;
import margo.core.margin.PositionPricer;
import margo.core.market.HistoryColumns;
import margo.core.market.HistoryFormatException;
import margo.core.market.HistoryLoad;
import margo.core.market.HistoryWarning;
import margo.core.market.ImpliedVolatilityHistories;
import margo.core.market.PriceHistories;
import margo.core.market.PriceHistory;
import margo.core.market.VolatilityUnit;
import margo.dsl.check.CheckedProgram;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.core.risk.BookBacktest;
import margo.core.risk.CollateralHaircut;
import margo.core.risk.Shock;
import margo.core.risk.ShockSeries;
import margo.dsl.value.BookValue;
import margo.core.risk.CoverageTable;
import margo.core.risk.Ewma;
import margo.core.risk.FeeCalibration;
import margo.core.risk.HorizonReturns;
import margo.core.risk.Lookback;
import margo.core.risk.RollingReturns;
import margo.core.risk.ShockEstimator;
import margo.core.risk.ShockSpec;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.InstantValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.RulesCalibration;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * The built-ins of price histories and calibrated margin: {@code history(...)}, the reports {@code explain},
 * {@code backtest}, {@code shocks}, {@code coverage}, {@code haircut} and {@code fees}, and the figures {@code plot}
 * draws of the last three (core's {@code margo.core.risk} computes; {@link HistoryReports} and {@link RiskPlots}
 * show). {@code history(path, time?, close?, open?, high?, low?, volume?)} loads a price history through core's
 * {@link PriceHistories} into a table, one row per bar. Each of core's row warnings becomes a warning at the call
 * naming the file and line; past {@link #LISTED_PER_PROBLEM} of one kind, the rest are counted in one more. A file
 * that cannot be used is a {@link RunFailure} at the call.
 */
final class HistoryBuiltins {

    /** Warnings of one kind listed one by one before the rest are counted. */
    static final int LISTED_PER_PROBLEM = 5;

    private final CheckedProgram checked;
    private final SourceFile source;
    private final ChainLoader files;
    private final Function<Expr, Value> evaluator;
    private final List<Diagnostic> warnings;
    private final MarginBuiltins margins;

    /** @param margins the margin built-ins, whose engine runs a book's backtest over its parts */
    HistoryBuiltins(CheckedProgram checked, ChainLoader files, Function<Expr, Value> evaluator,
                    List<Diagnostic> warnings, MarginBuiltins margins) {
        this.checked = checked;
        this.source = checked.program().source();
        this.files = files;
        this.evaluator = evaluator;
        this.warnings = warnings;
        this.margins = margins;
    }

    static boolean handles(String function) {
        return switch (function) {
            case "history", "vol_history", "returns", "rolling", "explain", "backtest", "shocks", "coverage", "haircut", "fees" -> true;
            default -> false;
        };
    }

    Value call(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        try {
            return switch (call.callee().id()) {
                case "history" -> history(call);
                case "vol_history" -> volHistory(call);
                case "returns" -> returns(arguments);
                case "rolling" -> rolling(arguments);
                case "explain" -> HistoryReports.explain(label(arguments.get(0)), calibrated(arguments.get(0)));
                case "backtest" -> arguments.get(3) == null
                        ? HistoryReports.backtest(label(arguments.get(0)), calibrated(arguments.get(0)),
                                instant(arguments.get(1)), instant(arguments.get(2)))
                        : bookBacktest(call, arguments);
                case "shocks" -> HistoryReports.shocks(label(arguments.get(0)), calibrated(arguments.get(0)));
                case "coverage" -> coverage(arguments);
                case "haircut" -> haircut(arguments);
                case "fees" -> fees(arguments);
                default -> throw new IllegalStateException("not a history built-in: " + call.callee().id());
            };
        } catch (IllegalArgumentException coreRejected) {
            throw new RunFailure(call.span(), call.callee().id() + " cannot be computed: " + coreRejected.getMessage());
        }
    }

    /** {@code plot shocks(pm)}, {@code plot coverage(h)}, {@code plot fees(h)}: the report drawn. */
    FigureValue figure(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        String title = source.text().substring(call.span().start(), call.span().end());
        try {
            return new FigureValue(switch (call.callee().id()) {
                case "shocks" -> RiskPlots.shocks(title, calibrated(arguments.get(0)));
                case "coverage" -> RiskPlots.coverage(title, coverageTable(arguments));
                case "fees" -> {
                    PriceHistory history = history(arguments.get(0));
                    yield RiskPlots.fees(title, history, feeCalibration(history, arguments));
                }
                default -> throw new IllegalStateException("not a plotted report: " + call.callee().id());
            });
        } catch (IllegalArgumentException coreRejected) {
            throw new RunFailure(call.span(), call.callee().id() + " cannot be drawn: " + coreRejected.getMessage());
        }
    }

    /** The calibration of a rules value; a rule declared in the recipe has none. */
    private RulesCalibration calibrated(Expr rules) {
        RulesValue value = (RulesValue) evaluator.apply(rules);
        if (value.calibration() == null) {
            throw new RunFailure(rules.span(), label(rules) + " was not calibrated from a history, so it has no"
                    + " shocks to show or backtest", "calibrate it: rules r = calibrate " + label(rules)
                    + " to HISTORY { confidence 99% }");
        }
        return value.calibration();
    }

    private PriceHistory history(Expr argument) {
        return priceHistory((TableValue) evaluator.apply(argument), label(argument), argument.span());
    }

    /**
     * {@code backtest(rules, from?, to?, book, vol_response?)}: the book's loss against the margin before it. Each
     * margin group's backtest depends on that group alone, so under an engine it runs as one job over the book's
     * parts, as margin does ({@link MarginBuiltins#rows}).
     */
    private ReportValue bookBacktest(Expr.Call call, List<Expr> arguments) {
        RulesValue rules = (RulesValue) evaluator.apply(arguments.get(0));
        RulesCalibration calibration = calibrated(arguments.get(0));
        BookValue book = (BookValue) evaluator.apply(arguments.get(3));
        ShockSeries period = HistoryReports.period(calibration, instant(arguments.get(1)), instant(arguments.get(2)));
        PositionPricer pricer = book.pricer();
        Function<Shock, MarginRule> ruleAt = RulesCalibrator.ruleAt(rules.rule());
        BookBacktest.VolatilityResponse response = new BookBacktest.VolatilityResponse(number(arguments.get(4), 0));
        // The backtest of no account, here: core's rejection of the period (too few horizons) as in process, before
        // any part runs, and the sentence of how positions are revalued, which does not depend on the accounts.
        String revaluation = BookBacktest.run(new Book(List.of()), pricer, period, ruleAt, response).revaluation();
        Table rows = margins.rows(book, call, part -> HistoryReports.bookBacktestRows(
                BookBacktest.run(part, pricer, period, ruleAt, response)));
        return HistoryReports.bookBacktest(label(arguments.get(0)), label(arguments.get(3)), calibration, revaluation,
                rows);
    }

    /** {@code returns(history, horizon?, overlapping?)}: the horizon returns from the bar each starts at. */
    private TableValue returns(List<Expr> arguments) {
        PriceHistory history = history(arguments.get(0));
        int bars = arguments.get(1) == null ? 1 : bars(history, arguments.get(1), 0);
        boolean overlapping = arguments.get(2) != null && ((BooleanValue) evaluator.apply(arguments.get(2))).value();
        double[] logReturns = history.logReturns();
        if (bars > logReturns.length) {
            throw new RunFailure(arguments.get(1).span(), label(arguments.get(0)) + " has " + logReturns.length
                    + " returns, fewer than the " + bars + " bars of the horizon " + label(arguments.get(1)));
        }
        double[] horizon = overlapping ? HorizonReturns.overlapping(logReturns, bars)
                : HorizonReturns.nonOverlapping(logReturns, bars);
        int step = overlapping ? 1 : bars;
        InstantColumn starts = InstantColumn.create("time");
        InstantColumn ends = InstantColumn.create("end");
        double[] simple = new double[horizon.length];
        for (int k = 0; k < horizon.length; k++) {
            starts.append(history.time(k * step));
            ends.append(history.time(k * step + bars));
            simple[k] = Math.expm1(horizon[k]);
        }
        return new TableValue(Table.create("returns", starts, ends, DoubleColumn.create("log_return", horizon),
                DoubleColumn.create("return", simple)), null);
    }

    /** {@code rolling(history, window?, step?)}: the statistics of each window's one-bar returns, at its last bar. */
    private TableValue rolling(List<Expr> arguments) {
        PriceHistory history = history(arguments.get(0));
        int length = bars(history, arguments.get(1), 30.0 / 365);
        int step = arguments.get(2) == null ? 1 : bars(history, arguments.get(2), 0);
        if (length < 2 || length > history.size() - 1) {
            throw new RunFailure(arguments.get(1) == null ? arguments.get(0).span() : arguments.get(1).span(),
                    "a rolling window needs 2 to " + (history.size() - 1) + " returns of " + label(arguments.get(0))
                            + ", not " + length, "choose a window between two bars and the history's length");
        }
        List<RollingReturns.Window> windows = RollingReturns.of(history.logReturns(), length, step);
        double annualising = Math.sqrt(history.barsPerYear());
        InstantColumn ends = InstantColumn.create("time");
        InstantColumn starts = InstantColumn.create("from");
        DoubleColumn count = DoubleColumn.create("returns");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn volatility = DoubleColumn.create("volatility");
        DoubleColumn annualised = DoubleColumn.create("annualised_volatility");
        DoubleColumn lowest = DoubleColumn.create("lowest");
        DoubleColumn highest = DoubleColumn.create("highest");
        DoubleColumn total = DoubleColumn.create("log_return");
        for (RollingReturns.Window window : windows) {
            ends.append(history.time(window.end()));
            starts.append(history.time(window.end() - length));
            count.append(length);
            mean.append(window.mean());
            volatility.append(window.volatility());
            annualised.append(window.volatility() * annualising);
            lowest.append(window.lowest());
            highest.append(window.highest());
            total.append(window.total());
        }
        return new TableValue(Table.create("rolling", ends, starts, count, mean, volatility, annualised, lowest,
                highest, total), null);
    }

    /** {@code coverage(history, method?, horizon?, lookback?)}. */
    private ReportValue coverage(List<Expr> arguments) {
        return HistoryReports.coverage(label(arguments.get(0)), coverageTable(arguments));
    }

    private CoverageTable coverageTable(List<Expr> arguments) {
        PriceHistory history = history(arguments.get(0));
        String method = text(arguments.get(1)) == null ? "hs" : text(arguments.get(1));
        int horizon = bars(history, arguments.get(2), 1.0 / 365);
        int lookback = bars(history, arguments.get(3), 1);
        return CoverageTable.of(history.logReturns(), level -> ShockEstimators.of(method,
                ShockSpec.valueAtRisk(level, horizon), ShockEstimators.DEFAULT_LAMBDA, "normal", "ewma", "direct"),
                Lookback.rolling(lookback), 1, CoverageTable.STANDARD_LEVELS);
    }

    /** {@code haircut(history, confidence?, horizon?, method?, lookback?, add_on?)}. */
    private HaircutValue haircut(List<Expr> arguments) {
        PriceHistory history = history(arguments.get(0));
        double confidence = number(arguments.get(1), 0.99);
        int horizon = bars(history, arguments.get(2), 2.0 / 365);
        String method = text(arguments.get(3)) == null ? "hs" : text(arguments.get(3));
        int lookback = bars(history, arguments.get(4), 1);
        ShockEstimator estimator = ShockEstimators.of(method, ShockSpec.valueAtRisk(confidence, horizon),
                ShockEstimators.DEFAULT_LAMBDA, "normal", "ewma", "direct");
        CollateralHaircut haircut = CollateralHaircut.of(history.logReturns(), estimator, lookback,
                number(arguments.get(5), 0));
        String label = label(arguments.get(0));
        return new HaircutValue(haircut, label, history, HistoryReports.haircut(label, haircut));
    }

    /** {@code fees(history, base?, min?, max?, latency?, confidence?, lambda?)}. */
    private ReportValue fees(List<Expr> arguments) {
        PriceHistory history = history(arguments.get(0));
        return HistoryReports.fees(label(arguments.get(0)), history, feeCalibration(history, arguments));
    }

    private FeeCalibration feeCalibration(PriceHistory history, List<Expr> arguments) {
        double lambda = number(arguments.get(6), ShockEstimators.DEFAULT_LAMBDA);
        return FeeCalibration.calibrate(history.logReturns(), new Ewma(lambda), number(arguments.get(1), 0),
                number(arguments.get(2), 0), number(arguments.get(3), 0.10),
                arguments.get(4) == null ? 1 : bars(history, arguments.get(4), 0), number(arguments.get(5), 0.99));
    }

    private double number(Expr argument, double otherwise) {
        return argument == null ? otherwise : ((NumberValue) evaluator.apply(argument)).value();
    }

    private Instant instant(Expr argument) {
        return argument == null ? null : ((InstantValue) evaluator.apply(argument)).value();
    }

    /** A duration argument in bars of the history. */
    private int bars(PriceHistory history, Expr argument, double otherwiseYears) {
        double years = number(argument, otherwiseYears);
        if (!(years > 0)) {
            throw new RunFailure(argument.span(), "a duration here must be positive, not " + label(argument));
        }
        return history.barsIn(ShockEstimators.duration(years));
    }

    private String label(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }

    private TableValue history(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        String path = text(arguments.get(0));
        Path file = files.readable(path, call.span());
        HistoryColumns columns = new HistoryColumns(text(arguments.get(1)), text(arguments.get(3)),
                text(arguments.get(4)), text(arguments.get(5)), text(arguments.get(2)), text(arguments.get(6)));
        HistoryLoad load;
        try {
            load = PriceHistories.load(file, columns, files.maxBytes());
        } catch (HistoryFormatException unusable) {
            throw new RunFailure(call.span(), "cannot use " + path + " as a price history: " + unusable.getMessage(),
                    "name the columns with history(\"" + path + "\", time \"COLUMN\", close \"COLUMN\")");
        }
        warnings.addAll(rowWarnings(load.warnings(), path, source, call.span()));
        return new TableValue(table(load.history()), null);
    }

    /**
     * {@code vol_history(path, time?, vol?, unit?)}: the implied vols as decimals, with the row warnings of a history,
     * each value left out for its unit, and a note of the unit decided.
     */
    private TableValue volHistory(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        String path = text(arguments.get(0));
        Path file = files.readable(path, call.span());
        String unit = text(arguments.get(3));
        ImpliedVolatilityHistories.Load load;
        try {
            load = ImpliedVolatilityHistories.load(file, text(arguments.get(1)), text(arguments.get(2)),
                    unit == null ? null : VolatilityUnit.valueOf(unit.toUpperCase(java.util.Locale.ROOT)),
                    files.maxBytes());
        } catch (HistoryFormatException unusable) {
            throw new RunFailure(call.span(), "cannot use " + path + " as an implied-vol history: "
                    + unusable.getMessage(), "name the columns with vol_history(\"" + path
                    + "\", time \"COLUMN\", vol \"COLUMN\")");
        }
        warnings.addAll(rowWarnings(load.warnings(), path, source, call.span()));
        for (String dropped : load.dropped()) {
            warnings.add(Diagnostic.warning(source, call.span(), path + " " + dropped));
        }
        warnings.add(Diagnostic.note(source, call.span(), path + ": " + load.unitNote()));
        PriceHistory vols = load.vols();
        int n = vols.size();
        InstantColumn times = InstantColumn.create("time");
        double[] changes = new double[n];
        changes[0] = Double.NaN;
        for (int i = 0; i < n; i++) {
            times.append(vols.time(i));
            if (i > 0) {
                changes[i] = Math.log(vols.close(i) / vols.close(i - 1));
            }
        }
        return new TableValue(Table.create(vols.name(), times, DoubleColumn.create("vol", vols.closes()),
                DoubleColumn.create("log_change", changes)), null);
    }

    /** The vols of a table with a time and a vol column, as {@code vol_history(...)} makes and keep filters. */
    static PriceHistory volHistory(TableValue value, String label, Span span) {
        Table table = value.table();
        if (!table.containsColumn("time") || !table.containsColumn("vol")) {
            throw new RunFailure(span, label + " is not an implied-vol history: it needs the columns time and vol",
                    "load one with vol_history(\"file.csv\")");
        }
        Table renamed = Table.create(table.name(), table.instantColumn("time"),
                table.doubleColumn("vol").copy().setName("close"));
        return priceHistory(new TableValue(renamed, null), label, span);
    }

    /** One warning per row, up to {@link #LISTED_PER_PROBLEM} of a kind, then one counting the rest of that kind. */
    static List<Diagnostic> rowWarnings(List<HistoryWarning> rows, String path, SourceFile source, Span span) {
        List<Diagnostic> listed = new ArrayList<>();
        Map<HistoryWarning.Problem, Integer> seen = new EnumMap<>(HistoryWarning.Problem.class);
        Map<HistoryWarning.Problem, Integer> firstUnlisted = new EnumMap<>(HistoryWarning.Problem.class);
        for (HistoryWarning row : rows) {
            int count = seen.merge(row.problem(), 1, Integer::sum);
            if (count <= LISTED_PER_PROBLEM) {
                listed.add(Diagnostic.warning(source, span, path + " " + row.text()));
            } else {
                firstUnlisted.putIfAbsent(row.problem(), row.line());
            }
        }
        firstUnlisted.forEach((problem, line) -> {
            int more = seen.get(problem) - LISTED_PER_PROBLEM;
            listed.add(Diagnostic.warning(source, span, path + ": " + more + " more row" + (more == 1 ? "" : "s")
                    + " with the problem " + problem.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ", the first on line " + line));
        });
        return listed;
    }

    /** The bars as a table: time, open, high, low, close, volume (missing where the file has none), log_return. */
    static Table table(PriceHistory history) {
        int n = history.size();
        InstantColumn times = InstantColumn.create("time");
        for (int i = 0; i < n; i++) {
            times.append(history.time(i));
        }
        double[] returns = new double[n];
        returns[0] = Double.NaN;
        System.arraycopy(history.logReturns(), 0, returns, 1, n - 1);
        return Table.create(history.name(), times, prices("open", history.opens(), n),
                prices("high", history.highs(), n), prices("low", history.lows(), n),
                DoubleColumn.create("close", history.closes()), prices("volume", history.volumes(), n),
                DoubleColumn.create("log_return", returns));
    }

    private static DoubleColumn prices(String name, double[] values, int rows) {
        if (values != null) {
            return DoubleColumn.create(name, values);
        }
        double[] missing = new double[rows];
        java.util.Arrays.fill(missing, Double.NaN);
        return DoubleColumn.create(name, missing);
    }

    /** The history in a table with a time and a close column, as {@code history(...)} makes and keep filters. */
    static PriceHistory priceHistory(TableValue value, String label, Span span) {
        Table table = value.table();
        if (!table.containsColumn("time") || !table.containsColumn("close")) {
            throw new RunFailure(span, label + " is not a price history: it needs the columns time and close",
                    "load one with history(\"file.csv\")");
        }
        int n = table.rowCount();
        if (n < 2) {
            throw new RunFailure(span, label + " has " + n + " row" + (n == 1 ? "" : "s")
                    + "; a price history needs at least two", "keep fewer rows out");
        }
        long[] seconds = new long[n];
        double[] closes = table.doubleColumn("close").asDoubleArray();
        InstantColumn times = table.instantColumn("time");
        for (int i = 0; i < n; i++) {
            Instant time = times.get(i);
            if (time == null) {
                throw new RunFailure(span, label + " has no time in row " + (i + 1));
            }
            seconds[i] = time.getEpochSecond();
        }
        try {
            return PriceHistory.ofCloses(label, seconds, closes);
        } catch (IllegalArgumentException notAHistory) {
            throw new RunFailure(span, label + " is not a usable price history: " + notAHistory.getMessage());
        }
    }

    private String text(Expr argument) {
        return argument == null ? null : ((TextValue) evaluator.apply(argument)).value();
    }
}
