package margo.dsl.plot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import margo.core.pricing.OptionType;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The market smile of an option chain: one panel per expiry, implied vol (in percent) against log-moneyness or
 * strike, the mid as markers with a bar from the bid IV to the ask IV, calls and puts apart (a call and a put of
 * one strike quote two vols; in-the-money ones have the wider spreads). Quotes without a mid IV are left out
 * (counted, so the caller can say so).
 */
public final class SmilePlot {

    /** The vertical axis of every smile panel. */
    public static final Axis IMPLIED_VOL = new Axis("implied vol", "%");
    /** The legend entries of the market quotes, by option type. */
    public static final String CALLS = "call mid IV (bar: bid to ask)";
    public static final String PUTS = "put mid IV (bar: bid to ask)";
    /** Panels side by side before the grid wraps. */
    private static final int COLUMNS = 3;

    private SmilePlot() {
    }

    /**
     * The figure and how many rows had nothing to draw.
     *
     * @param figure      null when no row has a mid implied vol
     * @param rowsLeftOut rows without a mid IV, an x value, an expiry or an option type
     */
    public record Drawn(Figure figure, int rowsLeftOut) {}

    /**
     * The first column a table lacks, or has of the wrong kind, to draw its smile on axis {@code x}, as
     * {@code 'mid_iv' of numbers}; null when it has them all. A chain from {@code options(...)} has them all, but
     * {@code set} may replace one.
     */
    public static String missingColumn(Table table, SmileAxis x) {
        Map<String, Class<?>> needed = new LinkedHashMap<>();
        needed.put("expiry", InstantColumn.class);
        needed.put("type", StringColumn.class);
        for (String column : List.of("bid_iv", "mid_iv", "ask_iv", x.column())) {
            needed.put(column, NumericColumn.class);
        }
        for (Map.Entry<String, Class<?>> column : needed.entrySet()) {
            if (!table.containsColumn(column.getKey()) || !column.getValue().isInstance(table.column(column.getKey()))) {
                String kind = column.getValue() == InstantColumn.class ? "instants"
                        : column.getValue() == StringColumn.class ? "text" : "numbers";
                return "'" + column.getKey() + "' of " + kind;
            }
        }
        return null;
    }

    /**
     * @param chain         a table with no {@link #missingColumn}
     * @param valuationTime the chain's valuation time, for the days to each expiry; null to leave them out
     * @param title         the figure's title, e.g. {@code smile of chain}
     */
    public static Drawn of(Table chain, Instant valuationTime, String title, SmileAxis x) {
        return of(chain, valuationTime, title, x, null);
    }

    /** The legend entry of a model's smile. */
    public static final String MODEL = "model IV";
    /** Points of a model's smile per panel: dense enough that the curve looks smooth at any panel size. */
    static final int MODEL_POINTS = 101;

    /** A model's implied vols over one panel, so that the plot knows nothing of models. */
    @FunctionalInterface
    public interface ModelSmile {
        /**
         * @param rows the chain's rows of the panel's expiry
         * @param grid x values (log-moneyness or strike, as the axis), ascending
         * @return the model's implied vol at each, a decimal; NaN where it has none (a gap in the line)
         */
        double[] impliedVols(int[] rows, double[] grid);
    }

