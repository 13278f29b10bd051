package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FilteredHistoricalSimulationTest {

    private static final ShockSpec DAY_99 = ShockSpec.valueAtRisk(0.99, 1);

    @Test
    void theShockFollowsTodaysVolatility() {
        double[] calm = SimulatedReturns.normal(1, 600, 0.01);
        double[] stormy = calm.clone();
        for (int t = 570; t < 600; t++) {
            stormy[t] *= 4;
        }
        FilteredHistoricalSimulation fhs = new FilteredHistoricalSimulation(DAY_99, VolatilityFilter.EWMA);
        HistoricalSimulation hs = new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT);
        double fhsRatio = fhs.shock(stormy, 0, 600).down() / fhs.shock(calm, 0, 600).down();
        double hsRatio = hs.shock(stormy, 0, 600).down() / hs.shock(calm, 0, 600).down();
        assertTrue(fhsRatio > 2.5, "FHS rises with the storm: " + fhsRatio);
        assertTrue(hsRatio < fhsRatio, "plain HS lags: " + hsRatio);
    }

    @Test
    void aGarchPassWarmStartsButMatchesColdFits() {
        double[] r = SimulatedReturns.garch(3, 900, 2e-5, 0.1, 0.85);
        FilteredHistoricalSimulation fhs = new FilteredHistoricalSimulation(DAY_99, VolatilityFilter.GARCH);
        ShockSeries series = ShockSeries.estimate(r, fhs, Lookback.rolling(500), 1);
        Shock cold = fhs.shock(r, 300, 800);
        assertEquals(cold.down(), series.shock(300).down(), 2e-3 * cold.down());
        assertEquals(cold.up(), series.shock(300).up(), 2e-3 * cold.up());
    }

    /**
     * On GARCH returns with normal innovations the FHS-GARCH shock converges to the true conditional quantile
     * {@code sigma[next] z}: within 15% on 3,000 returns.
     */
    @Property(tries = 6)
    void garchShocksConvergeToTheTrueConditionalQuantile(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double omega = 2e-5;
        double alpha = 0.08;
        double beta = 0.9;
        double[] r = SimulatedReturns.garch(seed, 3_000, omega, alpha, beta);
        double[] trueVariances = new Garch11(omega, alpha, beta).variances(r, 0, r.length, omega / (1 - alpha - beta));
        double trueShock = 2.3263478740408408 * Math.sqrt(trueVariances[r.length]);
        Shock shock = new FilteredHistoricalSimulation(DAY_99, VolatilityFilter.GARCH).shock(r, 0, r.length);
        assertEquals(trueShock, shock.upLogReturn(), 0.15 * trueShock);
        assertEquals(-trueShock, shock.downLogReturn(), 0.15 * trueShock);
    }
}
