package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;

class ForwardTest {

    @TempDir
    Path directory;

    /** The Deribit sample without underlying_price and underlying_index: forwards must come from parity. */
    @Test
    void forwardFromPutCallParityWhenDataHasNoUnderlying() throws Exception {
        List<String> lines = Files.readAllLines(ChainFiles.deribitSample());
        List<String> header = List.of(lines.getFirst().split(","));
        int price = header.indexOf("underlying_price");
        int index = header.indexOf("underlying_index");
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            fields[price] = "";
            fields[index] = "";
            stripped.add(String.join(",", fields));
        }
        Path file = Files.write(directory.resolve("no-underlying.csv"), stripped);
        ChainLoad load = ChainFiles.load(file);
        assertEquals(List.of(), ChainFiles.messages(load));
        Instant valuation = Instant.parse("2024-03-01T08:00:00Z");
        for (Row row : load.chain().table()) {
            assertEquals("parity", row.getString("forward_source"));
            // the generator's forward: 61,000 exp(0.12 T); quotes are whole ticks of 0.0005 BTC (about 30 USD)
            double generating = 61000 * Math.exp(0.12 * YearFraction.act365(valuation, row.getInstant("expiry")));
            assertEquals(generating, row.getDouble("forward"), 0.0005 * generating, row.getString("instrument"));
        }
    }

    @Test
    void forwardFromParityOnLinearUsdQuotes() throws Exception {
        // generic-btc-usd.csv was priced at F = 62,000 with USD quotes rounded to 0.5 USD
        ChainLoad load = ChainFiles.load(ChainFiles.resource("generic-btc-usd.csv"));
        assertEquals(List.of(), ChainFiles.messages(load));
        assertEquals(QuoteConvention.LINEAR, load.chain().convention());
        Row row = ChainFiles.row(load.chain().table(), "BTC-29MAR24-62000-C");
        assertEquals("parity", row.getString("forward_source"));
        assertEquals(62000, row.getDouble("forward"), 5);
    }

    @Test
    void expiryWithoutUnderlyingOrParityPairIsReportedRowByRow() throws Exception {
        Path file = ChainFiles.write(directory, "calls.csv", "expiry,strike,type,bid,ask,timestamp",
                "2024-03-29,60000,C,5000,5100,2024-03-01T08:00:00Z",
                "2024-03-29,62000,C,4000,4100,2024-03-01T08:00:00Z");
        ChainLoad load = ChainFiles.load(file);
        assertEquals(List.of(2, 3), load.problems().stream().map(RowProblem::rowNumber).toList());
        assertTrue(load.problems().getFirst().reason().startsWith("no forward for expiry 2024-03-29T08:00:00Z"));
        assertEquals(0, load.chain().size());
    }

    @Property
    void parityRecoversTheForwardFromExactPrices(@ForAll @DoubleRange(min = 1000, max = 100000) double forward,
                                                 @ForAll @DoubleRange(min = 0.2, max = 1.5) double volatility,
                                                 @ForAll QuoteConvention convention) {
        double[] strikes = {0.7 * forward, 0.95 * forward, 1.02 * forward, 1.3 * forward};
        double[] calls = new double[strikes.length];
        double[] puts = new double[strikes.length];
        for (int i = 0; i < strikes.length; i++) {
            calls[i] = price(convention, OptionType.CALL, forward, strikes[i], volatility);
            puts[i] = price(convention, OptionType.PUT, forward, strikes[i], volatility);
        }
        assertEquals(forward, ParityForward.estimate(strikes, calls, puts, strikes.length, convention), 1e-9 * forward);
    }

    private static double price(QuoteConvention convention, OptionType type, double forward, double strike, double volatility) {
        return convention == QuoteConvention.INVERSE ? Black76.priceInCoin(type, forward, strike, 0.5, volatility)
                : Black76.price(type, forward, strike, 0.5, volatility);
    }

    @Test
    void parityUsesTheStrikesNearestTheMoney() {
        // the far strikes (ask-side noise in the wings) give 70,000 and 50,000; the three nearest give 61,000 +- 10
        double[] strikes = {40000, 59000, 61000, 63000, 90000};
        double[] calls = {30000, 2010, 1000, 0, 0};
        double[] puts = {0, 0, 1000, 1990, 40000};
        assertEquals(61010, ParityForward.estimate(strikes, calls, puts, 5, QuoteConvention.LINEAR), 1e-9);
    }
}
