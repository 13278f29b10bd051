package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Each layout is detected from its content and read into the standard columns. */
class FormatTest {

    @TempDir
    Path directory;

    @Test
    void layoutIsDetectedFromJsonOrCsvHeader() throws Exception {
        assertEquals(ChainFormat.DERIBIT_JSON, OptionChains.detect("x", "  {\"result\": []}", ChainLayout.NONE));
        assertEquals(ChainFormat.DERIBIT_JSON, OptionChains.detect("x", "[]", ChainLayout.NONE));
        assertEquals(ChainFormat.DERIBIT_CSV, OptionChains.detect("x", "instrument_name,bid_price,ask_price\n", ChainLayout.NONE));
        assertEquals(ChainFormat.TARDIS_CSV, OptionChains.detect("x", "exchange,symbol,timestamp,type,strike_price,expiration\n", ChainLayout.NONE));
        assertEquals(ChainFormat.GENERIC_CSV, OptionChains.detect("x", "Expiry,Strike,Type,Bid,Ask\n", ChainLayout.NONE));
    }

    @Test
    void tardisChainIsTheLatestUpdateOfEachSymbol() throws Exception {
        ChainLoad load = ChainFiles.load(ChainFiles.resource("tardis-deribit-options-chain.csv"));
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(4, load.chain().size());
        assertEquals(Instant.parse("2024-03-01T08:00:00Z"), load.chain().valuationTime());
        assertEquals(QuoteConvention.INVERSE, load.chain().convention());
        assertEquals("BTC", load.chain().underlying());
        Row call = ChainFiles.row(load.chain().table(), "BTC-8MAR24-60000-C");
        assertEquals(0.0470, call.getDouble("bid"), 0);
        assertEquals(61140.55, call.getDouble("forward"), 0);
        assertEquals("future", call.getString("forward_source"));
        assertEquals(Instant.parse("2024-03-08T08:00:00Z"), call.getInstant("expiry"));
    }

    @Test
    void tardisVolatilitiesInPercentBecomeDecimals() throws Exception {
        Row put = ChainFiles.row(ChainFiles.load(ChainFiles.resource("tardis-deribit-options-chain.csv")).chain().table(),
                "BTC-8MAR24-62000-P");
        assertEquals(0.6934, put.getDouble("bid_iv"), 1e-12);
        assertEquals(0.7480, put.getDouble("ask_iv"), 1e-12);
        assertEquals(0.72, put.getDouble("mark_iv"), 1e-12);
        assertTrue(put.getDouble("bid_iv") < put.getDouble("mid_iv") && put.getDouble("mid_iv") < put.getDouble("ask_iv"));
    }

    @Test
    void tardisValuedEarlierTakesTheUpdateKnownThen() throws Exception {
        Instant minuteEarlier = Instant.parse("2024-03-01T07:59:30Z");
        ChainLoad load = OptionChains.load(ChainFiles.resource("tardis-deribit-options-chain.csv"),
                LoadOptions.DEFAULTS.withValuationTime(minuteEarlier));
        assertEquals(1, load.chain().size());
        Row call = ChainFiles.row(load.chain().table(), "BTC-8MAR24-60000-C");
        assertEquals(0.0465, call.getDouble("bid"), 0);
        assertEquals(61100.55, call.getDouble("forward"), 0);
    }

    @Test
    void genericChainGetsDeribitStyleNamesAndUsdColumns() throws Exception {
        ChainLoad load = ChainFiles.load(ChainFiles.resource("generic-btc-usd.csv"));
        Table table = load.chain().table();
        assertEquals(10, table.rowCount());
        assertEquals("BTC", load.chain().underlying());
        Row put = ChainFiles.row(table, "BTC-29MAR24-56000-P");
        assertEquals(put.getDouble("bid"), put.getDouble("bid_usd"), 0);
        assertEquals(28 / 365.0, put.getDouble("time_to_expiry"), 1e-15);
        assertTrue(Double.isNaN(put.getDouble("mark_iv")));
    }

