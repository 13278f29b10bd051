package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class BacktestPropertiesTest {

    /**
     * A correct 99% forecast (the true normal quantile) checked over 400 histories of 1,000 days: Kupiec rejects at
     * 5% in close to 5% of them. The binomial standard error of the rate is 1.1%; allow 2% to 9% (the chi-squared
     * approximation is discrete at 10 expected exceptions).
     */
    @Test
    void kupiecRejectsACorrectModelAtAboutItsNominalRate() {
        Well19937c random = new Well19937c(42);
        int rejections = 0;
        int trials = 400;
        for (int trial = 0; trial < trials; trial++) {
            boolean[] exceptions = new boolean[1_000];
            for (int t = 0; t < exceptions.length; t++) {
                exceptions[t] = random.nextDouble() < 0.01;
            }
            rejections += Backtest.of(exceptions, 0.99).kupiec().rejects(0.05) ? 1 : 0;
        }
        double rate = (double) rejections / trials;
        assertTrue(rate > 0.02 && rate < 0.09, "rejection rate " + rate);
    }

    /** The true quantile of simulated normal returns passes its backtest; half of it fails, in both tails. */
    @Property(tries = 10)
    void backtestsAcceptTheTrueQuantileAndRejectAnUnderstatedOne(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double sigma = 0.02;
        double[] r = SimulatedReturns.normal(seed, 3_000, sigma);
        double z = new NormalDistribution().inverseCumulativeProbability(0.99);
        boolean[] trueDown = new boolean[r.length];
        boolean[] halfUp = new boolean[r.length];
        for (int t = 0; t < r.length; t++) {
            trueDown[t] = r[t] < -z * sigma;
            halfUp[t] = r[t] > z * sigma / 2;
        }
        // A true model is rejected 5% of the time and even shows red once in about 6,500 histories (seed 662 does),
        // so demand only that its exceptions not be beyond what a correct model shows once in a million histories.
        TrafficLight truth = Backtest.of(trueDown, 0.99).trafficLight();
        assertTrue(truth.typeOneError() > 1e-6, () -> "a correct model's exceptions: " + truth);
        Backtest understated = Backtest.of(halfUp, 0.99);
        assertTrue(understated.kupiec().rejects(0.001), understated.verdict());
        assertEquals(TrafficLight.Zone.RED, understated.trafficLight().zone());
    }

    @Test
    void clusteredExceptionsFailIndependence() {
        boolean[] exceptions = new boolean[500];
        for (int start = 20; start < 500; start += 100) {
            exceptions[start] = exceptions[start + 1] = true;
        }
        Backtest backtest = Backtest.of(exceptions, 0.98);
        assertFalse(backtest.kupiec().rejects(0.05), "10 exceptions in 500 at 2% is on target");
        assertTrue(backtest.christoffersen().independencePValue() < 0.05);
        assertFalse(backtest.accepted());
        assertTrue(backtest.verdict().contains("exceptions cluster"), backtest.verdict());
    }

    @Test
    void theVerdictSaysItPlainly() {
        boolean[] exceptions = new boolean[1043];
        Well19937c random = new Well19937c(7);
        for (int placed = 0; placed < 57; ) {
            int day = random.nextInt(1043);
            placed += exceptions[day] ? 0 : 1;
            exceptions[day] = true;
        }
        String verdict = Backtest.of(exceptions, 0.95).verdict();
        assertTrue(verdict.startsWith("57 exceptions in 1043 (5.47%, 52.2 expected at 95%): coverage accepted "
                + "(Kupiec p 0.497), "), verdict);
        assertTrue(verdict.endsWith(", zone green"), verdict);
    }

    @Test
    void exceptionsTooEvenlySpreadAreNotCalledClustered() {
        boolean[] exceptions = new boolean[1043];
        for (int i = 0; i < 57; i++) {
            exceptions[i * 18 + 3] = true;
        }
        Backtest backtest = Backtest.of(exceptions, 0.95);
        assertTrue(backtest.christoffersen().independencePValue() < 0.05, "a strict rhythm is not independent");
        assertTrue(backtest.verdict().contains("exceptions too evenly spread"), backtest.verdict());
    }
}
