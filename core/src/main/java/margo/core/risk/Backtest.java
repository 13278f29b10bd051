package margo.core.risk;

import java.util.Locale;

/**
 * A backtest of one tail's coverage: the exceptions a shock series (or a margin) let through against realised moves,
 * with Kupiec's proportion of failures, Christoffersen's independence and conditional coverage, and the Basel
 * traffic light for the window.
 *
 * @param confidence     the nominal coverage, e.g. 0.99
 * @param observations   the number of forecasts checked
 * @param exceptions     how many were exceeded
 * @param kupiec         the proportion-of-failures test
 * @param christoffersen the independence and conditional-coverage tests
 * @param trafficLight   the Basel zone, scaled to this window and confidence
 */
public record Backtest(double confidence, int observations, int exceptions, KupiecTest kupiec,
                       ChristoffersenTest christoffersen, TrafficLight trafficLight) {

    /** The significance at which the verdict rejects, 5%. */
    public static final double SIGNIFICANCE = 0.05;

    /** The backtest of an exception sequence (true where the forecast was exceeded) at {@code confidence}. */
    public static Backtest of(boolean[] exceptions, double confidence) {
        RiskArguments.requireConfidence("confidence", confidence);
        if (exceptions == null || exceptions.length < 2) {
            throw new IllegalArgumentException("a backtest needs at least two observations, not "
                    + (exceptions == null ? 0 : exceptions.length));
        }
        int count = 0;
        for (boolean exception : exceptions) {
            count += exception ? 1 : 0;
        }
        double p = 1 - confidence;
        return new Backtest(confidence, exceptions.length, count, KupiecTest.of(exceptions.length, count, p),
                ChristoffersenTest.of(exceptions, p), TrafficLight.of(exceptions.length, count, confidence));
    }

    /** The observed exception rate {@code x / T}. */
    public double exceptionRate() {
        return (double) exceptions / observations;
    }

    /** The expected number of exceptions {@code T (1 - confidence)}. */
    public double expectedExceptions() {
        return observations * (1 - confidence);
    }

    /** Whether coverage and independence are both accepted at {@link #SIGNIFICANCE}. */
    public boolean accepted() {
        return !kupiec.rejects(SIGNIFICANCE) && christoffersen.independencePValue() >= SIGNIFICANCE
                && christoffersen.conditionalCoveragePValue() >= SIGNIFICANCE;
    }

    /**
     * A plain verdict, e.g. "57 exceptions in 1043 (5.47%, 52.2 expected at 95%): coverage accepted (Kupiec p
     * 0.497), independent (p 0.31), zone green".
     */
    public String verdict() {
        String coverage = kupiec.rejects(SIGNIFICANCE)
                ? (exceptionRate() > 1 - confidence ? "too many exceptions" : "too few exceptions (over-conservative)")
                : "coverage accepted";
        String independence = christoffersen.independencePValue() >= SIGNIFICANCE ? "independent"
                : christoffersen.clustered() ? "exceptions cluster" : "exceptions too evenly spread";
        return String.format(Locale.ROOT,
                "%d exceptions in %d (%.2f%%, %.1f expected at %s): %s (Kupiec p %.3g), %s (p %.3g), zone %s",
                exceptions, observations, 100 * exceptionRate(), expectedExceptions(), percent(confidence), coverage,
                kupiec.pValue(), independence, christoffersen.independencePValue(), trafficLight.zone().label());
    }

    static String percent(double level) {
        String text = String.format(Locale.ROOT, "%.4f", 100 * level).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + "%";
    }
}
