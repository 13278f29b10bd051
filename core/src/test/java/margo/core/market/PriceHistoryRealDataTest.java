package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import margo.core.market.HistoryWarning.Problem;
import org.junit.jupiter.api.Test;

/**
 * The real histories shipped in examples/data (Yahoo Finance and Coinbase, see its README) load with exactly the
 * quirks their attribution lists, no more: the loader neither hides a problem nor invents one.
 */
class PriceHistoryRealDataTest {

    private static HistoryLoad load(String file) throws Exception {
        Path path = ChainFiles.repositoryRoot().resolve("examples/data").resolve(file);
        return PriceHistories.load(path, HistoryColumns.DETECTED);
    }

    @Test
    void yahooBitcoinHasOneStalePrintOn20170228() throws Exception {
        HistoryLoad load = load("btc-usd-daily-close-yahoo.csv");
        assertEquals(1, load.warnings().size(), () -> load.warnings().toString());
        HistoryWarning stale = load.warnings().getFirst();
        assertEquals(Problem.STALE, stale.problem());
        assertEquals(897, stale.line());
        assertTrue(stale.message().contains("at 2017-02-28"), stale.message());
        PriceHistory history = load.history();
        assertEquals(4305, history.size());
        assertEquals(Duration.ofDays(1), history.bar());
        assertFalse(history.weekdaysOnly());
        assertEquals(Instant.parse("2014-09-17T00:00:00Z"), history.time(0));
        assertEquals(Instant.parse("2026-06-30T00:00:00Z"), history.time(history.size() - 1));
    }

    @Test
    void largestYahooBitcoinMoveIsTheRealCrashOf20200312() throws Exception {
        PriceHistory history = load("btc-usd-daily-close-yahoo.csv").history();
        double[] returns = history.logReturns();
        int worst = 0;
        for (int i = 1; i < returns.length; i++) {
            worst = returns[i] < returns[worst] ? i : worst;
        }
        assertEquals(Instant.parse("2020-03-12T00:00:00Z"), history.time(worst + 1));
        assertEquals(-0.465, returns[worst], 0.005);
    }

    @Test
    void yahooEtherLoadsCleanly() throws Exception {
        HistoryLoad load = load("eth-usd-daily-close-yahoo.csv");
        assertEquals(List.of(), load.warnings());
        assertEquals(3156, load.history().size());
    }

    @Test
    void coinbaseDailyDropsItsPartialLastDay() throws Exception {
        HistoryLoad load = load("btc-usd-daily-ohlcv-coinbase.csv");
        assertEquals(1, load.warnings().size(), () -> load.warnings().toString());
        HistoryWarning partial = load.warnings().getFirst();
        assertEquals(Problem.PARTIAL_BAR, partial.problem());
        assertEquals(2418, partial.line());
        assertTrue(partial.message().startsWith("the last bar (2026-08-13)"), partial.message());
        PriceHistory history = load.history();
        assertEquals(2416, history.size());
        assertTrue(history.hasOhlc());
        assertEquals(Instant.parse("2026-08-12T00:00:00Z"), history.time(history.size() - 1));
        assertEquals(List.of("timestamps", "close", "open", "high", "low", "volume"), load.columns());
    }
}
