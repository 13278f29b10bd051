package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code returns(HISTORY, horizon, overlapping)} and {@code rolling(HISTORY, window, step)} on a generated daily
 * history whose one-bar log returns are known: 0.01, -0.02, 0.03, ... alternating in sign, nine of them.
 */
class HorizonReturnsRunTest {

    /** The nine one-bar log returns, (-1)^i (i + 1) / 100. */
    private static final double[] RETURNS = new double[9];

    static {
        for (int i = 0; i < RETURNS.length; i++) {
            RETURNS[i] = (i % 2 == 0 ? 1 : -1) * (i + 1) / 100.0;
        }
    }

    @TempDir
    Path folder;

    @BeforeEach
    void writeHistory() throws Exception {
        StringBuilder csv = new StringBuilder("date,close\n");
        double logPrice = Math.log(100);
        for (int day = 0; day <= RETURNS.length; day++) {
            csv.append(String.format(Locale.ROOT, "2024-01-%02d,%.17g%n", day + 1, Math.exp(logPrice)));
            logPrice += day < RETURNS.length ? RETURNS[day] : 0;
        }
        Files.writeString(folder.resolve("h.csv"), csv);
    }

    private Table shown(String recipe) {
        Execution execution = Recipes.run(folder, "data h = history(\"h.csv\")\n" + recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return ((TableValue) execution.shown().getFirst().value()).table();
    }

    private List<String> errors(String recipe) {
        Execution execution = Recipes.run(folder, "data h = history(\"h.csv\")\n" + recipe);
        return located(execution.diagnostics().stream().filter(d -> d.isError()).toList());
    }

    private static double sum(int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += RETURNS[i];
        }
        return total;
    }

    private static Instant day(int index) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * index);
    }

    @Test
    void nonOverlappingReturnsStartEveryHorizonAndLeaveOutAPartialLastOne() {
        Table returns = shown("show returns(h, horizon 3d)");
        assertEquals(List.of("time", "end", "log_return", "return"), returns.columnNames());
        assertEquals(3, returns.rowCount(), "floor(9 / 3)");
        for (int k = 0; k < 3; k++) {
            assertEquals(day(3 * k), returns.instantColumn("time").get(k));
            assertEquals(day(3 * k + 3), returns.instantColumn("end").get(k));
            assertEquals(sum(3 * k, 3 * k + 3), returns.doubleColumn("log_return").getDouble(k), 1e-12);
            assertEquals(Math.expm1(sum(3 * k, 3 * k + 3)), returns.doubleColumn("return").getDouble(k), 1e-12);
        }
    }

    @Test
    void overlappingReturnsStartAtEveryBar() {
        Table returns = shown("show returns(h, horizon 3d, overlapping true)");
        assertEquals(7, returns.rowCount(), "9 - 3 + 1");
        for (int k = 0; k < 7; k++) {
            assertEquals(day(k), returns.instantColumn("time").get(k));
            assertEquals(sum(k, k + 3), returns.doubleColumn("log_return").getDouble(k), 1e-12);
        }
    }

    @Test
    void oneBarReturnsAreTheHistorysLogReturns() {
        Table returns = shown("show returns(h)");
        assertEquals(9, returns.rowCount());
        for (int k = 0; k < 9; k++) {
            assertEquals(RETURNS[k], returns.doubleColumn("log_return").getDouble(k), 1e-12);
        }
    }

    @Test
    void rollingWindowsEndEveryStepAtTheLastBarAndUseOnlyTheirOwnReturns() {
        Table rolling = shown("show rolling(h, window 4d, step 2d)");
        assertEquals(List.of(5, 7, 9).size(), rolling.rowCount());
        int[] ends = {5, 7, 9};
        for (int k = 0; k < ends.length; k++) {
            int end = ends[k];
            assertEquals(day(end), rolling.instantColumn("time").get(k), "known at the close of its last bar");
            assertEquals(day(end - 4), rolling.instantColumn("from").get(k));
            double mean = sum(end - 4, end) / 4;
            double squares = 0;
            for (int i = end - 4; i < end; i++) {
                squares += (RETURNS[i] - mean) * (RETURNS[i] - mean);
            }
            double volatility = Math.sqrt(squares / 3);
            assertEquals(4, rolling.doubleColumn("returns").getDouble(k));
            assertEquals(mean, rolling.doubleColumn("mean").getDouble(k), 1e-12);
            assertEquals(volatility, rolling.doubleColumn("volatility").getDouble(k), 1e-12);
            assertEquals(volatility * Math.sqrt(365), rolling.doubleColumn("annualised_volatility").getDouble(k),
                    1e-11);
            assertEquals(RETURNS[end - 1], end % 2 == 0 ? rolling.doubleColumn("lowest").getDouble(k)
                    : rolling.doubleColumn("highest").getDouble(k), 1e-12, "the largest return is the last");
            assertEquals(sum(end - 4, end), rolling.doubleColumn("log_return").getDouble(k), 1e-12);
        }
    }

    @Test
    void aHorizonOrWindowLongerThanTheHistoryIsAnErrorAtIt() {
        assertEquals(List.of("2:25 h has 9 returns, fewer than the 20 bars of the horizon 20d"),
                errors("show returns(h, horizon 20d)"));
        assertEquals(List.of("2:24 a rolling window needs 2 to 9 returns of h, not 1"),
                errors("show rolling(h, window 1d)"));
    }

    @Test
    void returnsOfAnythingButAPriceHistoryIsACheckError() {
        List<String> errors = located(Recipes.check("data chain = options(\"chain.csv\")\nshow returns(chain)\n"
                + "show rolling(chain)\n").diagnostics());
        assertEquals(List.of(
                "2:14 returns needs a price history (a table with the columns time and close), not an option chain",
                "3:14 rolling needs a price history (a table with the columns time and close), not an option chain"),
                errors);
    }
}
