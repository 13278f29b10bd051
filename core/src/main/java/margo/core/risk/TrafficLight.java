package margo.core.risk;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The Basel traffic light for a backtest window (BCBS, "Supervisory framework for the use of backtesting in
 * conjunction with the internal models approach", January 1996, bis.org/publ/bcbs22.pdf): the zone is set by the
 * cumulative binomial probability of the exceptions seen, {@code P(X <= x)} with {@code X ~ Bin(T, 1 - confidence)}:
 * green below 95%, yellow from 95% to below 99.99%, red from 99.99%. For 250 days at 99% this gives green for 0-4
 * exceptions, yellow for 5-9 and red for 10 or more, Basel's table; the same rule scales the zones to any window
 * length and confidence (as MATLAB's {@code tl} test and the arch package do).
 *
 * @param zone                   green, yellow or red
 * @param cumulativeProbability  {@code P(X <= x)} under correct coverage
 * @param typeOneError           {@code P(X >= x)}: the chance a correct model shows this many exceptions or more
 * @param greenUpTo              the most exceptions still green in this window
 * @param yellowUpTo             the most exceptions still yellow in this window
 */
public record TrafficLight(Zone zone, double cumulativeProbability, double typeOneError, int greenUpTo,
                           int yellowUpTo) {

    /** The three zones. */
    public enum Zone {
        GREEN, YELLOW, RED;

        /** The zone's name in lower case, as reports print it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final double YELLOW_FROM = 0.95;
    static final double RED_FROM = 0.9999;

    /** The zone of {@code exceptions} in {@code observations} at {@code confidence}. */
    public static TrafficLight of(int observations, int exceptions, double confidence) {
        RiskArguments.requireAtLeast("observations", observations, 1);
        RiskArguments.requireConfidence("confidence", confidence);
        BinomialDistribution binomial = new BinomialDistribution(null, observations, 1 - confidence);
        double cumulative = binomial.cumulativeProbability(exceptions);
        double typeOne = exceptions == 0 ? 1 : 1 - binomial.cumulativeProbability(exceptions - 1);
        Zone zone = cumulative < YELLOW_FROM ? Zone.GREEN : cumulative < RED_FROM ? Zone.YELLOW : Zone.RED;
        return new TrafficLight(zone, cumulative, typeOne, lastBelow(binomial, YELLOW_FROM),
                lastBelow(binomial, RED_FROM));
    }

    /** The largest count whose cumulative probability is below {@code level} (-1 if none). */
    private static int lastBelow(BinomialDistribution binomial, double level) {
        int x = -1;
        while (x + 1 <= binomial.getNumberOfTrials() && binomial.cumulativeProbability(x + 1) < level) {
            x++;
        }
        return x;
    }
}
