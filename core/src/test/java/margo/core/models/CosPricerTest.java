package margo.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.junit.jupiter.api.Test;

class CosPricerTest {

    static final HestonParameters BTC = new HestonParameters(0.36, 3.0, 0.4, 3.0, 0.1);
    static final double FORWARD = 60_000.0;
    static final double[] STRIKES = {30_000, 45_000, 55_000, 60_000, 66_000, 80_000, 120_000};
    static final OptionType[] TYPES = {OptionType.PUT, OptionType.PUT, OptionType.CALL, OptionType.CALL,
        OptionType.PUT, OptionType.CALL, OptionType.CALL};
    /** A two-expiry chain over {@link #STRIKES}: one week at the forward, half a year at 61,000 USD. */
    static final double[] CHAIN_TIMES = {7 / 365.0, 7 / 365.0, 7 / 365.0, 0.5, 0.5, 0.5, 0.5};
    static final double[] CHAIN_FORWARDS = {FORWARD, FORWARD, FORWARD, 61_000, 61_000, 61_000, 61_000};

    @Test
    void sliceArgumentsAreCheckedAtTheBoundaryNamingThem() {
        double[] out = new double[STRIKES.length];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CosPricer.DEFAULT.priceSlice(BTC, FORWARD, 0.0, STRIKES, TYPES, out));
        assertTrue(e.getMessage().startsWith("timeYears"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CosPricer.DEFAULT.priceSlice(BTC, -1.0, 0.5, STRIKES, TYPES, out));
        assertTrue(e.getMessage().startsWith("forward"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CosPricer.DEFAULT.priceSlice(BTC, FORWARD, 0.5, STRIKES, TYPES, new double[2]));
        assertTrue(e.getMessage().startsWith("out"), e.getMessage());
    }

    @Test
    void aKeptExpiryPricesLikeASliceAtEveryForwardWithoutExpandingAgain() {
        VarianceGammaParameters shortVg = new VarianceGammaParameters(0.6, 0.2, -0.1);
        for (CharacteristicFunctionModel model : new CharacteristicFunctionModel[] {BTC, shortVg}) {
            double t = 7 / 365.0;
            CosPricer.Expiry expiry = CosPricer.DEFAULT.expiry(model, t);
            assertEquals(t, expiry.timeYears(), 0.0);
            for (double forward : new double[] {0.6 * FORWARD, FORWARD, 1.5 * FORWARD}) {
                double[] slice = new double[STRIKES.length];
                CosPricer.DEFAULT.priceSlice(model, forward, t, STRIKES, TYPES, slice);
                for (int i = 0; i < STRIKES.length; i++) {
                    assertEquals(slice[i], expiry.price(TYPES[i], forward, STRIKES[i]), 0.0,
                            model.modelName() + " K " + STRIKES[i] + " F " + forward);
                }
            }
        }
    }

    @Test
    void nonPositiveStrikeGivesNaNWithoutDisturbingTheOthers() {
        double[] out = new double[2];
        CosPricer.DEFAULT.priceSlice(BTC, FORWARD, 0.5, new double[] {0.0, FORWARD},
                new OptionType[] {OptionType.CALL, OptionType.CALL}, out);
        assertTrue(Double.isNaN(out[0]));
        assertTrue(out[1] > 0.0);
    }

    @Test
    void chainPricesEqualSlicePricesAndCoinPricesAreUsdOverForward() {
        double[] times = CHAIN_TIMES;
        double[] forwards = CHAIN_FORWARDS;
        double[] chain = new double[7];
        double[] coin = new double[7];
        CosPricer.DEFAULT.priceChain(BTC, forwards, times, STRIKES, TYPES, chain);
        CosPricer.DEFAULT.priceChainInCoin(BTC, forwards, times, STRIKES, TYPES, coin);
        for (int i = 0; i < 7; i++) {
            double single = CosPricer.DEFAULT.price(BTC, TYPES[i], forwards[i], STRIKES[i], times[i]);
            assertEquals(single, chain[i], 0.0);
            assertEquals(single / forwards[i], coin[i], 1e-16 * Math.max(single / forwards[i], 1e-300));
        }
    }

    @Test
    void chainImpliedVolatilitiesRepriceTheModelPricesUnderBlack76() {
        double[] times = {30 / 365.0, 30 / 365.0, 30 / 365.0, 1.0, 1.0, 1.0, 1.0};
        double[] forwards = new double[7];
        java.util.Arrays.fill(forwards, FORWARD);
        double[] vols = new double[7];
        double[] prices = new double[7];
        CosPricer.DEFAULT.impliedVolatilities(BTC, forwards, times, STRIKES, TYPES, vols);
        CosPricer.DEFAULT.priceChain(BTC, forwards, times, STRIKES, TYPES, prices);
        for (int i = 0; i < 7; i++) {
            assertTrue(vols[i] > 0.3 && vols[i] < 1.5, "vol " + vols[i]);
            assertEquals(prices[i], Black76.price(TYPES[i], forwards[i], STRIKES[i], times[i], vols[i]),
                    1e-10 * prices[i]);
        }
    }

    @Test
    void hestonGradientMatchesCentralDifferencesOfPrices() {
        for (double t : new double[] {1 / 365.0, 30 / 365.0, 1.0, 3.0}) {
            for (HestonParameters h : HestonParametersTest.SETS) {
                int n = STRIKES.length;
                double[] prices = new double[n];
                double[] jacobian = new double[5 * n];
                CosPricer.DEFAULT.priceAndGradientSlice(h, FORWARD, t, STRIKES, TYPES, prices, jacobian);
                double[] plain = new double[n];
                CosPricer.DEFAULT.priceSlice(h, FORWARD, t, STRIKES, TYPES, plain);
                double[] p = h.parameters();
                double[] up = new double[n];
                double[] down = new double[n];
                for (int j = 0; j < 5; j++) {
                    double step = 1e-5 * Math.max(Math.abs(p[j]), 0.1);
                    double[] pu = p.clone();
                    double[] pd = p.clone();
                    pu[j] += step;
                    pd[j] -= step;
                    CosPricer.DEFAULT.priceSlice(HestonParameters.of(pu), FORWARD, t, STRIKES, TYPES, up);
                    CosPricer.DEFAULT.priceSlice(HestonParameters.of(pd), FORWARD, t, STRIKES, TYPES, down);
                    for (int i = 0; i < n; i++) {
                        double difference = (up[i] - down[i]) / (2 * step);
                        int quote = i;
                        int parameter = j;
                        assertEquals(difference, jacobian[5 * i + j], 1e-5 * Math.abs(difference) + 1e-7 * FORWARD,
                                () -> h + " T=" + t + " K=" + STRIKES[quote] + " parameter " + parameter);
                        assertEquals(plain[i], prices[i], 1e-12 * FORWARD);
                    }
                }
            }
        }
    }

    @Test
    void chainGradientEqualsSliceGradients() {
        double[] times = CHAIN_TIMES;
        double[] forwards = CHAIN_FORWARDS;
        double[] prices = new double[7];
        double[] jacobian = new double[35];
        CosPricer.DEFAULT.priceAndGradientChain(BTC, forwards, times, STRIKES, TYPES, prices, jacobian);
        double[] slicePrice = new double[1];
        double[] sliceRow = new double[5];
        for (int i = 0; i < 7; i++) {
            CosPricer.DEFAULT.priceAndGradientSlice(BTC, forwards[i], times[i], new double[] {STRIKES[i]},
                    new OptionType[] {TYPES[i]}, slicePrice, sliceRow);
            assertEquals(slicePrice[0], prices[i], 0.0);
            for (int j = 0; j < 5; j++) {
                assertEquals(sliceRow[j], jacobian[5 * i + j], 0.0);
            }
        }
    }

    @Test
    void deepInTheMoneyPutIsStrikeMinusForwardBecauseTheForwardIsAMartingale() {
        // A strike near the top of the truncation range: the series must return K - F, i.e. E[F_T] = F.
        // Variance gamma converges slowly at short expiries (see CosPricer), hence its looser tolerance.
        CharacteristicFunctionModel[] models = {BTC, new BatesParameters(0.36, 3.0, 0.4, 2.5, 0.0, 2.0, -0.05, 0.2),
            new MertonParameters(0.55, 3.0, -0.03, 0.12), new VarianceGammaParameters(0.6, 0.1, -0.1)};
        for (CharacteristicFunctionModel m : models) {
            double relative = m instanceof VarianceGammaParameters ? 1e-9 : 1e-10;
            for (double t : new double[] {7 / 365.0, 1.0}) {
                double[] range = CosPricer.DEFAULT.expansionDiagnostics(m, t);
                double strike = FORWARD * Math.exp(range[1] - 0.02 * (range[1] - range[0]));
                double put = CosPricer.DEFAULT.price(m, OptionType.PUT, FORWARD, strike, t);
                assertEquals(strike - FORWARD, put, relative * strike, () -> m + " T=" + t);
            }
        }
    }

    @Test
    void termCountStaysInTheHundredsForBtcHestonAtOneDayAndHitsTheCapForShortVarianceGamma() {
        double btcTerms = CosPricer.DEFAULT.expansionDiagnostics(new HestonParameters(0.36, 10, 0.4, 4, 0.2),
                1 / 365.0)[2];
        assertTrue(btcTerms > 32 && btcTerms < 1000, "terms " + btcTerms);
        // Why short variance gamma is priced by GammaMixture instead.
        double vgTerms = CosPricer.DEFAULT.expansionDiagnostics(new VarianceGammaParameters(0.12, 0.2, -0.14),
                1 / 365.0)[2];
        assertEquals(CosPricer.DEFAULT.maxTerms(), vgTerms);
    }

    @Test
    void gammaMixtureAgreesWithCosWhereBothConverge() {
        VarianceGammaParameters vg = new VarianceGammaParameters(0.6, 0.2, -0.2);
        GammaMixture mixture = new GammaMixture();
        for (double t : new double[] {0.15, 0.3, 1.0}) {
            mixture.expand(vg, t);
            double[] puts = new double[STRIKES.length];
            OptionType[] allPuts = new OptionType[STRIKES.length];
            java.util.Arrays.fill(allPuts, OptionType.PUT);
            CosPricer.DEFAULT.priceSlice(vg, FORWARD, t, STRIKES, allPuts, puts);
            for (int i = 0; i < STRIKES.length; i++) {
                assertEquals(puts[i], mixture.put(FORWARD, STRIKES[i]), 1e-8 * puts[i] + 1e-12 * FORWARD,
                        "T=" + t + " K=" + STRIKES[i]);
            }
        }
    }
}
