package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margo.core.margin.MarketSnapshot;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;

/** A chain of several underlyings keeps them apart: forwards and parity per underlying and expiry. */
class UnderlyingsTest {

    private static final Instant VALUATION = Instant.parse("2024-03-01T08:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2024-03-29T08:00:00Z");
    private static final double VOLATILITY = 0.6;

    @TempDir
    Path directory;

    /** Four BTC rows priced at F = 61,000 and four ETH rows at F = 3,400, all at 60% vol, one expiry, USD. */
    private List<String> btcAndEthRows(boolean withForward) {
        List<String> lines = new ArrayList<>();
        lines.add("instrument,expiry,strike,type,bid,ask" + (withForward ? ",forward" : "") + ",timestamp");
        double years = YearFraction.act365(VALUATION, EXPIRY);
        for (String underlying : List.of("BTC", "ETH")) {
            double forward = underlying.equals("BTC") ? 61_000 : 3_400;
            for (double strike : new double[] {forward * 0.95, forward * 1.05}) {
                for (OptionType type : OptionType.values()) {
                    double price = Black76.price(type, forward, strike, years, VOLATILITY);
                    String name = underlying + "-29MAR24-" + InstrumentName.formatStrike(strike) + "-"
                            + (type == OptionType.CALL ? "C" : "P");
                    lines.add(name + ",2024-03-29," + strike + "," + type.label() + "," + price + "," + price
                            + (withForward ? "," + forward : "") + "," + VALUATION);
                }
            }
        }
        return lines;
    }

    @Test
    void btcAndEthOnOneExpiryEachGetTheirOwnForwardAndImpliedVolatility() throws Exception {
        ChainLoad load = ChainFiles.load(Files.write(directory.resolve("mixed.csv"), btcAndEthRows(true)));
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(Map.of("BTC", 4, "ETH", 4), load.chain().underlyings());
        for (Row row : load.chain().table()) {
            double forward = row.getString("underlying").equals("BTC") ? 61_000 : 3_400;
            assertEquals(forward, row.getDouble("forward"), 0.0, row.getString("instrument"));
            assertEquals(VOLATILITY, row.getDouble("mid_iv"), 1e-9, row.getString("instrument"));
        }
    }

    @Test
    void putCallParityIsSolvedPerUnderlying() throws Exception {
        ChainLoad load = ChainFiles.load(Files.write(directory.resolve("mixed.csv"), btcAndEthRows(false)));
        assertEquals(List.of(), ChainFiles.messages(load));
        for (Row row : load.chain().table()) {
            double forward = row.getString("underlying").equals("BTC") ? 61_000 : 3_400;
            assertEquals("parity", row.getString("forward_source"));
            assertEquals(forward, row.getDouble("forward"), 1e-9 * forward, row.getString("instrument"));
        }
    }

    @Test
    void aGenericUnderlyingColumnNamesTheUnderlyingOfRowsWithoutInstrumentNames() throws Exception {
        Path file = ChainFiles.write(directory, "columns.csv",
                "underlying,expiry,strike,type,bid,ask,forward,timestamp",
                "btc,2024-03-29,60000,C,3000,3100,61000,2024-03-01T08:00:00Z",
                "eth,2024-03-29,3400,C,200,210,3400,2024-03-01T08:00:00Z");
        OptionChain chain = ChainFiles.load(file).chain();
        assertEquals(Map.of("BTC", 1, "ETH", 1), chain.underlyings());
        assertEquals(3_400, ChainFiles.row(chain.table(), "eth-29MAR24-3400-C").getDouble("forward"), 0.0);
    }

    @Test
    void anEthOptionAmongBtcRowsOfADeribitFileKeepsItsOwnForward() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(ChainFiles.deribitSample()));
        List<String> header = List.of(lines.getFirst().split(","));
        String[] eth = lines.get(1).split(",", -1);
        eth[header.indexOf("instrument_name")] = "ETH-29MAR24-3400-C";
        eth[header.indexOf("underlying_index")] = "ETH-29MAR24";
        eth[header.indexOf("underlying_price")] = "3400";
        lines.add(String.join(",", eth));
        OptionChain chain = ChainFiles.load(Files.write(directory.resolve("deribit.csv"), lines)).chain();
        assertEquals(1, chain.underlyings().get("ETH"));
        assertEquals(3_400, ChainFiles.row(chain.table(), "ETH-29MAR24-3400-C").getDouble("forward"), 0.0);
        assertEquals("BTC (" + chain.underlyings().get("BTC") + " rows) and ETH (1 row)",
                OptionChain.mixedUnderlyings(chain.table()));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> MarketSnapshot.fromChain(chain, 61_000));
        assertEquals("a market is one underlying's; the chain from " + chain.source() + " mixes options on "
                + OptionChain.mixedUnderlyings(chain.table()), mixed.getMessage());
    }

    @Test
    void aChainOfOneUnderlyingIsNotMixed() throws Exception {
        assertNull(OptionChain.mixedUnderlyings(ChainFiles.load(ChainFiles.deribitSample()).chain().table()));
    }
}
