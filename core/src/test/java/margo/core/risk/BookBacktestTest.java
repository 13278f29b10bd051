package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.margin.Account;
import margo.core.margin.Black76PositionPricer;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.BookLoad;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginRule;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.market.InstrumentName;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChains;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped Deribit BTC sample market (index 61,000) and book, replayed over simulated daily moves. */
class BookBacktestTest {

    private static PositionPricer pricer;
    private static Book book;
    private static ShockSeries shocks;

    @BeforeAll
    static void load() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Path data = (Files.exists(here.resolve("examples")) ? here : here.getParent()).resolve("examples/data");
        pricer = new Black76PositionPricer(MarketSnapshot.fromChain(
                OptionChains.load(data.resolve("deribit-btc-sample.csv"), LoadOptions.DEFAULTS).chain(), 61_000));
        BookLoad load = BookCsv.load(data.resolve("book.csv"), pricer);
        assertTrue(load.problems().isEmpty(), load.problems().toString());
        book = load.book();
        double[] r = SimulatedReturns.studentT(21, 800, 4, 0.035);
        shocks = ShockSeries.estimate(r, new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1),
                HorizonScaling.DIRECT), Lookback.rolling(250), 1);
    }

    private static MarginRule portfolioMargin(Shock shock) {
        return new PortfolioMarginRule(RuleCalibration.portfolioMargin(PortfolioMarginParameters.DERIBIT_BTC, shock,
                null).rules());
    }

    @Test
    void eachLossIsTheGroupsStressPnlAndEachExceptionALossAboveItsMargin() {
        BookBacktest.Result result = BookBacktest.run(book, pricer, shocks, BookBacktestTest::portfolioMargin,
                BookBacktest.VolatilityResponse.UNCHANGED);
        BookBacktest.GroupResult hedged = result.groups().stream().filter(g -> g.account().equals("hedged"))
                .findFirst().orElseThrow();
        MarginGroup positionsOnly = new MarginGroup("", book.account("hedged").group("").positions(), List.of());
        int k = 17;
        double move = Math.expm1(shocks.realised(k));
        MarginCalculator calculator = new MarginCalculator(portfolioMargin(shocks.shock(k)));
        assertEquals(-calculator.stress(positionsOnly, move, 0, pricer).pnl(), hedged.losses()[k], 1e-6);
        assertEquals(calculator.state(positionsOnly, pricer).initialMargin(), hedged.margins()[k], 1e-6);
        for (BookBacktest.GroupResult group : result.groups()) {
            for (int i = 0; i < group.losses().length; i++) {
                assertEquals(group.losses()[i] > group.margins()[i], group.exceptions()[i]);
            }
            assertEquals(shocks.realisedCount(), group.backtest().observations());
        }
        assertTrue(result.revaluation().contains("vols unchanged"), result.revaluation());
    }

    @Test
    void aWiderPriceRangeLetsNoMoreLossesThrough() {
        BookBacktest.Result calibrated = BookBacktest.run(book, pricer, shocks, BookBacktestTest::portfolioMargin,
                BookBacktest.VolatilityResponse.UNCHANGED);
        BookBacktest.Result wider = BookBacktest.run(book, pricer, shocks,
                shock -> portfolioMargin(shock.scaled(1.5)), BookBacktest.VolatilityResponse.UNCHANGED);
        for (int g = 0; g < calibrated.groups().size(); g++) {
            assertTrue(wider.groups().get(g).backtest().exceptions()
                    <= calibrated.groups().get(g).backtest().exceptions(), calibrated.groups().get(g).account());
        }
    }

    @Test
    void volsRisingInAFallDeepenAShortPutsLoss() {
        Position shortPut = new Position(InstrumentName.parse("BTC-26APR24-50000-P"), -5, 0.024);
        Book puts = new Book(List.of(Account.cross("puts", List.of(shortPut), List.of())));
        MarginRule fixed = portfolioMargin(new Shock(0.16, 0.16));
        BookBacktest.Result still = BookBacktest.run(puts, pricer, shocks, s -> fixed,
                BookBacktest.VolatilityResponse.UNCHANGED);
        BookBacktest.Result rising = BookBacktest.run(puts, pricer, shocks, s -> fixed,
                new BookBacktest.VolatilityResponse(-1.0));
        for (int k = 0; k < 50; k++) {
            if (shocks.realised(k) < -0.02) {
                assertTrue(rising.groups().get(0).losses()[k] > still.groups().get(0).losses()[k], "day " + k);
            }
        }
        assertEquals(still.groups().get(0).margins()[0], still.groups().get(0).margins()[40], 0.0, "a fixed rule");
    }
}
