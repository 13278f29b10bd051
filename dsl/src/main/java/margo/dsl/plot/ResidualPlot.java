package margo.dsl.plot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The errors of a fit quote by quote: one panel per expiry, model minus market (vol points for an implied-vol
 * fit) as markers against log-moneyness, with a line at zero across the panel.
 */
public final class ResidualPlot {

    /** The legend entry of the errors. */
    public static final String ERRORS = "model − market";
    /** The legend entry of the zero line. */
    public static final String ZERO = "zero";
    /** Panels side by side before the grid wraps. */
    private static final int COLUMNS = 3;

    private ResidualPlot() {
    }

    /**
     * @param expiries      each quote's expiry
     * @param logMoneyness  each quote's ln(K/F)
     * @param errors        each quote's model minus market, in {@code unit}
     * @param unit          the errors' unit, e.g. {@code vol points}
     * @param valuationTime the chain's valuation time, for the days to each expiry; null to leave them out
     * @return null when there is no quote
     */
    public static Figure of(Instant[] expiries, double[] logMoneyness, double[] errors, String unit,
                            Instant valuationTime, String title) {
        TreeMap<Instant, List<Integer>> byExpiry = new TreeMap<>();
        for (int i = 0; i < expiries.length; i++) {
            byExpiry.computeIfAbsent(expiries[i], key -> new ArrayList<>()).add(i);
        }
        if (byExpiry.isEmpty()) {
            return null;
        }
        Axis y = new Axis("model − market", unit);
        List<Panel> panels = new ArrayList<>();
        for (Map.Entry<Instant, List<Integer>> expiry : byExpiry.entrySet()) {
            List<Integer> quotes = expiry.getValue();
            quotes.sort((a, b) -> Double.compare(logMoneyness[a], logMoneyness[b]));
            int n = quotes.size();
            double[] x = new double[n];
            double[] error = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = logMoneyness[quotes.get(i)];
                error[i] = errors[quotes.get(i)];
            }
            List<Trace> traces = List.of(Series.of(ERRORS, Marks.MARKERS, Palette.BLUE, x, error),
                    Series.of(ZERO, Marks.LINES, Palette.RED, new double[] {x[0], x[n - 1]}, new double[] {0, 0}));
            panels.add(new Panel(SmilePlot.panelTitle(expiry.getKey(), valuationTime),
                    SmileAxis.LOG_MONEYNESS.axis(), y, traces));
        }
        return new Figure(title, panels, COLUMNS);
    }
}
