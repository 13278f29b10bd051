package margo.dsl.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import margo.core.market.HistoryColumns;
import margo.core.market.HistoryFormatException;
import margo.core.market.HistoryLoad;
import margo.core.market.HistoryWarning;
import margo.core.market.PriceHistories;
import margo.core.market.PriceHistory;
import margo.dsl.check.CheckedProgram;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * {@code history(path, time?, close?, open?, high?, low?, volume?)}: loads a price history through core's
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

    HistoryBuiltins(CheckedProgram checked, ChainLoader files, Function<Expr, Value> evaluator,
                    List<Diagnostic> warnings) {
        this.checked = checked;
        this.source = checked.program().source();
        this.files = files;
        this.evaluator = evaluator;
        this.warnings = warnings;
    }

    static boolean handles(String function) {
        return function.equals("history");
    }

    Value call(Expr.Call call) {
        return switch (call.callee().id()) {
            case "history" -> history(call);
            default -> throw new IllegalStateException("not a history built-in: " + call.callee().id());
        };
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
