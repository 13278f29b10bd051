package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.SpanParameters;
import margo.core.margin.StandardMarginRule;
import org.junit.jupiter.api.Test;

class RuleCalibrationTest {

    private static final Shock SHOCK = new Shock(0.12, 0.14);

    @Test
    void portfolioMarginTakesTheWiderTailAsItsPriceRangeAndKeepsDeclaredVolShocks() {
        CalibratedRules<PortfolioMarginParameters> calibrated = RuleCalibration.portfolioMargin(
                PortfolioMarginParameters.DERIBIT_BTC, SHOCK, null);
        PortfolioMarginParameters p = calibrated.rules();
        assertEquals(0.14, p.priceRange(), 0.0);
        assertEquals(0.5, p.volatilityRangeUp(), 0.0);
        assertArrayEquals(PortfolioMarginParameters.DERIBIT_BTC.extendedMoves(), p.extendedMoves());
        assertEquals("price range 14.00% = wider of down 12.00% and up 14.00%", calibrated.priceSource());
        assertTrue(calibrated.volatilitySource().startsWith("vol shocks kept as declared"),
                calibrated.volatilitySource());
    }

    @Test
    void anImpliedVolHistorySetsTheRelativeVolShocks() {
        double[] vols = new double[300];
        for (int t = 0; t < vols.length; t++) {
            vols[t] = 0.5 * Math.exp(0.1 * Math.sin(t));
        }
        ImpliedVolatilityShock vol = ImpliedVolatilityShock.fromHistory(vols, 1, 0.99);
        PortfolioMarginParameters p = RuleCalibration.portfolioMargin(PortfolioMarginParameters.DERIBIT_BTC, SHOCK,
                vol).rules();
        assertEquals(vol.relativeUp(), p.volatilityRangeUp(), 0.0);
        assertEquals(vol.relativeDown(), p.volatilityRangeDown(), 0.0);
        // ln changes are 0.1 (sin(t+1) - sin t), at most 2 sin(1/2) 0.1 = 0.0959 in size.
        assertTrue(vol.relativeUp() > 0.09 && vol.relativeUp() < Math.expm1(0.0959), "up " + vol.relativeUp());
    }

    @Test
    void spanTakesTheWiderTailAsItsPriceScanRange() {
        CalibratedRules<SpanParameters> calibrated = RuleCalibration.span(SpanParameters.CRYPTO_DEFAULT, SHOCK, null);
        assertEquals(0.14, calibrated.rules().priceScanRange(), 0.0);
        assertEquals(0.10, calibrated.rules().volatilityScanRange(), 0.0);
    }

    @Test
    void aShockTooWideForSpansExtremeMoveIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RuleCalibration.span(SpanParameters.CRYPTO_DEFAULT, new Shock(0.6, 0.2), null));
        assertTrue(error.getMessage().contains("extreme multiple"), error.getMessage());
    }

    @Test
    void standardMarginScalesOptionAndFuturesFractionsKeepingTheirRatios() {
        StandardMarginRule rule = RuleCalibration.standard(StandardMarginRule.DERIBIT, SHOCK,
                Set.of("BTC", "BTC_USDC")).rules();
        assertEquals(0.14, rule.options().initial(), 0.0);
        assertEquals(0.14 * 0.10 / 0.15, rule.options().initialFloor(), 1e-15);
        assertEquals(0.14 * 0.075 / 0.15, rule.options().maintenance(), 1e-15);
        assertEquals(0.14, rule.deltaOne().get("BTC").initial(), 0.0);
        assertEquals(0.07, rule.deltaOne().get("BTC").maintenance(), 1e-15);
        assertEquals(0.00005, rule.deltaOne().get("BTC").sizeIncrement(), 0.0);
        assertEquals(0.02, rule.deltaOne().get("ETH").initial(), 0.0, "ETH futures were not calibrated");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RuleCalibration.standard(StandardMarginRule.DERIBIT, SHOCK, Set.of("DOGE")));
        assertTrue(error.getMessage().contains("no futures terms for DOGE"), error.getMessage());
    }

    @Test
    void extendedMovesReportHowOftenTheHistoryReachedThem() {
        double[] r = {Math.log(0.6), 0.01, Math.log(2.5), -0.01, 0.02};
        List<ExtendedMoveCoverage> coverage = ExtendedMoveCoverage.of(r, 1, new double[] {-0.33, 1.0, 2.0});
        assertEquals(0.2, coverage.get(0).frequency(), 1e-15, "one fall of 40% in five days");
        assertEquals(0.2, coverage.get(1).frequency(), 1e-15);
        assertEquals(0.0, coverage.get(2).frequency(), 0.0);
        assertEquals(1.0, coverage.get(2).coverage(), 0.0);
    }
}
