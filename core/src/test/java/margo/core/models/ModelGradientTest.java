package margo.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import margo.core.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * The analytic gradients of every model against central differences: of the characteristic function, over the
 * Bates, Merton and variance gamma sets of the QuantLib reference table and the expiries of the Heston checks in
 * {@code HestonParametersTest}, and of COS prices from one day to a year, including variance gamma's gamma-clock
 * mixture at {@code T / nu <= 1/2} and where COS would need too many terms (nu = 0.005 at one and two days).
 */
class ModelGradientTest {

    static final CharacteristicFunctionModel[] SETS = {
        new HestonParameters(0.36, 3.0, 0.4, 2.5, -0.1),
        new BatesParameters(0.36, 3.0, 0.4, 2.5, 0.0, 2.0, -0.05, 0.2),
        new BatesParameters(0.04, 1.5, 0.04, 0.3, -0.7, 0.5, -0.1, 0.15),
        new MertonParameters(0.55, 3.0, -0.03, 0.12),
        new MertonParameters(0.2, 0.5, -0.1, 0.15),
        new VarianceGammaParameters(0.6, 0.1, -0.1),
        new VarianceGammaParameters(0.12, 0.2, -0.14),
        new VarianceGammaParameters(0.66, 0.005, 0.9),
    };
    static final double[] EXPIRIES = {1 / 365.0, 30 / 365.0, 1.0, 3.0};

    @Test
    void gradientFormGivesTheSameCharacteristicFunction() {
        double[] re = new double[CharacteristicFunctionModel.MAX_PARAMETERS];
        double[] im = new double[CharacteristicFunctionModel.MAX_PARAMETERS];
        for (CharacteristicFunctionModel m : SETS) {
            for (double t : EXPIRIES) {
                for (double u = 0.0; u < 400.0; u += 0.37) {
                    Complex plain = m.characteristicFunction(u, t);
                    Complex withGradient = m.characteristicFunctionAndGradient(u, t, re, im);
                    double scale = 1e-13 * (1.0 + u) * Math.max(plain.abs(), 1e-300);
                    assertEquals(plain.re(), withGradient.re(), scale + 1e-300, () -> m + " " + t);
                    assertEquals(plain.im(), withGradient.im(), scale + 1e-300, () -> m + " " + t);
                }
            }
        }
    }

    @Test
    void gradientOfTheCharacteristicFunctionMatchesCentralDifferences() {
        double[] re = new double[CharacteristicFunctionModel.MAX_PARAMETERS];
        double[] im = new double[CharacteristicFunctionModel.MAX_PARAMETERS];
        for (CharacteristicFunctionModel m : SETS) {
            for (double t : EXPIRIES) {
                for (double u : new double[] {0.3, 2.0, 11.0, 47.0}) {
                    m.characteristicFunctionAndGradient(u, t, re, im);
                    double[] p = m.parameters();
                    for (int j = 0; j < p.length; j++) {
                        double step = 1e-6 * Math.max(Math.abs(p[j]), 0.1);
                        double[] up = p.clone();
                        double[] down = p.clone();
                        up[j] += step;
                        down[j] -= step;
                        Complex fUp = m.withParameters(up).characteristicFunction(u, t);
                        Complex fDown = m.withParameters(down).characteristicFunction(u, t);
                        double dRe = (fUp.re() - fDown.re()) / (2 * step);
                        double dIm = (fUp.im() - fDown.im()) / (2 * step);
                        // The differences' rounding, eps |phi| / step, and subnormal phi (1e-316 at nu = 0.005, T = 3).
                        double tolerance = 1e-6 * Math.hypot(dRe, dIm) + 1e-15 * fUp.abs() / step + 1e-300;
                        String where = m + " T=" + t + " u=" + u + " " + m.parameterNames()[j];
                        assertEquals(dRe, re[j], tolerance, where);
                        assertEquals(dIm, im[j], tolerance, where);
                    }
                }
            }
        }
    }

