package margo.core.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HestonParametersTest {

    static final HestonParameters[] SETS = {
        new HestonParameters(0.0175, 1.5768, 0.0398, 0.5711, -0.5711),
        new HestonParameters(0.04, 1.5, 0.04, 0.3, -0.7),
        new HestonParameters(0.36, 2.0, 0.4, 2.0, -0.1),
        new HestonParameters(0.36, 10.0, 0.4, 4.0, 0.2),
    };
    static final double[] EXPIRIES = {1 / 365.0, 30 / 365.0, 1.0, 3.0};

    @Test
    void constructionRejectsParametersOutsideTheirDomainNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HestonParameters(0.04, -1.0, 0.04, 0.3, -0.7));
        assertTrue(e.getMessage().startsWith("kappa must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HestonParameters(0.04, 1.0, 0.04, 0.3, -1.5));
        assertTrue(e.getMessage().startsWith("rho must be in [-1, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HestonParameters.of(new double[] {0.04, 1.0}));
        assertTrue(e.getMessage().contains("v0, kappa, theta, xi, rho"), e.getMessage());
    }

    @Test
    void parametersRoundTripThroughTheEngineArray() {
        HestonParameters h = SETS[3];
        assertArrayEquals(new String[] {"v0", "kappa", "theta", "xi", "rho"}, h.parameterNames());
        assertEquals(h, h.withParameters(h.parameters()));
    }

    @Test
    void littleTrapAndCuiFormsAreTheSameFunction() {
        double[] re = new double[5];
        double[] im = new double[5];
        for (HestonParameters h : SETS) {
            for (double t : EXPIRIES) {
                for (double u = 0.0; u < 400.0; u += 0.37) {
                    Complex trap = h.characteristicFunction(u, t);
                    Complex cui = h.characteristicFunctionAndGradient(u, t, re, im);
                    double scale = 1e-13 * (1.0 + u) * Math.max(trap.abs(), 1e-300);
                    assertEquals(trap.re(), cui.re(), scale + 1e-300, () -> h + " " + t);
                    assertEquals(trap.im(), cui.im(), scale + 1e-300, () -> h + " " + t);
                }
            }
        }
    }

    @Test
    void firstTwoCumulantsAreTheSlopesOfTheCharacteristicFunction() {
        for (HestonParameters h : SETS) {
            for (double t : EXPIRIES) {
                Cumulants c = h.cumulants(t);
                double step = 0.01 / Math.sqrt(c.c2());
                // ln phi(u) = i c1 u - c2 u^2 / 2 + O(u^3); Richardson on steps h and 2h.
                double c1 = (4.0 * h.characteristicFunction(step, t).log().im() / step
                        - h.characteristicFunction(2 * step, t).log().im() / (2 * step)) / 3.0;
                double c2 = (4.0 * -2.0 * Math.log(h.characteristicFunction(step, t).abs()) / (step * step)
                        - -2.0 * Math.log(h.characteristicFunction(2 * step, t).abs()) / (4 * step * step)) / 3.0;
                assertEquals(c1, c.c1(), 1e-6 * Math.abs(c.c1()), () -> "c1 " + h + " " + t);
                assertEquals(c2, c.c2(), 1e-7 * c.c2(), () -> "c2 " + h + " " + t);
                assertTrue(c.c4() > 0.0, () -> "c4 " + h + " " + t);
            }
        }
    }

    @Test
    void gradientOfTheCharacteristicFunctionMatchesCentralDifferences() {
        double[] re = new double[5];
        double[] im = new double[5];
        for (HestonParameters h : SETS) {
            for (double t : EXPIRIES) {
                for (double u : new double[] {0.3, 2.0, 11.0, 47.0}) {
                    h.characteristicFunctionAndGradient(u, t, re, im);
                    double[] p = h.parameters();
                    for (int j = 0; j < 5; j++) {
                        double step = 1e-6 * Math.max(Math.abs(p[j]), 0.1);
                        double[] up = p.clone();
                        double[] down = p.clone();
                        up[j] += step;
                        down[j] -= step;
                        Complex fUp = HestonParameters.of(up).characteristicFunction(u, t);
                        Complex fDown = HestonParameters.of(down).characteristicFunction(u, t);
                        double dRe = (fUp.re() - fDown.re()) / (2 * step);
                        double dIm = (fUp.im() - fDown.im()) / (2 * step);
                        double tolerance = 1e-6 * Math.hypot(dRe, dIm) + 1e-9;
                        int index = j;
                        assertEquals(dRe, re[j], tolerance, () -> h + " T=" + t + " u=" + u + " p" + index);
                        assertEquals(dIm, im[j], tolerance, () -> h + " T=" + t + " u=" + u + " p" + index);
                    }
                }
            }
        }
    }
}