    @Test
    void genericChainCanBeDeclaredInverseAndGivenDecimalVolatilities() throws Exception {
        Path file = ChainFiles.write(directory, "coin.csv", "expiry,strike,type,bid,ask,forward,bid_iv,ask_iv,timestamp",
                "2024-03-29T08:00:00Z,60000,P,0.0400,0.0420,62000,0.55,0.58,2024-03-01T08:00:00Z");
        ChainLoad load = OptionChains.load(file, LoadOptions.DEFAULTS.withConvention(QuoteConvention.INVERSE));
        Row put = ChainFiles.row(load.chain().table(), "UNDERLYING-29MAR24-60000-P");
        assertEquals(QuoteConvention.INVERSE, load.chain().convention());
        assertEquals(0.0400 * 62000, put.getDouble("bid_usd"), 1e-9);
        assertEquals(0.55, put.getDouble("bid_iv"), 0);
        assertEquals("data", put.getString("forward_source"));
    }

    @Test
    void explicitFormatOverridesDetection() throws Exception {
        ChainLoad load = OptionChains.load(ChainFiles.deribitSample(), LoadOptions.DEFAULTS.withFormat(ChainFormat.DERIBIT_CSV));
        assertEquals(130, load.chain().size());
    }

    @Test
    void chainColumnsHaveUnitsAndDescriptions() {
        for (ChainColumn column : ChainColumn.values()) {
            assertTrue(!column.unit().isBlank() && column.description().length() > 10, column.columnName());
        }
        assertEquals("log_moneyness", ChainColumn.LOG_MONEYNESS.columnName());
    }

    @Test
    void genericVolatilitiesInPercentAreDetectedAndConverted() throws Exception {
        Path file = ChainFiles.write(directory, "percent.csv", "expiry,strike,type,bid,ask,forward,mark_iv,timestamp",
                "2024-03-29,60000,C,5000,5100,62000,55.5,2024-03-01T08:00:00Z",
                "2024-03-29,60000,P,3000,3100,62000,4.5,2024-03-01T08:00:00Z");
        Table table = ChainFiles.load(file).chain().table();
        assertEquals(0.555, ChainFiles.row(table, "UNDERLYING-29MAR24-60000-C").getDouble("mark_iv"), 1e-12);
        assertEquals(0.045, ChainFiles.row(table, "UNDERLYING-29MAR24-60000-P").getDouble("mark_iv"), 1e-12);
    }

    @Test
    void deribitBareResultArrayLoads() throws Exception {
        Path file = ChainFiles.write(directory, "bare.json", "[{\"instrument_name\":\"BTC-29MAR24-60000-C\","
                + "\"bid_price\":null,\"ask_price\":0.055,\"underlying_price\":62000,\"underlying_index\":\"SYN.BTC-29MAR24\","
                + "\"mark_iv\":61.2,\"creation_timestamp\":1709280000000}]");
        ChainLoad load = ChainFiles.load(file);
        assertEquals(List.of(), ChainFiles.messages(load));
        Row call = ChainFiles.row(load.chain().table(), "BTC-29MAR24-60000-C");
        assertTrue(Double.isNaN(call.getDouble("bid")));
        assertEquals("synthetic", call.getString("forward_source"));
        assertEquals(0.612, call.getDouble("mark_iv"), 1e-12);
    }

    @Test
    void deribitErrorResponseIsAFormatError() throws Exception {
        Path file = ChainFiles.write(directory, "error.json",
                "{\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"Invalid params\",\"code\":-32602}}");
        ChainFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ChainFormatException.class,
                () -> ChainFiles.load(file));
        assertTrue(e.getMessage().contains("Deribit error response") && e.getMessage().contains("Invalid params"),
                e.getMessage());
    }

    @Test
    void chainTableCannotBeChangedFromOutside() throws Exception {
        OptionChain chain = ChainFiles.load(ChainFiles.resource("generic-btc-usd.csv")).chain();
        chain.table().doubleColumn("bid").set(0, -1.0);
        assertTrue(chain.table().doubleColumn("bid").getDouble(0) > 0);
    }
}
