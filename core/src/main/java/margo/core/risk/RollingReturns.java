package margo.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Statistics of one-bar log returns over rolling windows: the windows of {@code length} returns ending every
 * {@code step} bars, the last ending at the latest return, each from the returns inside it only. The return of bar
 * {@code i} is {@code ln(P[i+1] / P[i])} ({@link HorizonReturns}), so a window of returns {@code [end - length, end)}
 * spans prices {@code end - length} to {@code end} and is known at the close of bar {@code end}. Neighbouring windows
 * share {@code length - step} returns.
 */
public final class RollingReturns {

    private RollingReturns() {
    }

    /**
     * One window's statistics; returns are natural-log, per bar.
     *
     * @param end        the bar whose close ends the window (the returns {@code [end - length, end)})
     * @param mean       the mean return
     * @param volatility the sample standard deviation of the returns (n - 1 denominator)
     * @param lowest     the worst return
     * @param highest    the best return
     * @param total      the log return over the window, their sum
     */
    public record Window(int end, double mean, double volatility, double lowest, double highest, double total) {}

    /**
     * The windows of {@code length} returns ending every {@code step} bars, the last at {@code logReturns.length}.
     *
     * @throws IllegalArgumentException unless {@code 2 <= length <= logReturns.length} and {@code step >= 1}
     */
    public static List<Window> of(double[] logReturns, int length, int step) {
        RiskArguments.requireAtLeast("the rolling window in returns", length, 2);
        RiskArguments.requireAtLeast("the step of rolling windows in bars", step, 1);
        RiskArguments.requireWindow(logReturns, 0, logReturns.length, length);
        // Commons Math keeps the window and drops the oldest value as a new one is added.
        DescriptiveStatistics window = new DescriptiveStatistics(length);
        int first = length + (logReturns.length - length) % step;
        List<Window> windows = new ArrayList<>((logReturns.length - first) / step + 1);
        for (int i = first - length; i < logReturns.length; i++) {
            window.addValue(logReturns[i]);
            int end = i + 1;
            if (end >= first && (end - first) % step == 0) {
                windows.add(new Window(end, window.getMean(), window.getStandardDeviation(), window.getMin(),
                        window.getMax(), window.getSum()));
            }
        }
        return List.copyOf(windows);
    }
}
