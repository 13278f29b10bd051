package margo.core.smiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsviFitTest {

    /**
     * The sample's marks are the generator's SSVI vols rounded to 0.01 vol points (a uniform error of at most
     * 0.5e-4 in vol) and nothing else, so the fit should land very close: measured errors are about 2e-5 in
     * rho, eta and gamma and 5e-5 relative in theta; the tolerances (5e-4, 1e-4 relative) leave room for
     * platform round-off but would catch a wrong formula, a biased ATM theta or a fit stuck at its start.
     */
    @Test
    void fittingTheSampleRecoversTheGeneratorsSsviParameters() throws Exception {
        SmileQuotes quotes = SampleChain.marks();
        SurfaceFit fit = SsviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        SsviSurface ssvi = fit.ssvi();
        String report = ssvi.rho() + " " + ssvi.eta() + " " + ssvi.gamma() + " rmse " + java.util.Arrays.toString(fit.rmse());
        assertEquals(SampleChain.RHO, ssvi.rho(), 5e-4, report);
        assertEquals(SampleChain.ETA, ssvi.eta(), 5e-4, report);
        assertEquals(SampleChain.GAMMA, ssvi.gamma(), 5e-4, report);
        double[] times = quotes.times();
        for (int i = 0; i < times.length; i++) {
            double atm = SampleChain.atmVolatility(times[i]);
            assertEquals(atm * atm * times[i], ssvi.thetas()[i], 1e-4 * atm * atm * times[i], report);
            // Rounding to 0.01 points leaves an RMSE near 0.01/sqrt(12) = 0.003 points.
            assertTrue(fit.rmse()[i] < 0.006, report);
        }
        assertTrue(fit.arbitrage().isArbitrageFree(), fit.arbitrage().toString());
        assertEquals(List.of(), fit.arbitrage().conditionFailures());
    }

    @Test
    void fitsAreReproducibleBitForBit() throws Exception {
        SmileQuotes quotes = SampleChain.marks();
        SurfaceFit first = SsviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        SurfaceFit second = SsviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        assertEquals(first.ssvi().rho(), second.ssvi().rho(), 0.0);
        assertEquals(first.ssvi().eta(), second.ssvi().eta(), 0.0);
        assertArrayEquals(first.ssvi().thetas(), second.ssvi().thetas(), 0.0);
        SurfaceFit svi = SviFitter.fit(quotes, SmileFitOptions.DEFAULT);
        assertEquals(svi.smiles(), SviFitter.fit(quotes, SmileFitOptions.DEFAULT).smiles());
    }
}
