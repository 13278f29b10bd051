package margo.core.smiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.junit.jupiter.api.Test;

class SviRawTest {

    /**
     * Axel Vogt's raw SVI parameters, T = 1: Gatheral and Jacquier (2014), Example 3.1, their example of a smile
     * whose total variance looks harmless but whose density g(k) goes negative (butterfly arbitrage).
     */
    static final SviRaw VOGT = new SviRaw(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

    /** A typical equity-like smile, well inside the arbitrage-free region. */
    static final SviRaw TAME = new SviRaw(0.04, 0.2, -0.4, 0.05, 0.3);

    @Test
    void totalVarianceFollowsTheRawFormula() {
        double k = 0.2;
        double x = k - 0.05;
        assertEquals(0.04 + 0.2 * (-0.4 * x + Math.sqrt(x * x + 0.09)), TAME.totalVariance(k), 1e-16);
        assertEquals(0.04 + 0.2 * 0.3 * Math.sqrt(1 - 0.16), TAME.minimumTotalVariance(), 1e-16);
    }

    @Test
    void closedFormDerivativesAgreeWithFiniteDifferences() {
        for (double k = -1.5; k <= 1.5; k += 0.1) {
            double h = 1e-5;
            double slope = (TAME.totalVariance(k + h) - TAME.totalVariance(k - h)) / (2 * h);
            double curvature = (TAME.totalVariance(k + 1e-3) - 2 * TAME.totalVariance(k) + TAME.totalVariance(k - 1e-3))
                    / 1e-6;
            assertEquals(slope, TAME.totalVarianceSlope(k), 1e-9, "slope at k=" + k);
            assertEquals(curvature, TAME.totalVarianceCurvature(k), 1e-5 * curvature, "curvature at k=" + k);
        }
    }

    /**
     * Gatheral and Jacquier (2014), eq. 2.2: the density of {@code k = ln(S_T/F)} is
     * {@code g(k) / sqrt(2 pi w) exp(-d_-^2 / 2)}, {@code d_- = -k/sqrt(w) - sqrt(w)/2}. Breeden and Litzenberger
     * (1978) give the same density as {@code K d2C/dK2} of undiscounted call prices, here Black-76 prices at the
     * SVI vols differentiated numerically in strike, independently of {@link Smile#density}.
     */
    @Test
    void densityMatchesBreedenLitzenbergerSecondDifferenceOfBlackPrices() {
        for (SviRaw svi : List.of(TAME, VOGT)) {
            for (double k = -1.0; k <= 1.0; k += 0.05) {
                double fromG = densityFromG(svi, k);
                assertEquals(breedenLitzenberger(svi, k, 1.0), fromG, 2e-5 * Math.abs(fromG) + 1e-7, svi + " at k=" + k);
            }
        }
    }

    /** The density of {@code k = ln(S_T/F)} from g: Gatheral and Jacquier (2014), eq. 2.2. */
    static double densityFromG(Smile smile, double k) {
        double w = smile.totalVariance(k);
        double dMinus = -k / Math.sqrt(w) - Math.sqrt(w) / 2;
        return smile.density(k) / Math.sqrt(2 * Math.PI * w) * Math.exp(-dMinus * dMinus / 2);
    }

    /**
     * The density of {@code k} by Breeden and Litzenberger: {@code K d2C/dK2} of undiscounted Black-76 calls on a
     * unit forward at the smile's vols, by a Richardson-extrapolated second difference (no h^2 error).
     */
    static double breedenLitzenberger(Smile smile, double k, double timeYears) {
        double strike = Math.exp(k);
        double h = 1e-3 * strike;
        return strike * (4 * secondDifference(smile, strike, h, timeYears)
                - secondDifference(smile, strike, 2 * h, timeYears)) / 3;
    }

    private static double secondDifference(Smile smile, double strike, double h, double timeYears) {
        return (call(smile, strike + h, timeYears) - 2 * call(smile, strike, timeYears)
                + call(smile, strike - h, timeYears)) / (h * h);
    }

    private static double call(Smile smile, double strike, double timeYears) {
        return Black76.price(OptionType.CALL, 1.0, strike, timeYears,
                Math.sqrt(smile.totalVariance(Math.log(strike)) / timeYears));
    }

    @Test
    void vogtExampleHasButterflyArbitrageInTheCallWing() {
        // g < 0 on roughly 0.65 < k < 1.25; the Breeden-Litzenberger test above confirms the density's sign there
        // independently of g, from Black-76 prices.
        double[] grid = ArbitrageChecks.grid(-1.5, 1.5, 601);
        List<LogMoneynessRange> violations = ArbitrageChecks.butterfly(VOGT, grid);
        assertEquals(1, violations.size(), violations.toString());
        LogMoneynessRange range = violations.get(0);
        assertTrue(range.from() > 0.5 && range.to() < 1.4 && range.from() < 1.0 && range.to() > 1.0, range.toString());
        assertTrue(range.worst() < -0.01, range.toString());
    }

    @Test
    void tameSmileHasNoButterflyArbitrage() {
        assertEquals(List.of(), ArbitrageChecks.butterfly(TAME, ArbitrageChecks.grid(-3, 3, 601)));
    }

    @Test
    void calendarCheckReportsWhereTotalVarianceFalls() {
        SviRaw higher = new SviRaw(0.06, 0.2, -0.4, 0.05, 0.3);
        assertEquals(List.of(), ArbitrageChecks.calendar(TAME, higher, ArbitrageChecks.grid(-2, 2, 81)));
        // A steeper later smile that starts lower at the money crosses the earlier one in both wings.
        SviRaw lowerCentre = new SviRaw(0.0, 0.25, -0.4, 0.05, 0.3);
        List<LogMoneynessRange> falls = ArbitrageChecks.calendar(TAME, lowerCentre, ArbitrageChecks.grid(-2, 2, 81));
        assertEquals(1, falls.size(), falls.toString());
        assertTrue(falls.get(0).from() < 0.05 && falls.get(0).to() > 0.05, falls.toString());
        assertFalse(falls.get(0).from() <= -2 || falls.get(0).to() >= 2, falls.toString());
    }

    @Test
    void rejectsParametersWithNegativeTotalVarianceNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SviRaw(-0.1, 0.1, 0.0, 0.0, 0.1));
        assertTrue(e.getMessage().contains("minimum total variance"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SviRaw(0.1, 0.1, 1.0, 0.0, 0.1))
                .getMessage().startsWith("rho"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SviRaw(0.1, -0.1, 0.0, 0.0, 0.1))
                .getMessage().startsWith("b "));
    }
}
