package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import margo.core.market.HistoryWarning.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of a price history is checked, and each problem is a warning with its file line that says what was
 * done: rows left out, sorted, de-duplicated or kept; an unusable file is an error that says why.
 */
class PriceHistoryRowChecksTest {

    @TempDir
    Path directory;

    private HistoryLoad load(String... lines) throws Exception {
        return PriceHistories.load(ChainFiles.write(directory, "history.csv", lines), HistoryColumns.DETECTED);
    }

    private static HistoryWarning only(HistoryLoad load, Problem problem) {
        List<HistoryWarning> found = load.warnings().stream().filter(w -> w.problem() == problem).toList();
        assertEquals(1, found.size(), () -> load.warnings().toString());
        return found.getFirst();
    }

    @Test
    void cleanDailyFileLoadsWithoutWarnings() throws Exception {
        HistoryLoad load = load("Date,Close", "2024-01-01,100", "2024-01-02,101", "2024-01-03,99.5");
        assertEquals(List.of(), load.warnings());
        PriceHistory history = load.history();
        assertEquals(3, history.size());
        assertEquals(Duration.ofDays(1), history.bar());
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), history.time(1));
        assertArrayEquals(new double[] {100, 101, 99.5}, history.closes());
        assertEquals(List.of("Date", "Close"), load.columns());
        assertFalse(history.hasOhlc());
    }

    @Test
    void unparseableTimeAndPriceAreLeftOutWithTheirLines() throws Exception {
        HistoryLoad load = load("date,close", "2024-01-01,100", "2024-13-02,101", "2024-01-03,abc", "2024-01-04,102");
        assertEquals(2, load.warnings().size(), () -> load.warnings().toString());
        HistoryWarning time = load.warnings().get(0);
        assertEquals(3, time.line());
        assertEquals(Problem.UNPARSEABLE, time.problem());
        assertTrue(time.message().startsWith("date '2024-13-02' is not a time"), time.message());
        assertEquals("left out", time.repair());
        HistoryWarning price = load.warnings().get(1);
        assertEquals(4, price.line());
        assertEquals("close is not a number: 'abc'", price.message());
        assertEquals(2, load.history().size());
    }

    @Test
    void missingCloseIsUnparseable() throws Exception {
        HistoryWarning missing = only(load("date,close", "2024-01-01,100", "2024-01-02,", "2024-01-03,102"),
                Problem.UNPARSEABLE);
        assertEquals(3, missing.line());
        assertEquals("close is missing", missing.message());
    }

    @Test
    void nonPositivePricesAreLeftOut() throws Exception {
        HistoryLoad load = load("date,close", "2024-01-01,100", "2024-01-02,0", "2024-01-03,-5", "2024-01-04,101");
        List<HistoryWarning> bad = load.warnings().stream().filter(w -> w.problem() == Problem.NON_POSITIVE).toList();
        assertEquals(List.of(3, 4), bad.stream().map(HistoryWarning::line).toList());
        assertEquals("close is zero (0): a price must be positive", bad.get(0).message());
        assertEquals(2, load.history().size());
    }

    @Test
    void duplicatedTimeKeepsTheFirstLineAndSaysWhetherThePricesDiffer() throws Exception {
        HistoryLoad load = load("date,close", "2024-01-01,100", "2024-01-02,101", "2024-01-02,101",
                "2024-01-03,102", "2024-01-03,103");
        List<HistoryWarning> duplicates = load.warnings().stream().filter(w -> w.problem() == Problem.DUPLICATE)
                .toList();
        assertEquals(2, duplicates.size(), () -> load.warnings().toString());
        assertEquals(4, duplicates.get(0).line());
        assertEquals("2024-01-02 is also on line 3, with the same close", duplicates.get(0).message());
        assertEquals("left out; line 3 kept", duplicates.get(0).repair());
        assertEquals(6, duplicates.get(1).line());
        assertTrue(duplicates.get(1).message().contains("close 102.0 there and 103.0 here"), duplicates.get(1).message());
        assertArrayEquals(new double[] {100, 101, 102}, load.history().closes());
    }

    @Test
    void rowOutOfOrderIsSortedIntoPlaceAndNamed() throws Exception {
        HistoryLoad load = load("date,close", "2024-01-01,100", "2024-01-03,102", "2024-01-02,101", "2024-01-04,103");
        HistoryWarning late = only(load, Problem.OUT_OF_ORDER);
        assertEquals(4, late.line());
        assertEquals("2024-01-02 comes after line 3 (2024-01-03)", late.message());
        assertEquals("sorted into time order", late.repair());
        assertArrayEquals(new double[] {100, 101, 102, 103}, load.history().closes());
    }

    @Test
    void fileWrittenNewestFirstIsReversedWithOneWarning() throws Exception {
        HistoryLoad load = load("date,close", "2024-01-04,103", "2024-01-03,102", "2024-01-02,101", "2024-01-01,100");
        assertEquals(1, load.warnings().size(), () -> load.warnings().toString());
        HistoryWarning reversed = load.warnings().getFirst();
        assertEquals(2, reversed.line());
        assertEquals("reversed into time order", reversed.repair());
        assertArrayEquals(new double[] {100, 101, 102, 103}, load.history().closes());
    }

    @Test
    void gapAgainstTheDetectedBarCountsTheMissingBars() throws Exception {
        HistoryWarning gap = only(load("date,close", "2024-01-01,100", "2024-01-02,101", "2024-01-03,102",
                "2024-01-07,103", "2024-01-08,104"), Problem.GAP);
        assertEquals(5, gap.line());
        assertEquals("3 bars missing between 2024-01-03 and 2024-01-07 (bars of one day)", gap.message());
    }

    @Test
    void hourlyGapIsMeasuredInHours() throws Exception {
        HistoryLoad load = load("timestamps,close", "2024-01-01 00:00:00,100", "2024-01-01 01:00:00,101",
                "2024-01-01 02:00:00,102", "2024-01-01 05:00:00,103", "2024-01-01 06:00:00,104");
        assertEquals(Duration.ofHours(1), load.history().bar());
        HistoryWarning gap = only(load, Problem.GAP);
        assertEquals(5, gap.line());
        assertEquals("2 bars missing between 2024-01-01T02:00:00Z and 2024-01-01T05:00:00Z (bars of one hour)",
                gap.message());
    }

    @Test
    void weekendsAreNoGapInAHistoryOfWeekdays() throws Exception {
        // Monday 2024-01-01 to Friday 2024-01-19, weekdays only, with Wednesday 2024-01-10 missing.
        HistoryLoad load = load("date,close", "2024-01-01,100", "2024-01-02,101", "2024-01-03,102", "2024-01-04,103",
                "2024-01-05,104", "2024-01-08,105", "2024-01-09,106", "2024-01-11,107", "2024-01-12,108",
                "2024-01-15,109", "2024-01-16,110", "2024-01-17,111", "2024-01-18,112", "2024-01-19,113");
        assertTrue(load.history().weekdaysOnly());
        HistoryWarning gap = only(load, Problem.GAP);
        assertEquals(9, gap.line());
        assertEquals("1 bar missing between 2024-01-09 and 2024-01-11 (bars of one day, weekdays)", gap.message());
        assertEquals(252, load.history().barsPerYear());
        assertEquals(2, load.history().barsIn(Duration.ofDays(2)));
        assertEquals(5, load.history().barsIn(Duration.ofDays(7)));
    }

    @Test
    void closeRepeatedExactlyIsAStalePrintKept() throws Exception {
        HistoryLoad load = load("date,close", "2024-01-01,100", "2024-01-02,101.25", "2024-01-03,101.25",
                "2024-01-04,102");
        HistoryWarning stale = only(load, Problem.STALE);
        assertEquals(4, stale.line());
        assertEquals("the close 101.25 at 2024-01-03 repeats the bar before exactly, a stale print?", stale.message());
        assertEquals(4, load.history().size());
    }

    @Test
    void barOutsideItsHighAndLowIsReportedAndItsCloseKept() throws Exception {
        HistoryLoad load = load("date,open,high,low,close", "2024-01-01,100,102,99,101", "2024-01-02,101,103,100,104",
                "2024-01-03,104,103,105,104.5");
        List<HistoryWarning> bars = load.warnings();
        assertEquals(List.of(3, 4), bars.stream().map(HistoryWarning::line).toList(), bars::toString);
        assertEquals("close 104.0 lies outside the bar's low 100.0 and high 103.0", bars.get(0).message());
        assertEquals("high 103.0 is below low 105.0", bars.get(1).message());
        assertTrue(load.history().hasOhlc());
        assertEquals(3, load.history().size());
    }

    @Test
    void partialLastBarByItsVolumeIsLeftOut() throws Exception {
        String[] lines = new String[14];
        lines[0] = "timestamps,open,high,low,close,volume";
        for (int day = 1; day <= 13; day++) {
            double volume = day == 13 ? 40 : 1000 + day;
            lines[day] = "2024-01-%02d 00:00:00,100,110,90,%d,%s".formatted(day, 100 + day, volume);
        }
        HistoryLoad load = load(lines);
        HistoryWarning partial = only(load, Problem.PARTIAL_BAR);
        assertEquals(14, partial.line());
        assertTrue(partial.message().startsWith("the last bar (2024-01-13) traded 40, 4% of the median 1007"),
                partial.message());
        assertEquals("left out", partial.repair());
        assertEquals(12, load.history().size());
    }

    @Test
    void namedColumnsOverrideDetection() throws Exception {
        Path file = ChainFiles.write(directory, "prices.csv", "day,close,adjusted", "2024-01-01,100,50",
                "2024-01-02,101,51");
        HistoryLoad load = PriceHistories.load(file, HistoryColumns.DETECTED.withTime("day").withClose("adjusted"));
        assertArrayEquals(new double[] {50, 51}, load.history().closes());
        assertEquals(List.of("day", "adjusted"), load.columns());
    }

    @Test
    void timesInEveryWrittenFormAreUtc() throws Exception {
        HistoryLoad load = load("time,close", "1704067200,100", "1704153600000,101", "2024-01-03T00:00:00Z,102",
                "2024-01-04T02:00:00+02:00,103", "2024-01-05T00:00,104");
        assertEquals(List.of(), load.warnings());
        for (int day = 0; day < 5; day++) {
            assertEquals(Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofDays(day)), load.history().time(day));
        }
    }

    @Test
    void fileWithoutACloseColumnIsAnErrorListingItsColumns() throws Exception {
        Path file = ChainFiles.write(directory, "h.csv", "date,value", "2024-01-01,100", "2024-01-02,101");
        HistoryFormatException e = assertThrows(HistoryFormatException.class,
                () -> PriceHistories.load(file, HistoryColumns.DETECTED));
        assertTrue(e.getMessage().contains("has no close column (looked for close, adj close, adj_close, price, last);"
                + " its columns are date, value"), e.getMessage());
    }

    @Test
    void namedColumnMissingIsAnError() throws Exception {
        Path file = ChainFiles.write(directory, "h.csv", "date,close", "2024-01-01,100", "2024-01-02,101");
        HistoryFormatException e = assertThrows(HistoryFormatException.class,
                () -> PriceHistories.load(file, HistoryColumns.DETECTED.withClose("Adj Close")));
        assertTrue(e.getMessage().endsWith("has no column 'Adj Close' for the close; its columns are date, close"),
                e.getMessage());
    }

    @Test
    void historyWithFewerThanTwoUsableRowsIsAnErrorNamingTheFirstProblem() throws Exception {
        Path file = ChainFiles.write(directory, "h.csv", "date,close", "2024-01-01,100", "yesterday,101");
        HistoryFormatException e = assertThrows(HistoryFormatException.class,
                () -> PriceHistories.load(file, HistoryColumns.DETECTED));
        assertTrue(e.getMessage().contains("has 1 usable row of 2; a price history needs at least two. First problem:"
                + " line 3: date 'yesterday' is not a time"), e.getMessage());
    }

    @Test
    void missingFileAndEmptyFileAreErrors() throws Exception {
        HistoryFormatException missing = assertThrows(HistoryFormatException.class,
                () -> PriceHistories.load(directory.resolve("none.csv"), HistoryColumns.DETECTED));
        assertTrue(missing.getMessage().endsWith("none.csv: no such file"), missing.getMessage());
        Path empty = ChainFiles.write(directory, "empty.csv", "date,close");
        HistoryFormatException headerOnly = assertThrows(HistoryFormatException.class,
                () -> PriceHistories.load(empty, HistoryColumns.DETECTED));
        assertTrue(headerOnly.getMessage().endsWith("has a header but no rows of prices"), headerOnly.getMessage());
    }

    @Test
    void rowWithTheWrongNumberOfFieldsIsLeftOut() throws Exception {
        HistoryWarning bad = only(load("date,close", "2024-01-01,100", "2024-01-02,1,01", "2024-01-03,102"),
                Problem.UNPARSEABLE);
        assertEquals(3, bad.line());
        assertEquals("has 3 fields but the header has 2", bad.message());
    }
}
