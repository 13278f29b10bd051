package margo.dsl.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import margo.core.market.ChainColumn;
import margo.core.market.InstrumentName;
import margo.core.market.OptionChain;
import margo.core.market.QuoteConvention;
import margo.dsl.syntax.Span;
import margo.dsl.value.TableValue;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * A chain table of the language as core's {@link OptionChain}, for the margin and smile cores, and the index price
 * a chain implies. A table keeps the standard columns and the valuation time through {@code keep} and {@code set};
 * the coin is read from the instrument names and the quote convention follows Deribit's naming, as core's
 * {@code Settlement} does: {@code BTC-...} is inverse, {@code BTC_USDC-...} linear.
 */
final class ChainValues {

    private ChainValues() {
    }

    /**
     * @param label what the recipe calls the chain, for messages and as the chain's source
     * @param span  where the chain is used, for errors
     */
    static OptionChain optionChain(TableValue value, String label, Span span) {
        Table table = value.table();
        for (ChainColumn column : ChainColumn.values()) {
            if (!table.containsColumn(column.columnName())) {
                throw new RunFailure(span, label + " is not an option chain: it has no column " + column.columnName(),
                        "load one with options(\"file.csv\")");
            }
        }
        if (value.valuationTime() == null) {
            throw new RunFailure(span, label + " is not an option chain: it has no valuation time",
                    "load one with options(\"file.csv\")");
        }
        if (table.rowCount() == 0) {
            throw new RunFailure(span, label + " has no options left", "its keep conditions removed every row");
        }
        requireOneUnderlying(table, label, span);
        requireOneSnapshot(table, label, span);
        String underlying;
        try {
            underlying = InstrumentName.parse(table.stringColumn(ChainColumn.INSTRUMENT.columnName()).get(0))
                    .underlying();
        } catch (IllegalArgumentException notADeribitName) {
            // An exchange-listed option (an OCC symbol from Cboe) is quoted in USD on its underlying column's asset.
            String asset = table.stringColumn(ChainColumn.UNDERLYING.columnName()).get(0);
            return new OptionChain(table, value.valuationTime(), asset, QuoteConvention.LINEAR, Path.of(label));
        }
        QuoteConvention convention = underlying.contains("_") ? QuoteConvention.LINEAR : QuoteConvention.INVERSE;
        return new OptionChain(table, value.valuationTime(), underlying.split("_")[0], convention, Path.of(label));
    }

    /**
     * A fit, a surface, a model's prices or a book's market are one underlying's: a chain mixing several (an
     * {@code underlying} column with more than one value) is an error at {@code span} that says how to split it.
     */
    static void requireOneUnderlying(Table table, String label, Span span) {
        if (!table.containsColumn(ChainColumn.UNDERLYING.columnName())) {
            return;
        }
        String mixed = OptionChain.mixedUnderlyings(table);
        if (mixed != null) {
            String first = table.stringColumn(ChainColumn.UNDERLYING.columnName()).get(0);
            throw new RunFailure(span, label + " mixes options on " + mixed + "; a fit, a surface, model prices"
                    + " and a book's market each take one underlying's options",
                    "split it by underlying, e.g. data " + first.toLowerCase(java.util.Locale.ROOT) + " = " + label
                            + " { keep underlying == \"" + first + "\" }");
        }
    }

    /**
     * A surface, a book's market, model prices and a smile are of one time: a series of several snapshots
     * ({@code snapshots(...)}) is an error at {@code span} that says how to take one.
     */
    static void requireOneSnapshot(Table table, String label, Span span) {
        if (!table.containsColumn(Calibration.SNAPSHOT)) {
            return;
        }
        InstantColumn times = table.instantColumn(Calibration.SNAPSHOT);
        TreeSet<Instant> distinct = new TreeSet<>();
        for (int row = 0; row < times.size(); row++) {
            distinct.add(times.get(row));
        }
        if (distinct.size() > 1) {
            Instant first = distinct.first();
            throw new RunFailure(span, label + " is a series of " + distinct.size() + " snapshots, from " + first
                    + " to " + distinct.last() + "; this takes one chain",
                    "take one snapshot: data first = " + label + " { keep snapshot == " + first + " }, or fit every"
                            + " snapshot: fit f = calibrate MODEL to " + label);
        }
    }

    /**
     * The index price a chain implies: its forward curve extrapolated back to the valuation time at the constant
     * carry of its two nearest expiries, {@code F1 exp(-b T1)} with {@code b = ln(F2/F1) / (T2 - T1)}; with one
     * expiry, that expiry's forward. Exact for a chain whose forwards grow at one carry rate, such as
     * {@code S exp(r T)}.
     */
    static double impliedIndex(OptionChain chain, Span span) {
        Table table = chain.table();
        Map<Double, Double> forwardByTime = new TreeMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            double time = table.doubleColumn(ChainColumn.TIME_TO_EXPIRY.columnName()).getDouble(row);
            double forward = table.doubleColumn(ChainColumn.FORWARD.columnName()).getDouble(row);
            if (time > 0 && forward > 0) {
                forwardByTime.putIfAbsent(time, forward);
            }
        }
        if (forwardByTime.isEmpty()) {
            throw new RunFailure(span, "the market chain has no forward to derive the index price from",
                    "give it: index 61000");
        }
        var nearest = forwardByTime.entrySet().iterator();
        Map.Entry<Double, Double> first = nearest.next();
        if (!nearest.hasNext()) {
            return first.getValue();
        }
        Map.Entry<Double, Double> second = nearest.next();
        double carry = Math.log(second.getValue() / first.getValue()) / (second.getKey() - first.getKey());
        return first.getValue() * Math.exp(-carry * first.getKey());
    }
}
