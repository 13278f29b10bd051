package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.market.HistoryColumns;
import margo.core.market.PriceHistories;
import margo.core.risk.HistoricalSimulation;
import margo.core.risk.HorizonScaling;
import margo.core.risk.ShockSpec;
import margo.dsl.value.BookValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A haircut calibrated from a coin's history by {@code haircut(...)} counts the book's coin collateral at it,
 * {@code positions(..., haircut H)}: the margin's initial equity and available balance fall by the haircut times the
 * collateral's value, while equity (before haircuts) and the stablecoins' own haircuts stay as they were.
 */
class CollateralHaircutRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final double INDEX = 61000;
    /** 10 BTC and 50,000 USDC at the file's 1% against a short call; BTC at the file's haircut 0. */
    private static final String BOOK = """
            account,instrument,size,average_price,haircut,margin_group
            a,BTC,10,,0,
            a,USDC,50000,,0.01,
            a,BTC-29MAR24-70000-C,-10,0.0310,,
            """;

    @TempDir
    Path folder;

    private Execution run(String book, String recipe) throws Exception {
        Files.copy(EXAMPLES.resolve("data/deribit-btc-sample.csv"), folder.resolve("chain.csv"));
        Files.copy(EXAMPLES.resolve("data/btc-usd-daily-close-yahoo.csv"), folder.resolve("btc.csv"));
        Files.writeString(folder.resolve("book.csv"), book);
        return Recipes.run(folder, "data chain = options(\"chain.csv\")\ndata btc = history(\"btc.csv\")\n" + recipe);
    }

    /** The diagnostics after the history's known stale print (line 897 of the file, at line 2 of the recipe). */
    private static List<String> afterHistory(Execution execution) {
        return located(execution.diagnostics().stream().filter(d -> d.span().line() > 2).toList());
    }

    private static Table shownTable(Execution execution, int index) {
        return ((TableValue) execution.shown().get(index).value()).table();
    }

    @Test
    void aCalibratedHaircutLowersInitialEquityByItsShareOfTheCoinCollateral() throws Exception {
        Execution execution = run(BOOK, """
                let cut = haircut(btc, confidence 99%, horizon 2d, lookback 1y, add_on 1%)
                book filed = positions("book.csv", market chain, index 61000)
                book haircut = positions("book.csv", market chain, index 61000, haircut cut)
                show cut
                show margin(filed, portfolio_margin)
                show margin(haircut, portfolio_margin)
                show haircut
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertEquals(List.of(), afterHistory(execution));
        // The haircut, independently: the 2-day 99% fall of the last year of returns by historical simulation.
        double[] returns = PriceHistories.load(EXAMPLES.resolve("data/btc-usd-daily-close-yahoo.csv"),
                HistoryColumns.DETECTED).history().logReturns();
        double fall = new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 2), HorizonScaling.DIRECT)
                .shock(returns, returns.length - 365, returns.length).down();
        double haircut = ((HaircutValue) execution.shown().get(0).value()).haircut().haircut();
        assertEquals(fall + 0.01, haircut, 1e-15);
        Table filed = shownTable(execution, 1);
        Table cut = shownTable(execution, 2);
        double lost = 10 * INDEX * haircut;
        assertEquals(filed.doubleColumn("equity").getDouble(0), cut.doubleColumn("equity").getDouble(0), 1e-9,
                "equity is before haircuts");
        assertEquals(filed.doubleColumn("initial_equity").getDouble(0) - lost,
                cut.doubleColumn("initial_equity").getDouble(0), 1e-6);
        assertEquals(filed.doubleColumn("available").getDouble(0) - lost, cut.doubleColumn("available").getDouble(0),
                1e-6);
        assertEquals(filed.doubleColumn("initial_margin").getDouble(0), cut.doubleColumn("initial_margin").getDouble(0),
                1e-9, "the positions' margin does not depend on the collateral");
        Table holdings = ((BookValue) execution.shown().get(3).value()).display().table();
        assertEquals(haircut, holdings.doubleColumn("haircut").getDouble(holdings.stringColumn("holding").indexOf("BTC")));
        assertEquals(0.01, holdings.doubleColumn("haircut").getDouble(holdings.stringColumn("holding").indexOf("USDC")),
                "stablecoins keep the file's haircut");
    }

    @Test
    void aHaircutCalibratedOnAnotherCoinsHistoryIsAWarningNamingBothPrices() throws Exception {
        Files.copy(EXAMPLES.resolve("data/eth-usd-daily-close-yahoo.csv"), folder.resolve("eth.csv"));
        Execution execution = run(BOOK, """
                data eth = history("eth.csv")
                let cut = haircut(eth)
                book desk = positions("book.csv", market chain, index 61000, haircut cut)
                """);
        List<String> warnings = located(execution.diagnostics().stream().filter(d -> d.span().line() == 5).toList());
        assertEquals(1, warnings.size(), () -> located(execution.diagnostics()).toString());
        assertTrue(warnings.getFirst().startsWith("5:70 cut was calibrated on eth, which closed at 3"), warnings::toString);
        assertTrue(warnings.getFirst().contains(" on 2024-03-01, while the market's BTC index is 61000 on 2024-03-01:"
                + " is eth a history of BTC?"), warnings::toString);
    }

    @Test
    void aWrittenHaircutWorksLikeACalibratedOne() throws Exception {
        Execution execution = run(BOOK, """
                book desk = positions("book.csv", market chain, index 61000, haircut 3%)
                book filed = positions("book.csv", market chain, index 61000)
                show margin(desk, deribit_standard)
                show margin(filed, deribit_standard)
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertEquals(shownTable(execution, 1).doubleColumn("initial_equity").getDouble(0) - 10 * INDEX * 0.03,
                shownTable(execution, 0).doubleColumn("initial_equity").getDouble(0), 1e-6);
    }

    @Test
    void replacingAHaircutTheFileWroteIsSaidAtTheHaircut() throws Exception {
        Execution execution = run(BOOK.replace("a,BTC,10,,0,", "a,BTC,10,,0.05,"),
                "book desk = positions(\"book.csv\", market chain, index 61000, haircut 3%)\n");
        assertEquals(List.of("3:70 book.csv writes a BTC haircut of 5%, replaced by 3%"), afterHistory(execution));
    }

    @Test
    void aHaircutForABookWithoutTheCoinIsAWarningThatItChangesNothing() throws Exception {
        Execution execution = run(BOOK.replace("a,BTC,10,,0,\n", ""),
                "book desk = positions(\"book.csv\", market chain, index 61000, haircut 3%)\n");
        assertEquals(List.of("3:70 book.csv holds no BTC collateral, so the haircut 3% changes nothing; it applies to"
                + " the market's coin, BTC"), afterHistory(execution));
    }

    @Test
    void aHaircutOfAHundredPercentOrMoreIsAnErrorAtTheValue() throws Exception {
        Execution execution = run(BOOK, "let h = 1.5\n"
                + "book desk = positions(\"book.csv\", market chain, index 61000, haircut h)\n");
        List<String> errors = located(execution.diagnostics().stream().filter(d -> d.isError()).toList());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("4:70 a collateral haircut must be a fraction from 0% to below 100%,"
                + " not h = 1.5"), errors.getFirst());
    }

    @Test
    void aHaircutThatIsNeitherANumberNorAHaircutIsACheckError() {
        Execution execution = Recipes.check("data chain = options(\"chain.csv\")\n"
                + "book desk = positions(\"chain.csv\", market chain, haircut \"3%\")\n");
        List<String> errors = located(execution.diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("2:58 "), errors.getFirst());
    }
}
