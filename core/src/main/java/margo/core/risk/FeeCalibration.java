package margo.core.risk;

import java.util.Arrays;

/**
 * A {@link FeeSchedule} whose slope {@code k} is calibrated so that the fee covers the adverse move over an execution
 * latency at a confidence, and the schedule's record over the history.
 *
 * <p>The adverse move of a trade at bar {@code t} is the larger of the fall and the rise over the next
 * {@code latencyBars} bars, {@code |exp(r[t, t+L)) - 1|}: a market maker filled at {@code t} is hurt by either side.
 * {@code k} is the {@code confidence} quantile of {@code (move[t] - base) / sigma[t]}, so that before the clamp the
 * fee is breached at {@code 1 - confidence} of the bars; the minimum and maximum then change the breach rate, which is
 * reported as measured. The first {@value Ewma#SEED_BARS} bars (the EWMA's warm-up) are left out. The calibration is
 * in sample: its breach rate is what the history shows for a slope fitted to it.
 *
 * @param schedule    the calibrated schedule
 * @param confidence  the coverage aimed at
 * @param latencyBars the execution latency in bars
 * @param fees        the fee of each bar from the warm-up on
 * @param breaches    whether each such bar's adverse move exceeded its fee
 * @param backtest    the breaches' backtest at {@code confidence}
 */
public record FeeCalibration(FeeSchedule schedule, double confidence, int latencyBars, double[] fees,
                             boolean[] breaches, Backtest backtest) {

    public FeeCalibration {
        fees = fees.clone();
        breaches = breaches.clone();
    }

    @Override
    public double[] fees() {
        return fees.clone();
    }

    @Override
    public boolean[] breaches() {
        return breaches.clone();
    }

    /** The share of bars whose adverse move exceeded the fee. */
    public double breachRate() {
        return backtest.exceptionRate();
    }

    /**
     * Calibrates {@code k} for a fee {@code clamp(base + k sigma, minimum, maximum)} over {@code logReturns}.
     *
     * @throws IllegalArgumentException if the history is shorter than the warm-up and ten latencies
     */
    public static FeeCalibration calibrate(double[] logReturns, Ewma ewma, double base, double minimum,
                                           double maximum, int latencyBars, double confidence) {
        RiskArguments.requireConfidence("confidence", confidence);
        RiskArguments.requireAtLeast("latencyBars", latencyBars, 1);
        int first = Ewma.SEED_BARS;
        RiskArguments.requireWindow(logReturns, 0, logReturns.length, first + 10 * latencyBars);
        double[] variances = ewma.variances(logReturns, 0, logReturns.length);
        int count = logReturns.length - latencyBars + 1 - first;
        double[] moves = new double[count];
        double[] sigmas = new double[count];
        double[] scaled = new double[count];
        int usable = 0;
        for (int i = 0; i < count; i++) {
            int t = first + i;
            moves[i] = Math.abs(Math.expm1(HorizonReturns.over(logReturns, t, latencyBars)));
            sigmas[i] = Math.sqrt(variances[t]);
            if (sigmas[i] > 0) {
                scaled[usable++] = (moves[i] - base) / sigmas[i];
            }
        }
        if (usable < 10) {
            throw new IllegalArgumentException("the history has no volatility to scale a fee by (a flat price)");
        }
        double k = Math.max(0, TailQuantiles.quantile(Arrays.copyOf(scaled, usable), confidence));
        FeeSchedule schedule = new FeeSchedule(base, k, minimum, maximum, ewma);
        double[] fees = new double[count];
        boolean[] breaches = new boolean[count];
        for (int i = 0; i < count; i++) {
            fees[i] = schedule.fee(sigmas[i]);
            breaches[i] = moves[i] > fees[i];
        }
        return new FeeCalibration(schedule, confidence, latencyBars, fees, breaches,
                Backtest.of(breaches, confidence));
    }
}
