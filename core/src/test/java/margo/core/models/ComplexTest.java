package margo.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast replacements of StrictMath's log1p, hypot and atan2 in the characteristic functions' complex arithmetic agree
 * with them to a few ulps over the whole range of magnitudes, so the prices they make are as accurate as before.
 */
class ComplexTest {

    private static final int DRAWS = 200_000;

    /** A magnitude drawn log-uniformly between 1e-300 and 1e300. */
    private static double magnitude(SplittableRandom random) {
        return Math.pow(10.0, random.nextDouble(-300.0, 300.0));
    }

    @Test
    void log1pAgreesWithStrictMathToFourUlpsFromMinusOneToHuge() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < DRAWS; i++) {
            double x = switch (i % 3) {
                case 0 -> magnitude(random);
                case 1 -> -Math.min(magnitude(random), 1.0);
                default -> random.nextDouble(-1.0, 1.0);
            };
            double expected = StrictMath.log1p(x);
            double actual = Complex.log1p(x);
            assertTrue(actual == expected || Math.abs(actual - expected) <= 4.0 * Math.ulp(expected), "log1p(" + x + ") = " + actual
                    + ", StrictMath " + expected);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Complex.log1p(-1.0));
        assertEquals(0.0, Complex.log1p(0.0));
        assertEquals(StrictMath.log1p(Double.MAX_VALUE), Complex.log1p(Double.MAX_VALUE));
    }

    @Test
    void modulusAgreesWithHypotToTwoUlpsFromTinyToHuge() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < DRAWS; i++) {
            double re = magnitude(random) * (random.nextBoolean() ? 1 : -1);
            double im = (i % 2 == 0 ? magnitude(random) : re * random.nextDouble(-10.0, 10.0));
            double expected = Math.hypot(re, im);
            double actual = Complex.modulus(re, im);
            assertTrue(Math.abs(actual - expected) <= 2.0 * Math.ulp(expected), "|" + re + " + i " + im + "| = "
                    + actual + ", hypot " + expected);
        }
        assertEquals(5.0, Complex.modulus(3.0, -4.0));
        assertEquals(0.0, Complex.modulus(0.0, 0.0));
    }

    @Test
    void argumentDifferenceIsTheDifferenceOfTheTwoArgumentsToRounding() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < DRAWS; i++) {
            double scale = Math.pow(10.0, random.nextDouble(-100.0, 100.0));
            double aRe = random.nextDouble(-1.0, 1.0) * scale;
            double aIm = random.nextDouble(-1.0, 1.0) * scale * (i % 4 == 0 ? 1e-12 : 1.0);
            double bRe = random.nextDouble(-1.0, 1.0) * scale;
            double bIm = random.nextDouble(-1.0, 1.0) * scale;
            double expected = StrictMath.atan2(aIm, aRe) - StrictMath.atan2(bIm, bRe);
            double actual = Complex.argumentDifference(aRe, aIm, bRe, bIm);
            assertEquals(expected, actual, 4.0 * Math.ulp(Math.PI), "arg " + aRe + " + i " + aIm + " - arg "
                    + bRe + " + i " + bIm);
        }
        assertEquals(Math.PI / 2, Complex.argumentDifference(1e-300, 1e-300, 1.0, -1.0), 1e-15);
    }

    @Test
    void argumentAgreesWithStrictMathsAtan2ToTwoUlpsInEveryOctant() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < DRAWS; i++) {
            double re = random.nextDouble(-1.0, 1.0);
            double im = switch (i % 4) {
                case 0 -> random.nextDouble(-1.0, 1.0);
                case 1 -> re * (1.0 + random.nextDouble(-1e-3, 1e-3)) * (random.nextBoolean() ? 1 : -1);
                case 2 -> re * Math.pow(10.0, random.nextDouble(-250.0, 250.0));
                default -> re * (random.nextInt(-8, 9) / 8.0 + random.nextDouble(-1e-9, 1e-9));
            };
            double scale = magnitude(random) * 1e-50;
            double expected = StrictMath.atan2(im * scale, re * scale);
            double actual = Complex.argument(re * scale, im * scale);
            assertTrue(Math.abs(actual - expected) <= 2.0 * Math.ulp(expected), "arg(" + re * scale + " + i "
                    + im * scale + ") = " + actual + ", StrictMath.atan2 " + expected);
        }
        double[] edges = {0.0, -0.0, 1.0, -1.0, 1e-310, -1e-310, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN};
        for (double re : edges) {
            for (double im : edges) {
                assertEquals(StrictMath.atan2(im, re), Complex.argument(re, im), 2.0 * Math.ulp(1.0),
                        "arg(" + re + " + i " + im + ")");
                assertEquals(Math.copySign(1.0, StrictMath.atan2(im, re)), Math.copySign(1.0,
                        Complex.argument(re, im)), "the sign of arg(" + re + " + i " + im + ")");
            }
        }
        assertEquals(Math.PI, Complex.argument(-1.0, 0.0));
        assertEquals(-Math.PI / 4, Complex.argument(1.0, -1.0));
    }
}
