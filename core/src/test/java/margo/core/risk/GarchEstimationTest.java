package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class GarchEstimationTest {

    private static final double OMEGA = 2e-5;
    private static final double ALPHA = 0.10;
    private static final double BETA = 0.85;

    /**
     * On 4,000 simulated GARCH(1,1) returns the maximum-likelihood estimates lie within four of their reported
     * standard errors of the true parameters (a 4-sigma band fails by chance about once in 16,000 per parameter).
     */
    @Property(tries = 8)
    void maximumLikelihoodRecoversKnownParametersWithinTheirStandardErrors(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[] r = SimulatedReturns.garch(seed, 4_000, OMEGA, ALPHA, BETA);
        Garch11Fit fit = Garch11Estimation.fit(r, 0, r.length);
        Garch11 p = fit.parameters();
        assertTrue(Math.abs(p.alpha() - ALPHA) < 4 * fit.alphaError(), fit.summary());
        assertTrue(Math.abs(p.beta() - BETA) < 4 * fit.betaError(), fit.summary());
        assertTrue(Math.abs(p.omega() - OMEGA) < 4 * fit.omegaError(), fit.summary());
        assertTrue(fit.alphaError() > 0.003 && fit.alphaError() < 0.05, "a plausible error on alpha: " + fit.summary());
    }

    @Test
    void aWarmStartReachesTheSameOptimumInFewerEvaluations() {
        double[] r = SimulatedReturns.garch(11, 3_000, OMEGA, ALPHA, BETA);
        Garch11Fit cold = Garch11Estimation.fit(r, 0, 2_999);
        Garch11Fit warm = Garch11Estimation.fit(r, 1, 3_000, cold.parameters());
        Garch11Fit coldNext = Garch11Estimation.fit(r, 1, 3_000);
        assertEquals(coldNext.logLikelihood(), warm.logLikelihood(), 1e-4);
        assertTrue(warm.evaluations() < coldNext.evaluations(), warm.evaluations() + " vs " + coldNext.evaluations());
    }

    @Test
    void theFitIsStationaryEvenOnARandomWalkInVariance() {
        // Squared returns that only grow: an integrated variance, which the fit must hold below persistence 1.
        double[] r = new double[500];
        for (int i = 0; i < r.length; i++) {
            r[i] = (i % 2 == 0 ? 1 : -1) * 0.001 * Math.exp(i / 100.0);
        }
        Garch11Fit fit = Garch11Estimation.fit(r, 0, r.length);
        assertTrue(fit.parameters().persistence() < 1, fit.summary());
    }

    @Test
    void aFlatPriceCannotBeFitted() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Garch11Estimation.fit(new double[200], 0, 200));
        assertTrue(error.getMessage().contains("all zero"), error.getMessage());
    }

    @Test
    void nonStationaryParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Garch11(1e-5, 0.2, 0.8));
    }
}
