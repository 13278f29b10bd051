package margo.core.smiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class SsviSurfaceProperties {

    private static final double[] TIMES = {0.02, 0.1, 0.25, 0.5, 1.0};
    private static final double[] GRID = ArbitrageChecks.grid(-3, 3, 301);

    /**
     * Gatheral and Jacquier (2014), Theorems 4.1 and 4.2 are sufficient: a surface meeting their conditions has
     * g >= 0 on every slice and total variance non-decreasing in time at every k of the grid.
     */
    @Property(tries = 200)
    void surfaceMeetingTheTheoremsConditionsHasNoArbitrageOnTheGrid(
            @ForAll @DoubleRange(min = -0.95, max = 0.95) @Scale(4) double rho,
            @ForAll @DoubleRange(min = 0.05, max = 4.0) @Scale(4) double eta,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) @Scale(4) double gamma,
            @ForAll @DoubleRange(min = 0.2, max = 1.5) @Scale(4) double atmVolatility,
            @ForAll @DoubleRange(min = -0.3, max = 0.3) @Scale(4) double termSlope) {
        SsviSurface surface = surface(rho, eta, gamma, atmVolatility, termSlope);
        Assume.that(surface.conditionFailures().isEmpty());
        ArbitrageReport report = ArbitrageChecks.surface(surface.slices(), TIMES, GRID, List.of());
        assertTrue(report.isArbitrageFree(), surface + " " + report);
    }

    /** The power-law corollary: gamma <= 1/2 and eta (1 + |rho|) <= 2 imply both theorems' conditions. */
    @Property(tries = 200)
    void powerLawConditionImpliesTheTheoremsConditions(
            @ForAll @DoubleRange(min = -0.99, max = 0.99) @Scale(4) double rho,
            @ForAll @DoubleRange(min = 0.01, max = 1.0) @Scale(4) double etaShare,
            @ForAll @DoubleRange(min = 0.0, max = 0.5) @Scale(4) double gamma,
            @ForAll @DoubleRange(min = 0.2, max = 3.0) @Scale(4) double atmVolatility) {
        SsviSurface surface = surface(rho, etaShare * 2 / (1 + Math.abs(rho)), gamma, atmVolatility, 0.0);
        assertTrue(surface.satisfiesPowerLawCondition());
        assertEquals(List.of(), surface.conditionFailures());
    }

    @Test
    void sliceIsTheRawSviSmileWithTheSameTotalVariance() {
        SsviSurface surface = surface(-0.4, 1.5, 0.3, 0.7, 0.0);
        for (int i = 0; i < TIMES.length; i++) {
            for (double k = -2; k <= 2; k += 0.1) {
                assertEquals(surface.totalVariance(surface.thetas()[i], k), surface.slice(i).totalVariance(k), 1e-15);
            }
            assertEquals(surface.thetas()[i], surface.slice(i).totalVariance(0), 1e-15);
        }
    }

    @Test
    void decreasingThetaAndSteepWingsAreReportedAsFailedConditions() {
        SsviSurface decreasing = new SsviSurface(0.1, 1.0, 0.4, new double[] {0.1, 0.2}, new double[] {0.05, 0.04});
        assertTrue(decreasing.conditionFailures().get(0).startsWith("theta decreases"),
                decreasing.conditionFailures().toString());
        SsviSurface steep = surface(-0.7, 4.0, 0.4, 0.6, 0.0);
        assertFalse(steep.satisfiesPowerLawCondition());
        assertTrue(steep.conditionFailures().stream().anyMatch(f -> f.contains("Theorem 4.2")),
                steep.conditionFailures().toString());
    }

    @Test
    void unconstrainedFitReportsArbitrageOfSteepSsviQuotesAndConstrainedFitIsFreeOfIt() {
        // eta = 4, rho = -0.7 puts g < 0 in the put wing of every slice from T = 0.1.
        SsviSurface steep = surface(-0.7, 4.0, 0.4, 0.6, 0.0);
        SmileQuotes quotes = SviFitTest.quotesFrom(steep.slices(), TIMES);
        SurfaceFit free = SsviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        assertEquals(-0.7, free.ssvi().rho(), 1e-6);
        assertFalse(free.arbitrage().butterfly().isEmpty(), free.arbitrage().toString());
        assertFalse(free.arbitrage().conditionFailures().isEmpty());

        SurfaceFit constrained = SsviFitter.fit(quotes, SmileFitOptions.DEFAULT.withArbitrageFree(true));
        assertTrue(constrained.arbitrage().isArbitrageFree(), constrained.arbitrage().toString());
        assertEquals(List.of(), constrained.arbitrage().conditionFailures());
        assertTrue(constrained.ssvi().satisfiesPowerLawCondition(), constrained.ssvi().toString());
    }

    /** ATM vol {@code atmVolatility (1 + termSlope ln(T/0.25))}, floored at 0.05, so theta may fall in time. */
    private static SsviSurface surface(double rho, double eta, double gamma, double atmVolatility, double termSlope) {
        double[] thetas = new double[TIMES.length];
        for (int i = 0; i < TIMES.length; i++) {
            double vol = Math.max(0.05, atmVolatility * (1 + termSlope * Math.log(TIMES[i] / 0.25)));
            thetas[i] = vol * vol * TIMES[i];
        }
        return new SsviSurface(rho, eta, gamma, TIMES, thetas);
    }
}
