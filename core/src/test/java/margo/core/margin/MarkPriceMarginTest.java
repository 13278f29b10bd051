package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import margo.core.market.ChainField;
import margo.core.market.ChainLayout;
import margo.core.market.InstrumentName;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChain;
import margo.core.market.OptionChains;
import margo.core.market.QuoteConvention;
import margo.core.market.VolatilityUnit;
import margo.core.market.YearFraction;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * When the data has a mark price, margin values the option at it: the collector file's marks are priced at unrounded
 * volatilities and its IVs rounded to 4 places, as Deribit's are, so Black-76 at the IV misses the mark by the
 * rounding. Standard margin, which adds the mark, moves by exactly that; portfolio margin, which takes scenario
 * changes at the mark IV, does not move at all.
 */
class MarkPriceMarginTest {

    private static final Path COLLECTOR = Path.of("").toAbsolutePath().getParent()
            .resolve("examples/data/deribit-collector-btc-eth.csv");
    private static final String CALL = "BTC-26SEP25-108000-C";
    private static final double INDEX = 111_000;
    private static MarketSnapshot withMarks;
    private static MarketSnapshot withoutMarks;
    private static double mark;
    private static double roundedVolatility;

    @BeforeAll
    static void loadTheCollectorsBtcOptions() throws Exception {
        ChainLayout layout = new ChainLayout(Map.of(ChainField.FORWARD, "underlying", ChainField.MARK_IV,
                "implied_volatility", ChainField.TIMESTAMP, "timestamp"));
        OptionChain both = OptionChains.load(COLLECTOR, LoadOptions.DEFAULTS.withLayout(layout)
                .withVolatilityUnit(VolatilityUnit.DECIMAL)).chain();
        Table btc = both.table().where(both.table().stringColumn("underlying").isEqualTo("BTC"));
        withMarks = MarketSnapshot.fromChain(new OptionChain(btc, both.valuationTime(), "BTC",
                QuoteConvention.INVERSE, both.source()), INDEX);
        withoutMarks = new MarketSnapshot(withMarks.coin(), withMarks.valuationTime(), INDEX, INDEX,
                withMarks.forwards(), withMarks.smiles());
        List<String> lines = Files.readAllLines(COLLECTOR);
        List<String> header = List.of(lines.getFirst().split(","));
        String[] row = lines.stream().filter(line -> line.contains("," + CALL + ",")).findFirst().orElseThrow()
                .split(",");
        mark = Double.parseDouble(row[header.indexOf("mark_price")]);
        roundedVolatility = Double.parseDouble(row[header.indexOf("implied_volatility")]);
    }

    private static double blackAtTheRoundedIv() {
        InstrumentName.Option option = InstrumentName.parseOption(CALL);
        double forward = withMarks.forward(option);
        double years = YearFraction.act365(withMarks.valuationTime(), option.expiry());
        return Black76.priceInCoin(OptionType.CALL, forward, option.strike(), years, roundedVolatility);
    }

    private static MarginRequirement standard(double size, MarketSnapshot market) {
        return StandardMarginRule.DERIBIT.requirement(
                List.of(new Position(InstrumentName.parse(CALL), size, Double.NaN)), new Black76PositionPricer(market));
    }

    @Test
    void aLongOptionsMarginIsTheDatasMarkNotBlackAtTheRoundedIv() {
        assertEquals(mark, standard(1, withMarks).initial(), 1e-15);
        assertEquals(blackAtTheRoundedIv(), standard(1, withoutMarks).initial(), 1e-15);
        assertTrue(Math.abs(mark - blackAtTheRoundedIv()) > 1e-7, "the rounding is visible: " + mark + " vs "
                + blackAtTheRoundedIv());
    }

    @Test
    void aShortCallsStandardMarginMovesByExactlyTheMarksDifference() {
        double moved = standard(-2, withMarks).initial() - standard(-2, withoutMarks).initial();
        assertEquals(2 * (mark - blackAtTheRoundedIv()), moved, 1e-12);
    }

    @Test
    void portfolioMarginTakesScenarioChangesAtTheMarkIvAndDoesNotMove() {
        PortfolioMarginRule rule = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
        List<Position> book = List.of(new Position(InstrumentName.parse(CALL), -2, Double.NaN),
                new Position(InstrumentName.parse("BTC-31OCT25-100000-P"), 3, Double.NaN));
        assertEquals(rule.requirement(book, new Black76PositionPricer(withoutMarks)).initial(),
                rule.requirement(book, new Black76PositionPricer(withMarks)).initial(), 1e-12);
    }
}