    @Test
    void digammaMatchesItsClosedFormsWhereCommonsMathIsOffByThreeInTheNinthDigit() {
        double euler = 0.5772156649015329;
        // Abramowitz and Stegun 6.3.2-6.3.4: psi(1) = -gamma, psi(1/2) = -gamma - 2 ln 2, psi(n) = H_{n-1} - gamma.
        assertEquals(-euler, GammaMixture.digamma(1.0), 4e-15);
        assertEquals(-euler - 2.0 * Math.log(2.0), GammaMixture.digamma(0.5), 4e-15);
        for (int n : new int[] {3, 12, 50, 400}) {
            double harmonic = 0.0;
            for (int k = 1; k < n; k++) {
                harmonic += 1.0 / k;
            }
            assertEquals(harmonic - euler, GammaMixture.digamma(n), 1e-14, "psi(" + n + ")");
        }
        // Near 0 (A&S 6.3.14): psi(x) = -1/x - gamma + zeta(2) x - zeta(3) x^2 + ...
        assertEquals(-1e4 - euler + Math.PI * Math.PI / 6 * 1e-4, GammaMixture.digamma(1e-4), 2e-8);
    }

    @Test
    void cosPriceGradientMatchesCentralDifferencesOfPrices() {
        double forward = 60_000.0;
        double[] moneyness = {0.6, 0.8, 0.9, 0.97, 1.0, 1.03, 1.1, 1.25, 1.6};
        for (CharacteristicFunctionModel m : SETS) {
            for (double t : new double[] {1 / 365.0, 7 / 365.0, 30 / 365.0, 1.0}) {
                int n = moneyness.length;
                double[] strikes = new double[n];
                OptionType[] types = new OptionType[n];
                for (int i = 0; i < n; i++) {
                    strikes[i] = forward * Math.pow(moneyness[i], Math.sqrt(t));
                    types[i] = moneyness[i] < 1.0 ? OptionType.PUT : OptionType.CALL;
                }
                double[] p = m.parameters();
                double[] prices = new double[n];
                double[] jacobian = new double[n * p.length];
                CosPricer.DEFAULT.priceAndGradientSlice(m, forward, t, strikes, types, prices, jacobian);
                double[] plain = new double[n];
                CosPricer.DEFAULT.priceSlice(m, forward, t, strikes, types, plain);
                for (int j = 0; j < p.length; j++) {
                    double step = 1e-3 * Math.max(Math.abs(p[j]), 0.1);
                    double[] numerical = richardsonDerivative(m, j, step, forward, t, strikes, types);
                    for (int i = 0; i < n; i++) {
                        String where = m + " T=" + t + " K=" + strikes[i] + " " + m.parameterNames()[j];
                        assertEquals(plain[i], prices[i], 1e-12 * forward, where);
                        assertEquals(numerical[i], jacobian[i * p.length + j], 1e-6 * Math.abs(numerical[i]) + 1e-6,
                                where);
                    }
                }
            }
        }
    }

    /**
     * {@code d price / d p_j} by Richardson extrapolation of central differences at steps h and h/2, whose error is
     * O(h^4): steps large enough that the COS prices' rounding and the jumps of the adaptive term count (about
     * 1e-15 F) stay below 1e-6 USD in the quotient.
     */
    private static double[] richardsonDerivative(CharacteristicFunctionModel m, int j, double step, double forward,
            double t, double[] strikes, OptionType[] types) {
        int n = strikes.length;
        double[] wide = centralDifference(m, j, step, forward, t, strikes, types);
        double[] narrow = centralDifference(m, j, 0.5 * step, forward, t, strikes, types);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (4.0 * narrow[i] - wide[i]) / 3.0;
        }
        return out;
    }

    private static double[] centralDifference(CharacteristicFunctionModel m, int j, double step, double forward,
            double t, double[] strikes, OptionType[] types) {
        int n = strikes.length;
        double[] p = m.parameters();
        double[] up = new double[n];
        double[] down = new double[n];
        p[j] += step;
        CosPricer.DEFAULT.priceSlice(m.withParameters(p), forward, t, strikes, types, up);
        p[j] -= 2 * step;
        CosPricer.DEFAULT.priceSlice(m.withParameters(p), forward, t, strikes, types, down);
        for (int i = 0; i < n; i++) {
            up[i] = (up[i] - down[i]) / (2 * step);
        }
        return up;
    }
}
