package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rejected row is reported with its line (or JSON entry) and reason; nothing is dropped silently. */
class RowValidationTest {

    private static final String HEADER = "instrument_name,bid_price,ask_price,underlying_price,underlying_index,"
            + "mark_iv,creation_timestamp";
    private static final String STAMP = "1709280000000";

    @TempDir
    Path directory;

    private ChainLoad deribit(String... rows) throws Exception {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return ChainFiles.load(ChainFiles.write(directory, "chain.csv", lines));
    }

    private static String quote(String instrument, String bid, String ask) {
        return instrument + "," + bid + "," + ask + ",62000,BTC-29MAR24,60.5," + STAMP;
    }

    private static RowProblem only(ChainLoad load) {
        assertEquals(1, load.problems().size(), () -> ChainFiles.messages(load).toString());
        return load.problems().getFirst();
    }

    @Test
    void crossedQuoteIsReportedWithItsLineNumber() throws Exception {
        ChainLoad load = deribit(quote("BTC-29MAR24-60000-C", "0.05", "0.055"),
                quote("BTC-29MAR24-62000-C", "0.041", "0.040"));
        RowProblem problem = only(load);
        assertEquals(3, problem.rowNumber());
        assertEquals("BTC-29MAR24-62000-C", problem.instrument());
        assertTrue(problem.reason().startsWith("crossed market: bid 0.041 > ask 0.04"), problem.reason());
        assertEquals("line 3 (BTC-29MAR24-62000-C): " + problem.reason(), problem.message());
        assertEquals(1, load.chain().size());
    }

    @Test
    void negativePriceIsReported() throws Exception {
        RowProblem problem = only(deribit(quote("BTC-29MAR24-60000-C", "-0.01", "0.055")));
        assertEquals(2, problem.rowNumber());
        assertEquals("negative bid -0.01", problem.reason());
    }

    @Test
    void unparseableNumberIsReportedNamingTheField() throws Exception {
        RowProblem problem = only(deribit(quote("BTC-29MAR24-60000-C", "0.05", "0.055"),
                quote("BTC-29MAR24-60000-P", "0.05", "0,06")));
        assertEquals(3, problem.rowNumber());
        assertTrue(problem.reason().contains("fields but the header has"), problem.reason());
        RowProblem text = only(deribit(quote("BTC-29MAR24-60000-P", "0.05", "abc")));
        assertEquals("ask_price is not a number: 'abc'", text.reason());
    }

    @Test
    void badInstrumentNameIsReportedWithThePartThatIsWrong() throws Exception {
        RowProblem problem = only(deribit(quote("BTC-31FEB24-60000-C", "0.05", "0.055")));
        assertEquals(2, problem.rowNumber());
        assertEquals("BTC-31FEB24-60000-C", problem.instrument());
        assertTrue(problem.reason().contains("not a calendar date"), problem.reason());
    }

    @Test
    void zeroStrikeInNameIsReported() throws Exception {
        RowProblem problem = only(deribit(quote("BTC-29MAR24-0-C", "0.05", "0.055")));
        assertTrue(problem.reason().contains("a strike must be positive"), problem.reason());
    }

    @Test
    void futureInAnOptionFileIsReported() throws Exception {
        RowProblem problem = only(deribit(quote("BTC-29MAR24", "62000", "62010")));
        assertTrue(problem.reason().contains("not an option"), problem.reason());
    }

    @Test
    void expiredOptionIsReported() throws Exception {
        RowProblem problem = only(deribit(quote("BTC-1MAR24-60000-C", "0.05", "0.055"),
                quote("BTC-29MAR24-60000-C", "0.05", "0.055")));
        assertEquals(2, problem.rowNumber());
        assertEquals("expired: expiry 2024-03-01T08:00:00Z is not after the valuation time 2024-03-01T08:00:00Z",
                problem.reason());
    }

    @Test
    void duplicateInstrumentIsReportedNamingTheFirstLine() throws Exception {
        RowProblem problem = only(deribit(quote("BTC-29MAR24-60000-C", "0.05", "0.055"),
                quote("BTC-29MAR24-62000-C", "0.04", "0.045"), quote("BTC-29MAR24-60000-C", "0.05", "0.056")));
        assertEquals(4, problem.rowNumber());
        assertEquals("duplicate instrument: already on line 2", problem.reason());
    }

    @Test
    void oneSidedQuotesAreKeptNotReported() throws Exception {
        ChainLoad load = deribit(quote("BTC-29MAR24-60000-C", "", "0.055"), quote("BTC-29MAR24-62000-C", "null", ""));
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(2, load.chain().size());
    }

    @Test
    void everyBadRowIsReportedInOnePass() throws Exception {
        ChainLoad load = deribit(quote("BTC-29MAR24-60000-C", "0.06", "0.055"), quote("BTC-29MAR24-60000-P", "x", "1"),
                quote("BTC-29MAR24-61000-C", "0.05", "0.055"), quote("BTC-1MAR24-60000-C", "0.05", "0.055"));
        assertEquals(List.of(2, 3, 5), load.problems().stream().map(RowProblem::rowNumber).toList());
        assertEquals(1, load.chain().size());
    }

    @Test
    void nonPositiveStrikeInGenericFileIsReported() throws Exception {
        Path file = ChainFiles.write(directory, "generic.csv", "expiry,strike,type,bid,ask,forward,timestamp",
                "2024-03-29,-5,C,10,11,62000,2024-03-01T08:00:00Z",
                "2024-03-29,60000,C,5000,5100,62000,2024-03-01T08:00:00Z");
        RowProblem problem = only(ChainFiles.load(file));
        assertEquals(2, problem.rowNumber());
        assertEquals("strike must be positive, not -5.0", problem.reason());
    }

