package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows, horizons and returns of a history: what a rolling estimate is computed on. */
class PriceHistoryWindowsTest {

    private static PriceHistory daily(double... closes) {
        long[] seconds = new long[closes.length];
        for (int i = 0; i < closes.length; i++) {
            seconds[i] = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() + i * 86_400L;
        }
        return new PriceHistory("test", seconds, null, null, null, closes, null, Duration.ofDays(1), false);
    }

    @Test
    void logReturnsAreOnePerBarAfterTheFirst() {
        double[] returns = daily(100, 110, 99).logReturns();
        assertArrayEquals(new double[] {Math.log(1.1), Math.log(0.9)}, returns, 1e-15);
    }

    @Test
    void rollingWindowsEndOnTheLastBarEveryStep() {
        PriceHistory history = daily(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(List.of(new PriceHistory.Window(0, 4), new PriceHistory.Window(3, 7),
                new PriceHistory.Window(6, 10)), history.rollingWindows(4, 3));
        assertEquals(List.of(new PriceHistory.Window(2, 6), new PriceHistory.Window(6, 10)),
                history.rollingWindows(4, 4));
        assertEquals(7, history.rollingWindows(4, 1).size());
    }

    @Test
    void windowAndBetweenKeepTheBarsTheyName() {
        PriceHistory history = daily(1, 2, 3, 4, 5);
        assertArrayEquals(new double[] {2, 3, 4}, history.window(1, 4).closes());
        assertArrayEquals(new double[] {3, 4, 5}, history.between(Instant.parse("2024-01-03T00:00:00Z"), null).closes());
        assertArrayEquals(new double[] {1, 2}, history.between(null, Instant.parse("2024-01-02T12:00:00Z")).closes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> history.between(Instant.parse("2025-01-01T00:00:00Z"), null));
        assertEquals("test has 0 bar(s) from 2025-01-01T00:00:00Z to its end; a history needs at least two",
                e.getMessage());
    }

    @Test
    void theNearestBarIsTheClosestInTimeTheLaterOfTwoEquallyNearAndAnEndOutsideTheHistory() {
        PriceHistory history = daily(1, 2, 3, 4, 5);
        assertEquals(2, history.nearest(Instant.parse("2024-01-03T00:00:00Z")), "a bar's own time");
        assertEquals(1, history.nearest(Instant.parse("2024-01-02T11:00:00Z")));
        assertEquals(2, history.nearest(Instant.parse("2024-01-02T13:00:00Z")));
        assertEquals(2, history.nearest(Instant.parse("2024-01-02T12:00:00Z")), "halfway: the later");
        assertEquals(0, history.nearest(Instant.parse("2023-06-01T00:00:00Z")));
        assertEquals(4, history.nearest(Instant.parse("2025-06-01T00:00:00Z")));
    }

    @Test
    void horizonsCountBarsOfTheHistory() {
        assertEquals(1, daily(1, 2).barsIn(Duration.ofDays(1)));
        assertEquals(2, daily(1, 2).barsIn(Duration.ofDays(2)));
        PriceHistory hourly = new PriceHistory("hourly", new long[] {0, 3600}, null, null, null, new double[] {1, 2},
                null, Duration.ofHours(1), false);
        assertEquals(24, hourly.barsIn(Duration.ofDays(1)));
        assertEquals(8760, hourly.barsPerYear());
        assertEquals(365, daily(1, 2).barsPerYear());
    }

    @Test
    void historyRejectsTimesThatDoNotIncrease() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PriceHistory("h",
                new long[] {0, 0}, null, null, null, new double[] {1, 2}, null, Duration.ofDays(1), false));
        assertEquals("times must increase strictly: bar 1 at 1970-01-01T00:00:00Z is not after bar 0", e.getMessage());
    }
}
