package margo.core.smiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SviFitTest {

    /** Each expiry of the sample is an SSVI slice, hence exactly a raw SVI smile, so SVI fits it to the rounding. */
    @Test
    void perExpirySviFitsTheSampleToItsRounding() throws Exception {
        SurfaceFit fit = SviFitter.fit(SampleChain.marks(), SmileFitOptions.DEFAULT);
        for (double rmse : fit.rmse()) {
            assertTrue(rmse < 0.005, "rmse " + rmse + " vol points");
        }
        for (Smile smile : fit.smiles()) {
            assertEquals(SampleChain.RHO, ((SviRaw) smile).rho(), 2e-3, smile.toString());
        }
        assertTrue(fit.arbitrage().isArbitrageFree(), fit.arbitrage().toString());
    }

    @Test
    void unconstrainedFitToVogtQuotesReportsButterflyArbitrageAndConstrainedFitRemovesIt() {
        SmileQuotes quotes = quotesFrom(List.of(SviRawTest.VOGT), new double[] {1.0});
        SurfaceFit free = SviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        assertTrue(free.rmse()[0] < 1e-3, "unconstrained SVI reproduces Vogt's smile: rmse " + free.rmse()[0]);
        assertFalse(free.arbitrage().butterfly().isEmpty(), "Vogt's smile has g < 0");
        ButterflyViolation violation = free.arbitrage().butterfly().get(0);
        assertTrue(violation.range().from() < 1.0 && violation.range().to() > 0.7, violation.toString());

        SurfaceFit constrained = SviFitter.fit(quotes, SmileFitOptions.DEFAULT.withArbitrageFree(true));
        assertTrue(constrained.arbitrage().isArbitrageFree(), constrained.arbitrage().toString());
        // Removing the arbitrage costs some fit, but the smile stays close to the quotes.
        assertTrue(constrained.rmse()[0] > free.rmse()[0] && constrained.rmse()[0] < 1.5,
                "constrained rmse " + constrained.rmse()[0] + " vol points");
    }

    @Test
    void aWingSteeperThanLeesBoundIsReportedAndTheConstrainedFitBringsItWithinEvenWhereTheGridShowsNoArbitrage() {
        // Right wing slope b (1 + rho) = 2.046 > 2, while the density stays positive on the whole check grid: only
        // Lee's moment formula shows the arbitrage, which lies beyond the grid.
        SviRaw steep = new SviRaw(1.0, 1.1, 0.86, 0.0, 2.0);
        SmileQuotes quotes = quotesFrom(List.of(steep), new double[] {1.0});
        SurfaceFit free = SviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        SviRaw freeSmile = (SviRaw) free.smiles().get(0);
        assertEquals(steep.steepestWingSlope(), freeSmile.steepestWingSlope(), 1e-4);
        assertTrue(free.arbitrage().butterfly().isEmpty(), free.arbitrage().toString());
        assertTrue(free.arbitrage().calendar().isEmpty(), free.arbitrage().toString());
        assertEquals(1, free.arbitrage().conditionFailures().size(), free.arbitrage().toString());
        assertTrue(free.arbitrage().conditionFailures().get(0).contains("Lee"), free.arbitrage().toString());

        SurfaceFit constrained = SviFitter.fit(quotes, SmileFitOptions.DEFAULT.withArbitrageFree(true));
        SviRaw within = (SviRaw) constrained.smiles().get(0);
        assertTrue(within.steepestWingSlope() <= 2.0, "wing slope " + within.steepestWingSlope());
        assertTrue(constrained.arbitrage().conditionFailures().isEmpty(), constrained.arbitrage().toString());
        assertTrue(constrained.arbitrage().isArbitrageFree(), constrained.arbitrage().toString());
        assertTrue(constrained.rmse()[0] < 2.0, "constrained rmse " + constrained.rmse()[0] + " vol points");
    }

    @Test
    void unconstrainedFitsThatCrossReportCalendarArbitrageAndConstrainedFitsDoNot() {
        // The later smile has less total variance at the money than the earlier one: calendar arbitrage there.
        SviRaw earlier = new SviRaw(0.04, 0.2, -0.4, 0.05, 0.3);
        SviRaw later = new SviRaw(0.0, 0.25, -0.4, 0.05, 0.3);
        SmileQuotes quotes = quotesFrom(List.of(earlier, later), new double[] {0.25, 0.5});
        SurfaceFit free = SviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        assertEquals(1, free.arbitrage().calendar().size(), free.arbitrage().calendar().toString());
        CalendarViolation violation = free.arbitrage().calendar().get(0);
        assertEquals(0, violation.earlierIndex());
        assertEquals(1, violation.laterIndex());
        assertTrue(violation.range().from() < 0.05 && violation.range().to() > 0.05, violation.toString());

        SurfaceFit constrained = SviFitter.fit(quotes, SmileFitOptions.DEFAULT.withArbitrageFree(true));
        assertTrue(constrained.arbitrage().isArbitrageFree(), constrained.arbitrage().toString());
    }

    @Test
    void surfaceInterpolatesTotalVarianceLinearlyInTimeAndKeepsVolatilityFlatOutside() throws Exception {
        SurfaceFit fit = SviFitter.fit(SampleChain.marks(), SmileFitOptions.DEFAULT);
        double[] t = fit.times();
        double k = 0.1;
        double middle = (t[1] + t[2]) / 2;
        double expected = (fit.smiles().get(1).totalVariance(k) + fit.smiles().get(2).totalVariance(k)) / 2;
        assertEquals(expected, fit.totalVariance(middle, k), 1e-15);
        assertEquals(fit.impliedVolatility(0, k), fit.impliedVolatility(t[0] / 2, k), 1e-15);
        assertEquals(fit.impliedVolatility(t.length - 1, k), fit.impliedVolatility(2 * t[t.length - 1], k), 1e-15);

        double[] times = {t[0], middle, 3.0, 0.0};
        double[] ks = {-0.2, k, 0.4, 0.0};
        double[] out = new double[4];
        fit.impliedVolatilities(times, ks, out);
        assertEquals(fit.impliedVolatility(0, -0.2), out[0], 1e-15);
        assertEquals(Math.sqrt(expected / middle), out[1], 1e-15);
        assertEquals(fit.impliedVolatility(3.0, 0.4), out[2], 1e-15);
        assertTrue(Double.isNaN(out[3]), "no volatility at T = 0");
    }

    /** Quotes exactly on the given smiles, k from -1 to 1.5 in steps of 0.1, equal weights. */
    static SmileQuotes quotesFrom(List<? extends Smile> smiles, double[] times) {
        int n = smiles.size();
        double[][] k = new double[n][26];
        double[][] iv = new double[n][26];
        double[][] weights = new double[n][26];
        Instant[] expiries = new Instant[n];
        for (int i = 0; i < n; i++) {
            expiries[i] = Instant.parse("2024-03-01T08:00:00Z").plusSeconds((long) (times[i] * 365 * 86400));
            for (int j = 0; j < 26; j++) {
                k[i][j] = -1 + 0.1 * j;
                iv[i][j] = smiles.get(i).impliedVolatility(k[i][j], times[i]);
                weights[i][j] = 1;
            }
        }
        double[] forwards = new double[n];
        java.util.Arrays.fill(forwards, 60000);
        return new SmileQuotes(List.of(expiries), times, forwards, k, iv, weights);
    }
}
