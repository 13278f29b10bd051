package margo.core.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a calibrated shock is what it is: the estimator, its sample, the shock of each tail, what each
 * anti-procyclicality tool made of it, how much of its own window it covers, and how its series did out of sample.
 *
 * @param method            the estimator's description
 * @param spec              confidence, horizon and measure
 * @param sampleSize        returns in the latest window
 * @param windowFrom        the window's first bar
 * @param windowTo          one past its last bar: the latest shock covers the horizon from here
 * @param shock             the latest shock, before anti-procyclicality
 * @param inSampleDownCoverage the share of the window's overlapping horizon returns above the down shock
 * @param inSampleUpCoverage   the share below the up shock
 * @param downBacktest      the series' backtest of the down tail, out of sample
 * @param upBacktest        the series' backtest of the up tail
 * @param components        the latest shock of every anti-procyclicality component chosen (empty without them)
 */
public record ShockExplanation(String method, ShockSpec spec, int sampleSize, int windowFrom, int windowTo,
                               Shock shock, double inSampleDownCoverage, double inSampleUpCoverage,
                               Backtest downBacktest, Backtest upBacktest, List<Component> components) {

    /** One anti-procyclicality component's latest shock. */
    public record Component(ApcSeries.Component component, Shock shock) {
    }

    public ShockExplanation {
        components = List.copyOf(components);
    }

    /**
     * The explanation of {@code series}' latest shock, estimated over {@code logReturns} with {@code lookback}, and of
     * {@code apc} when given (null for none).
     */
    public static ShockExplanation of(double[] logReturns, ShockSeries series, Lookback lookback, ApcSeries apc) {
        int last = series.size() - 1;
        int to = series.origin(last);
        int from = lookback.from(to);
        Shock shock = series.latest();
        int bars = series.spec().horizonBars();
        int inside = 0;
        int insideUp = 0;
        int count = 0;
        for (int t = from; t + bars <= to; t++) {
            double move = HorizonReturns.over(logReturns, t, bars);
            inside += shock.downExceededBy(move) ? 0 : 1;
            insideUp += shock.upExceededBy(move) ? 0 : 1;
            count++;
        }
        List<Component> components = new ArrayList<>();
        if (apc != null) {
            for (ApcSeries.Component component : ApcSeries.Component.values()) {
                if (apc.has(component)) {
                    components.add(new Component(component, apc.shock(component, last)));
                }
            }
        }
        boolean testable = series.realisedCount() >= 2 * bars;
        return new ShockExplanation(series.method(), series.spec(), to - from, from, to, shock,
                count == 0 ? Double.NaN : (double) inside / count, count == 0 ? Double.NaN : (double) insideUp / count,
                testable ? series.backtest(Tail.DOWN) : null, testable ? series.backtest(Tail.UP) : null, components);
    }
}
