package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import margo.core.market.InstrumentName;
import org.junit.jupiter.api.Test;

class MarketSnapshotTest {

    private static final MarketSnapshot MARKET = SampleMarket.MARKET;

    @Test
    void chainGivesEachExpirysForwardAndMarkIvAtItsStrikes() {
        assertEquals(5, MARKET.forwards().size());
        // deribit-btc-sample.csv: BTC-29MAR24-60000-C underlying_price 61564.13, mark_iv 65.92.
        assertEquals(61_564.13, MARKET.forward(InstrumentName.parse("BTC-29MAR24")), 1e-9);
        assertEquals(0.6592, MARKET.markVolatility(InstrumentName.parseOption("BTC-29MAR24-60000-P")), 1e-12);
        assertEquals(61_000, MARKET.forward(InstrumentName.parse("BTC-PERPETUAL")), 0.0);
    }

    @Test
    void smileInterpolatesLinearlyBetweenStrikesAndIsFlatBeyond() {
        // 29MAR24: 58,000 at 65.65%, 60,000 at 65.92%; lowest strike 40,000 at 78.18%.
        assertEquals((0.6565 + 0.6592) / 2, MARKET.markVolatility(InstrumentName.parseOption("BTC-29MAR24-59000-C")),
                1e-12);
        assertEquals(0.7818, MARKET.markVolatility(InstrumentName.parseOption("BTC-29MAR24-20000-P")), 1e-12);
    }

    @Test
    void expiredAndUnknownExpiriesAreNamedAsReasons() {
        assertNull(MARKET.whyNotPriceable(InstrumentName.parse("BTC_USDC-PERPETUAL")));
        assertEquals("no forward price for expiry 2024-05-31",
                MARKET.whyNotPriceable(InstrumentName.parse("BTC-31MAY24")));
        assertEquals(true, MARKET.whyNotPriceable(new InstrumentName.Future("BTC", LocalDate.of(2024, 3, 1)))
                .startsWith("expired"));
    }

    @Test
    void bookReportHasOneRowPerMarginGroup() {
        var table = new MarginCalculator(StandardMarginRule.DERIBIT).report(SampleMarket.book(), SampleMarket.PRICER);
        assertEquals(6, table.rowCount());
        assertEquals("perp-hedge", table.stringColumn("group").get(5));
        assertEquals(30_000 - 400, table.doubleColumn("equity").get(5), 1e-9);
    }
}
