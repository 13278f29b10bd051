package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Cboe's delayed quotes: the real SPY chain of 2025-09-03 ({@code examples/data/spy-cboe-quotedata-20250903.csv})
 * is recognised, split into calls and puts, valued at its quote time, and priced on parity forwards; the
 * expected values are read from the file's text here, outside the reader.
 */
class CboeQuotesTest {

    private static final Path SPY = ChainFiles.repositoryRoot().resolve("examples/data/spy-cboe-quotedata-20250903.csv");
    private static ChainLoad load;
    private static List<String[]> lines;

    @TempDir
    Path directory;

    @BeforeAll
    static void loadTheRealFile() throws Exception {
        load = OptionChains.load(SPY, LoadOptions.DEFAULTS);
        lines = new ArrayList<>();
        List<String> text = Files.readAllLines(SPY);
        for (String line : text.subList(text.indexOf(text.stream().filter(l -> l.startsWith("Expiration Date,"))
                .findFirst().orElseThrow()) + 1, text.size())) {
            lines.add(line.split(","));
        }
    }

    @Test
    void theFileIsRecognisedAndValuedAtItsQuoteTimeInNewYork() {
        assertEquals(Instant.parse("2025-09-03T13:24:00Z"), load.chain().valuationTime(), "9:24 AM EDT");
        assertEquals(QuoteConvention.LINEAR, load.chain().convention());
        assertEquals(Map.of("SPY", load.chain().table().rowCount()), load.chain().underlyings());
        assertEquals(List.of(), ChainFiles.messages(load));
    }

    @Test
    void everyLineIsACallAndAPutExceptTheExpiredAndTheUnquotedExpiries() {
        long expired = lines.stream().filter(fields -> fields[0].equals("Tue Sep 02 2025")).count();
        long unquoted = lines.stream().filter(fields -> fields[0].equals("Wed Sep 17 2025")).count();
        assertEquals(2 * (lines.size() - expired - unquoted), load.chain().table().rowCount());
        assertTrue(load.notes().contains("expiry 2025-09-02 (" + 2 * expired + " options) had expired at the valuation"
                + " time 2025-09-03T13:24:00Z: left out"), load.notes().toString());
        assertTrue(load.notes().contains("expiry 2025-09-17 (" + 2 * unquoted + " options) has no bid or ask on any"
                + " option: left out"), load.notes().toString());
        assertTrue(load.notes().contains("underlying SPDR S&P 500 ETF Trust: last 642.65, bid 642.64, ask 642.67,"
                + " quoted 2025-09-03T13:24:00Z"), load.notes().toString());
    }

    @Test
    void expiriesAreTheCloseInNewYorkAcrossTheChangeOfClocks() {
        Table table = load.chain().table();
        assertEquals(Instant.parse("2025-09-19T20:00:00Z"),
                ChainFiles.row(table, "SPY250919C00640000").getInstant("expiry"), "16:00 EDT");
        assertEquals(Instant.parse("2025-12-19T21:00:00Z"),
                ChainFiles.row(table, "SPY251219P00580000").getInstant("expiry"), "16:00 EST");
    }

    @Test
    void eachSideKeepsItsOwnBidAskIvAndOpenInterestAndAZeroBidIsNoBid() {
        Table table = load.chain().table();
        String[] line = lines.stream().filter(fields -> fields[1].equals("SPY251219C00580000")).findFirst().orElseThrow();
        Row call = ChainFiles.row(table, "SPY251219C00580000");
        Row put = ChainFiles.row(table, "SPY251219P00580000");
        assertEquals(Double.parseDouble(line[4]), call.getDouble("bid"), 0.0);
        assertEquals(Double.parseDouble(line[5]), call.getDouble("ask"), 0.0);
        assertEquals(Double.parseDouble(line[7]), call.getDouble("mark_iv"), 0.0);
        assertEquals(Double.parseDouble(line[10]), call.getDouble("open_interest"), 0.0);
        assertEquals(Double.parseDouble(line[15]), put.getDouble("bid"), 0.0);
        assertEquals(Double.parseDouble(line[16]), put.getDouble("ask"), 0.0);
        assertEquals(Double.parseDouble(line[18]), put.getDouble("mark_iv"), 0.0);
        assertEquals(Double.parseDouble(line[21]), put.getDouble("open_interest"), 0.0);
        Row noBid = ChainFiles.row(table, "SPY250903P00550000");
        assertTrue(Double.isNaN(noBid.getDouble("bid")), "Cboe writes 0 for no bid");
        assertEquals(0.01, noBid.getDouble("ask"), 0.0);
    }

