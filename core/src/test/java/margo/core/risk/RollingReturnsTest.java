package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingReturnsTest {

    /** Returns 0.01, -0.02, 0.03, -0.04, 0.05, -0.06. */
    private static final double[] RETURNS = {0.01, -0.02, 0.03, -0.04, 0.05, -0.06};

    @Test
    void eachWindowHoldsTheReturnsJustBeforeItsEnd() {
        List<RollingReturns.Window> windows = RollingReturns.of(RETURNS, 3, 1);
        assertEquals(4, windows.size(), "windows end at bars 3, 4, 5 and 6");
        RollingReturns.Window first = windows.getFirst();
        assertEquals(3, first.end());
        assertEquals(0.02 / 3, first.mean(), 1e-15);
        assertEquals(-0.02, first.lowest());
        assertEquals(0.03, first.highest());
        assertEquals(0.02, first.total(), 1e-15);
        RollingReturns.Window last = windows.getLast();
        assertEquals(6, last.end());
        assertEquals(-0.05, last.total(), 1e-15);
    }

    @Test
    void windowsAStepApartEndAtTheLastReturn() {
        List<RollingReturns.Window> windows = RollingReturns.of(RETURNS, 2, 3);
        assertEquals(List.of(3, 6), windows.stream().map(RollingReturns.Window::end).toList());
        assertEquals(-0.01, windows.getLast().total(), 1e-15);
    }

    @Test
    void volatilityIsTheSampleStandardDeviationOfTheWindow() {
        double[] returns = new Random(7).doubles(500, -0.05, 0.05).toArray();
        int length = 60;
        for (RollingReturns.Window window : RollingReturns.of(returns, length, 7)) {
            double mean = 0;
            for (int i = window.end() - length; i < window.end(); i++) {
                mean += returns[i] / length;
            }
            double squares = 0;
            for (int i = window.end() - length; i < window.end(); i++) {
                squares += (returns[i] - mean) * (returns[i] - mean);
            }
            assertEquals(mean, window.mean(), 1e-15);
            assertEquals(Math.sqrt(squares / (length - 1)), window.volatility(), 1e-14);
        }
    }

    @Test
    void aWindowLongerThanTheReturnsIsRejectedNamingBoth() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> RollingReturns.of(RETURNS, 7, 1));
        assertEquals("a window of 6 returns is too short: at least 7 are needed", tooLong.getMessage());
    }
}
