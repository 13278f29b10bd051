package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HorizonReturnsTest {

    private static final double[] PRICES = {100, 110, 99, 99, 120.5};

    @Test
    void oneBarReturnsAreLogPriceRatios() {
        double[] r = HorizonReturns.logReturns(PRICES);
        assertEquals(4, r.length);
        assertEquals(Math.log(1.1), r[0], 1e-15);
        assertEquals(0.0, r[2], 0.0);
    }

    @Test
    void overlappingHorizonReturnsStartAtEveryBar() {
        double[] r = HorizonReturns.logReturns(PRICES);
        double[] twoBar = HorizonReturns.overlapping(r, 2);
        assertArrayEquals(new double[] {Math.log(0.99), Math.log(0.9), Math.log(120.5 / 99)}, twoBar, 1e-14);
    }

    @Test
    void nonOverlappingHorizonReturnsStartEveryHorizon() {
        double[] r = HorizonReturns.logReturns(PRICES);
        assertArrayEquals(new double[] {Math.log(0.99), Math.log(120.5 / 99)}, HorizonReturns.nonOverlapping(r, 2),
                1e-14);
        assertEquals(1, HorizonReturns.nonOverlapping(r, 3).length, "a partial last horizon is not a return");
    }

    @Test
    void aHorizonPastTheDataIsNotANumber() {
        double[] r = HorizonReturns.logReturns(PRICES);
        assertTrue(Double.isNaN(HorizonReturns.over(r, 3, 2)));
        assertEquals(Math.log(1.205), HorizonReturns.over(r, 0, 4), 1e-14);
    }

    @Test
    void aNonPositivePriceIsNamedByItsIndex() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HorizonReturns.logReturns(new double[] {100, 0, 101}));
        assertEquals("price 1 must be finite and positive, not 0.0", error.getMessage());
    }

    @Test
    void aHorizonLongerThanTheDataIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HorizonReturns.overlapping(new double[] {0.01, 0.02}, 3));
        assertTrue(error.getMessage().contains("too short"), error.getMessage());
    }
}
