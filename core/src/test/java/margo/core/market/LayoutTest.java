package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;

/**
 * A layout maps Margo's fields to the columns of files that do not use their format's names: the third-party
 * Deribit collector (forward in {@code underlying}, decimal IVs in {@code implied_volatility}), generic files with
 * their own names, Tardis and Deribit JSON with renamed fields.
 */
class LayoutTest {

    /** The collector's forward, mark IV (decimal) and timestamp, which Deribit calls otherwise. */
    static final ChainLayout COLLECTOR = new ChainLayout(Map.of(ChainField.FORWARD, "underlying",
            ChainField.MARK_IV, "implied_volatility", ChainField.TIMESTAMP, "timestamp"));

    @TempDir
    Path directory;

    private static ChainLoad collector(ChainLayout layout, VolatilityUnit unit) throws ChainFormatException {
        return OptionChains.load(ChainFiles.deribitCollector(),
                LoadOptions.DEFAULTS.withLayout(layout).withVolatilityUnit(unit));
    }

    /** The file's own values of a column by instrument, read straight from the CSV. */
    private static Map<String, String> column(String name) throws IOException {
        List<String> lines = Files.readAllLines(ChainFiles.deribitCollector());
        List<String> header = List.of(lines.getFirst().split(","));
        Map<String, String> values = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            values.put(fields[header.indexOf("instrument_name")], fields[header.indexOf(name)]);
        }
        return values;
    }

    @Test
    void collectorFileWithoutLayoutHasNoTimestampAndFallsBackToParity() throws Exception {
        ChainFormatException noTime = assertThrows(ChainFormatException.class,
                () -> collector(ChainLayout.NONE, null));
        assertTrue(noTime.getMessage().contains("has no timestamp to value the chain at"), noTime.getMessage());
        ChainLoad load = OptionChains.load(ChainFiles.deribitCollector(),
                LoadOptions.DEFAULTS.withValuationTime(Instant.parse("2025-09-03T08:00:01Z")));
        assertEquals(List.of("parity"), load.chain().table().stringColumn("forward_source").unique().asList());
    }

    @Test
    void collectorLayoutReadsItsForwardsDecimalVolatilitiesAndTimestamps() throws Exception {
        ChainLoad load = collector(COLLECTOR, VolatilityUnit.DECIMAL);
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(Map.of("BTC", 190, "ETH", 190), load.chain().underlyings());
        Map<String, String> forwards = column("underlying");
        Map<String, String> volatilities = column("implied_volatility");
        long latest = column("timestamp").values().stream().mapToLong(Long::parseLong).max().orElseThrow();
        assertEquals(Instant.ofEpochMilli(latest), load.chain().valuationTime());
        for (Row row : load.chain().table()) {
            String instrument = row.getString("instrument");
            assertEquals(Double.parseDouble(forwards.get(instrument)), row.getDouble("forward"), 0.0, instrument);
            assertEquals("data", row.getString("forward_source"), instrument);
            assertEquals(Double.parseDouble(volatilities.get(instrument)), row.getDouble("mark_iv"), 0.0, instrument);
            assertEquals(instrument.substring(0, 3), row.getString("underlying"), instrument);
        }
    }

    @Test
    void collectorVolatilitiesAreDecidedDecimalFromTheBulkWhenTheUnitIsNotGiven() throws Exception {
        ChainLoad load = collector(COLLECTOR, null);
        assertTrue(load.notes().stream().anyMatch(note -> note.startsWith("implied volatilities read as decimals")),
                load.notes().toString());
    }

    @Test
    void layoutColumnTheFileLacksIsAnErrorWithTheNearestName() {
        ChainFormatException e = assertThrows(ChainFormatException.class,
                () -> collector(COLLECTOR.with(ChainField.FORWARD, "underlyng"), VolatilityUnit.DECIMAL));
        assertTrue(e.getMessage().startsWith("the layout reads forward from the column 'underlyng', which "),
                e.getMessage());
        assertTrue(e.getMessage().contains("(did you mean underlying?); its columns are timestamp, instrument_name,"
                + " underlying, underlying_name"), e.getMessage());
    }

    @Test
    void deribitLayoutCannotMapWhatTheInstrumentNameSays() {
        ChainFormatException e = assertThrows(ChainFormatException.class,
                () -> collector(COLLECTOR.with(ChainField.EXPIRY, "expiry_datetime"), VolatilityUnit.DECIMAL));
        assertTrue(e.getMessage().endsWith("is read as a Deribit book summary CSV, which takes the expiry, strike and"
                + " type from the instrument name (BTC-29MAR24-60000-C): the layout cannot map expiry"
                + " \"expiry_datetime\""), e.getMessage());
    }

    private Path ownNames() throws IOException {
        return ChainFiles.write(directory, "own.csv",
                "Maturity,Strike,CallPut,BestBid,BestAsk,Coin,Stamp",
                "2024-03-29,60000,call,5036.0,5242.5,BTC,2024-03-01 08:00:00+00:00",
                "2024-03-29,60000,put,3076.0,3202.5,BTC,2024-03-01 08:00:00+00:00");
    }

    @Test
    void missingRequiredColumnListsTheColumnsNotReadAndTheLikelyOne() throws Exception {
        Path file = ownNames();
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> OptionChains.load(file,
                LoadOptions.DEFAULTS.withLayout(new ChainLayout(Map.of(ChainField.EXPIRY, "Maturity")))));
        assertTrue(e.getMessage().endsWith("is read as a generic option CSV but has no column 'type' for type (call or"
                + " put (C, P, call, put)); its columns are Maturity, Strike, CallPut, BestBid, BestAsk, Coin, Stamp,"
                + " of which it does not read CallPut, BestBid, BestAsk, Coin, Stamp; a layout names the column"
                + " that holds it: type \"COLUMN\""), e.getMessage());
        ChainFormatException bid = assertThrows(ChainFormatException.class, () -> OptionChains.load(file,
                LoadOptions.DEFAULTS.withLayout(new ChainLayout(Map.of(ChainField.EXPIRY, "Maturity",
                        ChainField.TYPE, "CallPut")))));
        assertTrue(bid.getMessage().endsWith("did you mean BestBid? A layout names it: bid \"BestBid\""),
                bid.getMessage());
    }

    @Test
    void genericFileWithItsOwnNamesLoadsThroughALayout() throws Exception {
        ChainLayout layout = new ChainLayout(Map.of(ChainField.EXPIRY, "Maturity", ChainField.TYPE, "CallPut",
                ChainField.BID, "BestBid", ChainField.ASK, "BestAsk", ChainField.UNDERLYING, "Coin",
                ChainField.TIMESTAMP, "Stamp"));
        ChainLoad load = OptionChains.load(ownNames(), LoadOptions.DEFAULTS.withLayout(layout));
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(Instant.parse("2024-03-01T08:00:00Z"), load.chain().valuationTime());
        Row call = ChainFiles.row(load.chain().table(), "BTC-29MAR24-60000-C");
        assertEquals(60_000 + (5036.0 + 5242.5) / 2 - (3076.0 + 3202.5) / 2, call.getDouble("forward"), 1e-9);
        assertEquals("BTC", call.getString("underlying"));
    }

    @Test
    void columnMappedToOneFieldIsNotReadUnderItsOwnNameForAnother() throws Exception {
        Path file = ChainFiles.write(directory, "forward-in-underlying.csv",
                "expiry,strike,type,bid,ask,underlying,timestamp",
                "2024-03-29,60000,call,5036.0,5242.5,61959.25,2024-03-01T08:00:00Z",
                "2024-03-29,60000,put,3076.0,3202.5,61959.25,2024-03-01T08:00:00Z");
        ChainLoad load = OptionChains.load(file,
                LoadOptions.DEFAULTS.withLayout(new ChainLayout(Map.of(ChainField.FORWARD, "underlying"))));
        Row call = load.chain().table().row(0);
        assertEquals(61959.25, call.getDouble("forward"), 0.0);
        assertEquals("UNDERLYING", call.getString("underlying"), "the number is the forward, not the asset");
    }

    @Test
    void rowChecksNameTheFilesOwnColumn() throws Exception {
        Path file = ChainFiles.write(directory, "bad.csv", "Maturity,strike,type,bid,ask,Fwd,timestamp",
                "2024-03-29,60000,call,5036.0,5242.5,abc,2024-03-01T08:00:00Z",
                "2024-03-29,60000,put,3300,3202.5,61959.25,2024-03-01T08:00:00Z",
                "2024-03-29,65000,put,4000,4100,61959.25,2024-03-01T08:00:00Z");
        ChainLoad load = OptionChains.load(file, LoadOptions.DEFAULTS.withLayout(
                new ChainLayout(Map.of(ChainField.EXPIRY, "Maturity", ChainField.FORWARD, "Fwd"))));
        assertEquals(List.of("line 2: Fwd is not a number: 'abc'",
                "line 3 (UNDERLYING-29MAR24-60000-P): crossed market: bid 3300.0 > ask 3202.5"), ChainFiles.messages(load));
    }

    @Test
    void tardisFileWithRenamedFieldsAndIsoStampsLoadsThroughALayout() throws Exception {
        Path file = ChainFiles.write(directory, "tardis.csv",
                "exchange,symbol,time,type,strike_price,expiration,bid_price,ask_price,fwd,mark_iv",
                "deribit,BTC-29MAR24-60000-C,2024-03-01T08:00:00Z,call,60000,1711699200000000,0.081,0.084,61959.25,60.1",
                "deribit,BTC-29MAR24-60000-P,2024-03-01T08:00:00Z,put,60000,1711699200000000,0.049,0.052,61959.25,60.1");
        ChainLoad load = OptionChains.load(file, LoadOptions.DEFAULTS.withFormat(ChainFormat.TARDIS_CSV).withLayout(
                new ChainLayout(Map.of(ChainField.TIMESTAMP, "time", ChainField.FORWARD, "fwd"))));
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(Instant.parse("2024-03-01T08:00:00Z"), load.chain().valuationTime());
        assertEquals(61959.25, load.chain().table().row(0).getDouble("forward"), 0.0);
    }

    @Test
    void deribitJsonWithARenamedFieldLoadsThroughALayout() throws Exception {
        Path file = ChainFiles.write(directory, "summary.json", "{\"result\": [",
                "{\"instrument_name\":\"BTC-29MAR24-60000-C\",\"bid_price\":0.081,\"ask_price\":0.084,"
                        + "\"forward\":61959.25,\"creation_timestamp\":1709280000000},",
                "{\"instrument_name\":\"BTC-29MAR24-60000-P\",\"bid_price\":0.049,\"ask_price\":0.052,"
                        + "\"forward\":61959.25,\"creation_timestamp\":1709280000000}", "]}");
        ChainLoad load = OptionChains.load(file,
                LoadOptions.DEFAULTS.withLayout(new ChainLayout(Map.of(ChainField.FORWARD, "forward"))));
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(61959.25, load.chain().table().row(0).getDouble("forward"), 0.0);
        assertEquals("data", load.chain().table().row(0).getString("forward_source"));
    }
}