    /**
     * As {@link #of(Table, Instant, String, SmileAxis)}, with the model's smile in each panel as a line over
     * {@link #MODEL_POINTS} evenly spaced x values from the panel's smallest to its largest quoted x.
     *
     * @param model the model's smile, or null for the market alone
     */
    public static Drawn of(Table chain, Instant valuationTime, String title, SmileAxis x, ModelSmile model) {
        InstantColumn expiries = chain.instantColumn("expiry");
        NumericColumn<?> xs = chain.numberColumn(x.column());
        NumericColumn<?> bids = chain.numberColumn("bid_iv");
        NumericColumn<?> mids = chain.numberColumn("mid_iv");
        NumericColumn<?> asks = chain.numberColumn("ask_iv");
        TreeMap<Instant, List<Integer>> rowsByExpiry = new TreeMap<>();
        StringColumn typeNames = chain.stringColumn("type");
        OptionType[] types = new OptionType[chain.rowCount()];
        int leftOut = 0;
        for (int row = 0; row < chain.rowCount(); row++) {
            Instant expiry = expiries.get(row);
            types[row] = optionType(typeNames.get(row));
            if (expiry == null || types[row] == null || !Double.isFinite(mids.getDouble(row))
                    || !Double.isFinite(xs.getDouble(row))) {
                leftOut++;
                continue;
            }
            rowsByExpiry.computeIfAbsent(expiry, key -> new ArrayList<>()).add(row);
        }
        if (rowsByExpiry.isEmpty()) {
            return new Drawn(null, leftOut);
        }
        List<Panel> panels = new ArrayList<>();
        rowsByExpiry.forEach((expiry, rows) -> {
            rows.sort((a, b) -> Double.compare(xs.getDouble(a), xs.getDouble(b)));
            List<Trace> traces = new ArrayList<>();
            for (OptionType type : OptionType.values()) {
                List<Integer> ofType = rows.stream().filter(row -> types[row] == type).toList();
                if (!ofType.isEmpty()) {
                    traces.add(quotes(type == OptionType.CALL ? CALLS : PUTS,
                            type == OptionType.CALL ? Palette.BLUE : Palette.ORANGE, ofType, xs, bids, mids, asks));
                }
            }
            if (model != null) {
                traces.add(modelCurve(model, rows, xs));
            }
            panels.add(new Panel(panelTitle(expiry, valuationTime), x.axis(), IMPLIED_VOL, traces));
        });
        return new Drawn(new Figure(title, panels, COLUMNS), leftOut);
    }

    /** Mid IVs as markers with bid-to-ask bars, in percent, for the rows given (sorted by x). */
    private static Series quotes(String name, String color, List<Integer> rows, NumericColumn<?> xs,
                                 NumericColumn<?> bids, NumericColumn<?> mids, NumericColumn<?> asks) {
        int n = rows.size();
        double[] x = new double[n];
        double[] mid = new double[n];
        double[] bid = new double[n];
        double[] ask = new double[n];
        for (int i = 0; i < n; i++) {
            int row = rows.get(i);
            x[i] = xs.getDouble(row);
            mid[i] = percent(mids.getDouble(row));
            bid[i] = percent(bids.getDouble(row));
            ask[i] = percent(asks.getDouble(row));
        }
        return new Series(name, Marks.MARKERS, color, x, mid, bid, ask);
    }

    /** The model's smile between the first and last x of {@code rows} (sorted by x), in percent. */
    private static Series modelCurve(ModelSmile model, List<Integer> rows, NumericColumn<?> xs) {
        double low = xs.getDouble(rows.getFirst());
        double high = xs.getDouble(rows.getLast());
        double[] grid = new double[MODEL_POINTS];
        for (int i = 0; i < MODEL_POINTS; i++) {
            grid[i] = low + (high - low) * i / (MODEL_POINTS - 1);
        }
        double[] vols = model.impliedVols(rows.stream().mapToInt(Integer::intValue).toArray(), grid);
        for (int i = 0; i < vols.length; i++) {
            vols[i] = percent(vols[i]);
        }
        return Series.of(MODEL, Marks.LINES, Palette.GREEN, grid, vols);
    }

    /** The option type a row names, or null when it names none (a type column replaced by set). */
    private static OptionType optionType(String name) {
        try {
            return name == null ? null : OptionType.parse(name);
        } catch (IllegalArgumentException notAType) {
            return null;
        }
    }

    /** Volatilities are decimals in a chain (0.55) and percent on the axis (55); NaN stays NaN. */
    private static double percent(double decimal) {
        return decimal * 100;
    }

    /** {@code 2024-03-08 · 7d}: the expiry date (UTC) and the days from the valuation time to expiry. */
    static String panelTitle(Instant expiry, Instant valuationTime) {
        String date = expiry.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (valuationTime == null) {
            return date;
        }
        double days = Duration.between(valuationTime, expiry).toSeconds() / 86400.0;
        String text = days == Math.rint(days) ? Long.toString((long) days)
                : String.format(Locale.ROOT, "%.1f", days);
        return date + " · " + text + "d";
    }
}
