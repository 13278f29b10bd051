package margo.core.smiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmileQuotesTest {

    @Test
    void chainGivesOneOutOfTheMoneyQuotePerStrikeInIncreasingMoneyness() throws Exception {
        SmileQuotes quotes = SampleChain.marks();
        assertEquals(5, quotes.size());
        // The sample has 130 options: a call and a put at each of 65 strikes.
        int total = 0;
        for (int i = 0; i < quotes.size(); i++) {
            total += quotes.quoteCount(i);
            double[] k = quotes.logMoneyness()[i];
            for (int j = 1; j < k.length; j++) {
                assertTrue(k[j] > k[j - 1], "increasing log-moneyness at expiry " + i);
            }
            assertEquals(1.0, quotes.weights()[i][0], 0.0);
        }
        assertEquals(65, total);
    }

    @Test
    void atTheMoneyVolatilityInterpolatesTheSmileToWithinItsRounding() throws Exception {
        SmileQuotes quotes = SampleChain.marks();
        for (int i = 0; i < quotes.size(); i++) {
            double expected = SampleChain.atmVolatility(quotes.times()[i]);
            // Marks are rounded to 0.01 points (~1e-4 relative); quadratic interpolation adds less than that.
            assertEquals(expected, quotes.atTheMoneyVolatility(i), 1e-4 * expected, "expiry " + i);
        }
    }

    @Test
    void midQuotesLeaveOutOneSidedOptionsAndVegaWeightsPeakAtOne() throws Exception {
        SmileQuotes mid = SmileQuotes.fromChain(SampleChain.chain(), SmileQuotes.Source.MID,
                SmileQuotes.Weighting.VEGA, 5);
        int total = 0;
        for (int i = 0; i < mid.size(); i++) {
            total += mid.quoteCount(i);
            double max = 0;
            for (double w : mid.weights()[i]) {
                max = Math.max(max, w);
                assertTrue(w > 0 && w <= 1);
            }
            assertEquals(1.0, max, 0.0);
        }
        // Two deep out-of-the-money puts have no bid, hence no mid.
        assertEquals(63, total);
    }

    @Test
    void rejectsTimesOutOfOrderNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SmileQuotes(
                java.util.List.of(java.time.Instant.EPOCH, java.time.Instant.EPOCH), new double[] {0.5, 0.25},
                new double[] {1, 1}, new double[][] {{0}, {0}}, new double[][] {{0.5}, {0.5}},
                new double[][] {{1}, {1}}));
        assertTrue(e.getMessage().startsWith("times must increase"), e.getMessage());
    }

    @Test
    void familyFitDispatchesToItsFitter() throws Exception {
        SmileQuotes quotes = SampleChain.marks();
        for (SmileFamily family : SmileFamily.values()) {
            SurfaceFit fit = family.fit(quotes, SmileFitOptions.DEFAULT);
            assertEquals(family, fit.family());
            assertEquals(quotes.size(), fit.smiles().size());
        }
    }
}