    @Test
    void unknownExpiryAndTypeInGenericFileAreReported() throws Exception {
        Path file = ChainFiles.write(directory, "generic.csv", "expiry,strike,type,bid,ask,forward,timestamp",
                "next friday,60000,C,10,11,62000,2024-03-01T08:00:00Z",
                "2024-03-29,60000,X,10,11,62000,2024-03-01T08:00:00Z");
        ChainLoad load = ChainFiles.load(file);
        assertEquals(2, load.problems().size());
        assertTrue(load.problems().get(0).reason().startsWith("expiry 'next friday' is not a date"));
        assertTrue(load.problems().get(1).reason().startsWith("type: option type must be C, P, call or put"));
    }

    @Test
    void jsonRowsAreNumberedByTheirEntryInTheResultArray() throws Exception {
        Path file = ChainFiles.write(directory, "chain.json", "{\"jsonrpc\":\"2.0\",\"result\":[",
                "{\"instrument_name\":\"BTC-29MAR24-60000-C\",\"bid_price\":0.05,\"ask_price\":0.055,"
                        + "\"underlying_price\":62000,\"underlying_index\":\"BTC-29MAR24\",\"creation_timestamp\":" + STAMP + "},",
                "{\"instrument_name\":\"BTC-29MAR24-60000-P\",\"bid_price\":0.06,\"ask_price\":0.055,"
                        + "\"underlying_price\":62000,\"underlying_index\":\"BTC-29MAR24\",\"creation_timestamp\":" + STAMP + "}",
                "]}");
        RowProblem problem = only(ChainFiles.load(file));
        assertEquals(2, problem.rowNumber());
        assertEquals(RowProblem.Origin.JSON_ENTRY, problem.origin());
        assertTrue(problem.message().startsWith("entry 2 (BTC-29MAR24-60000-P): crossed market"), problem.message());
    }

    @Test
    void missingRequiredColumnNamesItAndListsTheColumnsFound() throws Exception {
        Path file = ChainFiles.write(directory, "chain.csv", "instrument_name,bid_price,mark_price",
                "BTC-29MAR24-60000-C,0.05,0.052");
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertTrue(e.getMessage().contains("no column 'ask_price' for ask"), e.getMessage());
        assertTrue(e.getMessage().contains("its columns are instrument_name, bid_price, mark_price, each read for"
                + " another field"), e.getMessage());
    }

    @Test
    void missingFileIsAFormatErrorNamingIt() {
        Path file = directory.resolve("nowhere.csv");
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertEquals("cannot read " + file + ": no such file", e.getMessage());
    }

    @Test
    void unknownLayoutSaysWhatWasExpected() throws Exception {
        Path file = ChainFiles.write(directory, "prices.csv", "date,close", "2024-03-01,61000");
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertTrue(e.getMessage().contains("is not an option chain Margo knows"), e.getMessage());
        assertTrue(e.getMessage().contains("date,close"), e.getMessage());
    }

    @Test
    void headerWithoutRowsIsAFormatError() throws Exception {
        Path file = ChainFiles.write(directory, "empty.csv", HEADER);
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertTrue(e.getMessage().endsWith("has a header but no rows of options"), e.getMessage());
    }

    @Test
    void brokenJsonIsAFormatError() throws Exception {
        Path file = ChainFiles.write(directory, "chain.json", "{\"result\": [");
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    @Test
    void chainWithoutTimestampNeedsAValuationTime() throws Exception {
        Path file = ChainFiles.write(directory, "generic.csv", "expiry,strike,type,bid,ask,forward",
                "2024-03-29,60000,C,5000,5100,62000");
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertTrue(e.getMessage().contains("give a valuation time"), e.getMessage());
        Instant valuation = Instant.parse("2024-03-01T08:00:00Z");
        ChainLoad load = OptionChains.load(file, LoadOptions.DEFAULTS.withValuationTime(valuation));
        assertEquals(valuation, load.chain().valuationTime());
        assertEquals(1, load.chain().size());
    }

    @Test
    void aJsonChainWithAKeyWrittenTwiceIsAFormatErrorNamingTheKey() throws Exception {
        Path file = ChainFiles.write(directory, "chain.json", "{\"result\": [{\"instrument_name\":"
                + " \"BTC-29MAR24-60000-C\", \"bid_price\": 0.05, \"bid_price\": 0.5}]}");
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertTrue(e.getMessage().contains("has the key \"bid_price\" twice in one object at line 1"),
                e.getMessage());
    }

    @Test
    void aTenMegabyteBadFieldIsCutInItsProblem() throws Exception {
        String field = "1".repeat(5_000_000) + "x" + "2".repeat(5_000_000);
        RowProblem problem = only(deribit(quote("BTC-29MAR24-60000-C", field, "0.055")));
        assertTrue(problem.reason().length() < 200, () -> problem.reason().substring(0, 200));
        assertTrue(problem.reason().endsWith("…(10000001 characters)'"), problem.reason());
    }

    @Test
    void quotedFieldsCrlfLineEndsAndAByteOrderMarkReadLikePlainCsv() throws Exception {
        Path file = ChainFiles.write(directory, "chain.csv", "\uFEFF\"instrument_name\",bid_price,ask_price,"
                + "underlying_price,underlying_index,mark_iv,creation_timestamp\r",
                "\"BTC-29MAR24-60000-C\",\"0.05\",0.055,62000,BTC-29MAR24,60.5," + STAMP + "\r");
        ChainLoad load = ChainFiles.load(file);
        assertEquals(List.of(), load.problems());
        assertEquals(1, load.chain().size());
    }
}