    @Test
    void forwardsComeFromParityOnTheThreeStrikesNearestTheMoney() {
        record Pair(double strike, double callMid, double putMid) {}
        List<Pair> pairs = new ArrayList<>();
        for (String[] fields : lines) {
            if (fields[0].equals("Fri Dec 19 2025") && Double.parseDouble(fields[4]) > 0
                    && Double.parseDouble(fields[15]) > 0) {
                pairs.add(new Pair(Double.parseDouble(fields[11]),
                        (Double.parseDouble(fields[4]) + Double.parseDouble(fields[5])) / 2,
                        (Double.parseDouble(fields[15]) + Double.parseDouble(fields[16])) / 2));
            }
        }
        pairs.sort(Comparator.comparingDouble(pair -> Math.abs(pair.callMid() - pair.putMid())));
        double[] forwards = pairs.subList(0, 3).stream()
                .mapToDouble(pair -> pair.strike() + pair.callMid() - pair.putMid()).sorted().toArray();
        Row row = ChainFiles.row(load.chain().table(), "SPY251219C00580000");
        assertEquals(forwards[1], row.getDouble("forward"), 1e-9);
        assertEquals("parity", row.getString("forward_source"));
    }

    private Path cboe(String... rows) throws IOException {
        List<String> text = new ArrayList<>(List.of("SPDR S&P 500 ETF Trust,Last: 642.65,Change:  2.355",
                "\"Date: September 3, 2025 at 9:24 AM EDT\",Bid: 642.64,Ask: 642.67,Size: 1*1,\"Volume: 81,877,456\"",
                "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,"
                        + "Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest"));
        text.addAll(List.of(rows));
        return Files.write(directory.resolve("quotedata.csv"), text);
    }

    @Test
    void aSymbolThatDisagreesWithItsLineAndAnUnreadableExpiryAreRowProblems() throws Exception {
        ChainLoad bad = OptionChains.load(cboe(
                "Fri Dec 19 2025,SPY251219C00640000,0,0,40,41,0,0.2,0,0,0,640.00,SPY251219P00640000,0,0,30,31,0,0.2,0,0,0",
                "Fri Dec 19 2025,SPY251219C00645000,0,0,37,38,0,0.2,0,0,0,640.00,SPY251219P00640000,0,0,33,34,0,0.2,0,0,0",
                "Fri Dec 32 2025,SPY251232C00640000,0,0,40,41,0,0.2,0,0,0,640.00,SPY251232P00640000,0,0,30,31,0,0.2,0,0,0"),
                LoadOptions.DEFAULTS);
        assertEquals(List.of("line 5 (SPY251219C00645000): Calls symbol SPY251219C00645000 does not name the line's"
                        + " expiry 2025-12-19, strike 640.0 and type call",
                "line 5 (SPY251219P00640000): duplicate instrument: already on line 4",
                "line 6: Expiration Date 'Fri Dec 32 2025' is not a date like Tue Sep 02 2025"), ChainFiles.messages(bad));
    }

    @Test
    void aQuoteTimeInAnUnknownZoneIsAnErrorNamingTheLine() throws Exception {
        Path file = Files.writeString(directory.resolve("zone.csv"), Files.readString(cboe(
                "Fri Dec 19 2025,SPY251219C00640000,0,0,40,41,0,0.2,0,0,0,640.00,SPY251219P00640000,0,0,30,31,0,0.2,0,0,0"))
                .replace("9:24 AM EDT", "9:24 AM PDT"));
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> OptionChains.load(file,
                LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().endsWith("line 2: the quote time 'September 3, 2025 at 9:24 AM PDT' is not like"
                + " 'September 3, 2025 at 9:24 AM EDT' (zones ET, EDT, EST, CT, CDT, CST, UTC)"), e.getMessage());
    }
}
