package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ShockSeriesTest {

    private static final ShockSpec DAY_99 = ShockSpec.valueAtRisk(0.99, 1);

    @Test
    void eachShockUsesTheWindowBeforeItsOrigin() {
        double[] r = SimulatedReturns.normal(5, 300, 0.02);
        HistoricalSimulation hs = new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT);
        ShockSeries series = ShockSeries.estimate(r, hs, Lookback.rolling(100), 1);
        assertEquals(201, series.size(), "origins 100 ... 300");
        assertEquals(100, series.origin(0));
        assertEquals(hs.shock(r, 50, 150), series.shock(50));
        assertEquals(r[150], series.realised(50), 0.0);
        assertTrue(Double.isNaN(series.realised(200)), "the last shock covers the period after the data");
        assertEquals(hs.shock(r, 200, 300), series.latest());
    }

    @Test
    void anExpandingWindowStartsAtTheFirstBar() {
        double[] r = SimulatedReturns.normal(5, 300, 0.02);
        HistoricalSimulation hs = new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT);
        ShockSeries series = ShockSeries.estimate(r, hs, Lookback.expanding(100), 1);
        assertEquals(hs.shock(r, 0, 250), series.shock(150));
    }

    @Test
    void aShockIsHeldBetweenRefits() {
        double[] r = SimulatedReturns.normal(5, 300, 0.02);
        ShockSeries series = ShockSeries.estimate(r, EwmaEstimator.riskMetrics(DAY_99), Lookback.rolling(100), 5);
        assertEquals(series.shock(10), series.shock(14));
        assertTrue(series.shock(15).down() != series.shock(14).down());
    }

    @Test
    void backtestsOfLongerHorizonsUseNonOverlappingMoves() {
        double[] r = SimulatedReturns.normal(5, 1_000, 0.02);
        ShockSpec tenDays = ShockSpec.valueAtRisk(0.95, 10);
        ShockSeries series = ShockSeries.estimate(r, EwmaEstimator.riskMetrics(tenDays), Lookback.rolling(250), 1);
        assertEquals(741, series.realisedCount(), "origins 250 ... 990 have ten realised bars");
        assertEquals(75, series.backtest(Tail.DOWN).observations(), "every tenth of 741");
    }

    @Provide
    Arbitrary<ShockEstimator> estimators() {
        return Arbitraries.of(List.of(
                new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT),
                new HistoricalSimulation(new ShockSpec(0.975, 5, Measure.EXPECTED_SHORTFALL), HorizonScaling.DIRECT),
                EwmaEstimator.riskMetrics(DAY_99),
                new EwmaEstimator(DAY_99, new Ewma(0.97), new Innovations.FittedStudentT())));
    }

    /**
     * No look-ahead: replace every return from bar {@code cut} on with other data, and no shock whose origin is at
     * or before {@code cut} changes.
     */
    @Property(tries = 40)
    void changingFutureDataNeverChangesAPastShock(@ForAll("estimators") ShockEstimator estimator,
                                                  @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                  @ForAll @IntRange(min = 60, max = 400) int cut,
                                                  @ForAll boolean expanding) {
        double[] r = SimulatedReturns.studentT(seed, 400, 4, 0.03);
        double[] altered = r.clone();
        double[] future = SimulatedReturns.normal(seed + 1, 400, 0.1);
        System.arraycopy(future, 0, altered, cut, 400 - cut);
        Lookback lookback = expanding ? Lookback.expanding(50) : Lookback.rolling(50);
        ShockSeries original = ShockSeries.estimate(r, estimator, lookback, 3);
        ShockSeries changed = ShockSeries.estimate(altered, estimator, lookback, 3);
        for (int i = 0; i < original.size() && original.origin(i) <= cut; i++) {
            assertEquals(original.shock(i), changed.shock(i), "origin " + original.origin(i) + ", cut " + cut);
        }
    }
}
