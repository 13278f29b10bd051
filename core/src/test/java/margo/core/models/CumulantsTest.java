package margo.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CumulantsTest {

    @Test
    void numericFourthCumulantMatchesClosedFormsOfMertonAndVarianceGamma() {
        CharacteristicFunctionModel[] models = {
            new MertonParameters(0.2, 0.5, -0.1, 0.15),
            new MertonParameters(0.55, 3.0, -0.03, 0.12),
            new VarianceGammaParameters(0.12, 0.2, -0.14),
            new VarianceGammaParameters(0.6, 0.1, -0.1),
        };
        for (CharacteristicFunctionModel m : models) {
            for (double t : new double[] {1 / 365.0, 0.25, 3.0}) {
                Cumulants exact = m.cumulants(t);
                double numeric = Cumulants.fourthFromCharacteristicFunction(m, t, exact.c2());
                // Percent-level accuracy is all the truncation range needs; jumps wider than sqrt(c2) and variance gamma
                // at one day, whose higher cumulants dwarf c2^(n/2), are the hard cases.
                assertEquals(exact.c4(), numeric, 3e-2 * exact.c4(), () -> m + " T=" + t);
            }
        }
    }

    @Test
    void truncationHalfWidthIsLTimesRootOfC2PlusRootC4() {
        assertEquals(10.0 * Math.sqrt(0.04 + 0.03), new Cumulants(-0.02, 0.04, 0.0009).halfWidth(10.0), 1e-15);
    }

    @Test
    void varianceMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Cumulants(0.0, 0.0, 0.0));
    }
}
