package margo.core.smiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SabrTest {

    /** QuantLib's sabrVolatility on the committed table smiles/sabr_quantlib.csv (see sabr_quantlib.py beside it). */
    @Test
    void haganVolatilityMatchesQuantLibAcrossStrikesAndParameters() throws Exception {
        int rows = 0;
        try (InputStream in = SabrTest.class.getResourceAsStream("/smiles/sabr_quantlib.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                double forward = Double.parseDouble(f[0]);
                double strike = Double.parseDouble(f[1]);
                double time = Double.parseDouble(f[2]);
                Sabr sabr = new Sabr(Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]));
                double expected = Double.parseDouble(f[7]);
                // QuantLib switches to the z/x(z) expansion at a different |z|; both are accurate to ~1e-12.
                assertEquals(expected, sabr.impliedVolatility(forward, strike, time), 1e-11 * expected, line);
                rows++;
            }
        }
        assertEquals(78, rows);
    }

    @Test
    void volatilityIsSmoothThroughTheMoney() {
        Sabr sabr = new Sabr(0.8, 1.0, 0.1, 3.0);
        double t = 7.0 / 365;
        double atm = sabr.impliedVolatility(60000, 60000, t);
        // Hagan eq. 2.18 at the money, beta = 1: alpha (1 + (rho nu alpha / 4 + (2 - 3 rho^2) nu^2 / 24) T).
        assertEquals(0.8 * (1 + (0.1 * 3 * 0.8 / 4 + (2 - 3 * 0.01) * 9 / 24) * t), atm, 1e-15);
        double below = sabr.impliedVolatility(60000, 60000 * Math.exp(-1e-7), t);
        double above = sabr.impliedVolatility(60000, 60000 * Math.exp(1e-7), t);
        double slope = (above - below) / 2e-7;
        assertEquals(atm, (above + below) / 2, 1e-12);
        // The skew at the money is about rho nu / 2 for beta = 1 (Hagan et al. 2002, eq. 3.3a), here 0.15 per unit k.
        assertEquals(0.15, slope, 0.02);
    }

    /** The finite-difference density of a SABR smile agrees with Breeden-Litzenberger on its Black prices. */
    @Test
    void sabrDensityFromFiniteDifferencesMatchesBreedenLitzenberger() {
        SabrSmile smile = new SabrSmile(new Sabr(0.8, 1.0, 0.1, 3.0), 60000, 7.0 / 365);
        for (double k = -0.4; k <= 0.4; k += 0.02) {
            double fromG = SviRawTest.densityFromG(smile, k);
            assertEquals(SviRawTest.breedenLitzenberger(smile, k, 7.0 / 365), fromG, 1e-4 * Math.abs(fromG) + 1e-6,
                    "k=" + k);
        }
    }

    /**
     * Hagan's expansion gives a negative density at low strikes for long expiries (Hagan et al. 2002 discuss the
     * low-strike wing; Obloj 2008 and Hagan et al. 2014, "Arbitrage-free SABR", address it): a rates-like SABR
     * at ten years is reported with butterfly arbitrage in the put wing only.
     */
    @Test
    void longDatedSabrHasButterflyArbitrageInTheLowStrikeWing() {
        SabrSmile smile = new SabrSmile(new Sabr(0.0089, 0.5, -0.3, 0.6), 0.05, 10);
        List<LogMoneynessRange> violations = ArbitrageChecks.butterfly(smile, ArbitrageChecks.grid(-4, 2, 601));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).to() < 0, violations.toString());
        assertEquals(List.of(), ArbitrageChecks.butterfly(new SabrSmile(new Sabr(0.8, 1.0, 0.1, 3.0), 60000, 7.0 / 365),
                ArbitrageChecks.grid(-1.5, 1.5, 601)));
    }

    @Test
    void oblojCorrectionEqualsHaganForBetaOneAndAtTheMoney() {
        Sabr lognormal = new Sabr(0.8, 1.0, 0.1, 3.0);
        Sabr cev = new Sabr(0.65 * Math.pow(60000, 0.5), 0.5, -0.3, 1.5);
        for (double k = -1; k <= 1; k += 0.05) {
            double strike = 60000 * Math.exp(k);
            assertEquals(lognormal.impliedVolatility(60000, strike, 0.1),
                    lognormal.impliedVolatility(60000, strike, 0.1, Sabr.Expansion.OBLOJ_2008), 1e-14);
        }
        assertEquals(cev.impliedVolatility(60000, 60000, 0.5),
                cev.impliedVolatility(60000, 60000, 0.5, Sabr.Expansion.OBLOJ_2008), 1e-14);
        // Continuous through the money: no 0/0 at K = F.
        assertEquals(cev.impliedVolatility(60000, 60000, 0.5, Sabr.Expansion.OBLOJ_2008),
                cev.impliedVolatility(60000, 60000 * Math.exp(1e-9), 0.5, Sabr.Expansion.OBLOJ_2008), 1e-9);
    }

    /**
     * Without vol of vol, SABR is the CEV model, whose short-time Black vol is exactly
     * {@code alpha (1-b) ln(F/K) / (F^(1-b) - K^(1-b))} (Berestycki, Busca and Florent 2004): Obloj's leading term.
     * Hagan's is the series of it in {@code ln(F/K)} to fourth order, so the two differ by O(((1-b) L)^6).
     */
    @Test
    void withoutVolOfVolBothExpansionsGiveTheCevShortTimeLimit() {
        Sabr cev = new Sabr(0.65 * Math.pow(60000, 0.5), 0.5, 0.0, 0.0);
        for (double k = -0.6; k <= 0.6; k += 0.1) {
            double strike = 60000 * Math.exp(k);
            double exact = cev.alpha() * 0.5 * -k / (Math.pow(60000, 0.5) - Math.pow(strike, 0.5));
            if (Math.abs(k) < 1e-12) {
                exact = cev.alpha() / Math.pow(60000, 0.5);
            }
            assertEquals(exact, cev.impliedVolatility(60000, strike, 0.0, Sabr.Expansion.OBLOJ_2008), 1e-12 * exact);
            double sixthOrder = Math.pow(0.5 * k, 6);
            assertEquals(exact, cev.impliedVolatility(60000, strike, 0.0), 1e-3 * sixthOrder * exact + 1e-15,
                    "k=" + k);
        }
    }

    @Test
    void oblojFitRecoversItsOwnParameters() {
        Sabr truth = new Sabr(0.65 * Math.pow(60000, 0.5), 0.5, -0.25, 1.8);
        SmileQuotes quotes = SviFitTest.quotesFrom(
                List.of(new SabrSmile(truth, 60000, 0.25, Sabr.Expansion.OBLOJ_2008)), new double[] {0.25});
        SurfaceFit fit = SabrFitter.fit(quotes, SmileFitOptions.DEFAULT.withSabrBeta(0.5)
                .withSabrExpansion(Sabr.Expansion.OBLOJ_2008));
        Sabr fitted = ((SabrSmile) fit.smiles().get(0)).parameters();
        assertEquals(truth.rho(), fitted.rho(), 1e-6, fitted.toString());
        assertEquals(truth.nu(), fitted.nu(), 1e-6, fitted.toString());
        assertEquals(Sabr.Expansion.OBLOJ_2008, ((SabrSmile) fit.smiles().get(0)).expansion());
    }

    @Test
    void fitRecoversSabrParametersFromItsOwnSmiles() {
        double beta = 0.7;
        Sabr truth = new Sabr(0.65 * Math.pow(60000, 0.3), beta, -0.25, 1.8);
        SmileQuotes quotes = SviFitTest.quotesFrom(List.of(new SabrSmile(truth, 60000, 0.25)), new double[] {0.25});
        SurfaceFit fit = SabrFitter.fit(quotes, SmileFitOptions.DEFAULT.withSabrBeta(beta));
        Sabr fitted = ((SabrSmile) fit.smiles().get(0)).parameters();
        assertEquals(truth.alpha(), fitted.alpha(), 1e-6 * truth.alpha(), fitted.toString());
        assertEquals(truth.rho(), fitted.rho(), 1e-6, fitted.toString());
        assertEquals(truth.nu(), fitted.nu(), 1e-6, fitted.toString());
        assertEquals(beta, fitted.beta(), 0.0);
        assertTrue(fit.rmse()[0] < 1e-6, "rmse " + fit.rmse()[0]);
    }

    @Test
    void lognormalSabrFitsTheSsviSampleWithinAFractionOfAVolPoint() throws Exception {
        SurfaceFit fit = SabrFitter.fit(SampleChain.marks(), SmileFitOptions.DEFAULT);
        for (double rmse : fit.rmse()) {
            assertTrue(rmse < 0.5, "rmse " + rmse + " vol points");
        }
    }
}
