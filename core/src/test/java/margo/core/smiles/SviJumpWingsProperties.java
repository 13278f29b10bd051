package margo.core.smiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class SviJumpWingsProperties {

    @Property(tries = 300)
    void rawToJumpWingsAndBackIsTheIdentity(@ForAll @DoubleRange(min = 0.0, max = 0.3) @Scale(6) double minimum,
                                             @ForAll @DoubleRange(min = 0.01, max = 1.0) @Scale(6) double b,
                                             @ForAll @DoubleRange(min = -0.95, max = 0.95) @Scale(6) double rho,
                                             @ForAll @DoubleRange(min = -0.5, max = 0.5) @Scale(6) double m,
                                             @ForAll @DoubleRange(min = 0.02, max = 1.0) @Scale(6) double sigma,
                                             @ForAll @DoubleRange(min = 0.01, max = 3.0) @Scale(6) double t) {
        if (Math.abs(m) < 1e-3) {
            return; // m = 0 is the separate branch, tested below
        }
        SviRaw raw = new SviRaw(minimum - b * sigma * Math.sqrt(1 - rho * rho), b, rho, m, sigma);
        SviJumpWings jumpWings = SviJumpWings.fromRaw(raw, t);
        SviRaw back = jumpWings.toRaw();
        // Lemma 3.2 reads m from v - vTilde, which vanishes when the smile's minimum is at the money (psi = 0): the
        // doubles v and vTilde then carry m only in their last digits. Over 2 million random smiles the error times
        // the relative gap (v - vTilde)/v stayed below 4.3e-12 for the parameters and 2.8e-13 for the smile. The gap is
        // relative to the terms that make v, not to v alone: with a minimum variance near zero, v is a small difference
        // of a < 0 and b sigma, and its doubles carry errors of the size of those terms.
        double scale = Math.max(jumpWings.v(), (Math.abs(raw.a()) + raw.b() * raw.sigma()) / t);
        double gap = (jumpWings.v() - jumpWings.vTilde()) / scale;
        assertRawEquals(raw, back, 1e-10 / gap);
        // The smiles agree, not only the parameters.
        for (double k = -1; k <= 1; k += 0.25) {
            assertEquals(raw.totalVariance(k), back.totalVariance(k), 1e-11 / gap);
        }
    }

    @Test
    void jumpWingsToRawAndBackIsTheIdentity() {
        SviJumpWings jw = new SviJumpWings(0.36, -0.2, 0.9, 0.6, 0.3, 0.5);
        SviJumpWings back = SviJumpWings.fromRaw(jw.toRaw(), 0.5);
        assertEquals(jw.v(), back.v(), 1e-12);
        assertEquals(jw.psi(), back.psi(), 1e-12);
        assertEquals(jw.p(), back.p(), 1e-12);
        assertEquals(jw.c(), back.c(), 1e-12);
        assertEquals(jw.vTilde(), back.vTilde(), 1e-12);
    }

    @Test
    void jumpWingsReadTheSmile() {
        SviRaw raw = SviRawTest.TAME;
        double t = 0.5;
        SviJumpWings jw = SviJumpWings.fromRaw(raw, t);
        double w0 = raw.totalVariance(0);
        assertEquals(w0 / t, jw.v(), 1e-15);
        // psi is the ATM skew of implied volatility in units of sqrt(t): d sqrt(w)/dk = w'(0) / (2 sqrt(w)).
        assertEquals(raw.totalVarianceSlope(0) / (2 * Math.sqrt(w0)), jw.psi(), 1e-15);
        assertEquals(raw.minimumTotalVariance() / t, jw.vTilde(), 1e-15);
    }

    @Test
    void atTheMoneyVertexTakesTheMEqualsZeroBranch() {
        SviRaw raw = new SviRaw(0.02, 0.3, -0.3, 0.0, 0.2);
        assertRawEquals(raw, SviJumpWings.fromRaw(raw, 1.0).toRaw(), 1e-9);
        SviRaw symmetric = new SviRaw(0.02, 0.3, 0.0, 0.0, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SviJumpWings.fromRaw(symmetric, 1.0).toRaw());
        assertEquals(true, e.getMessage().contains("not determined"), e.getMessage());
    }

    private static void assertRawEquals(SviRaw expected, SviRaw actual, double tolerance) {
        String message = expected + " vs " + actual;
        assertEquals(expected.a(), actual.a(), tolerance, message);
        assertEquals(expected.b(), actual.b(), tolerance, message);
        assertEquals(expected.rho(), actual.rho(), tolerance, message);
        assertEquals(expected.m(), actual.m(), tolerance, message);
        assertEquals(expected.sigma(), actual.sigma(), tolerance, message);
    }
}
