package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.value.FigureValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Margin built-ins with {@code priced_by}: a calibrated model or a surface prices the book's options. */
class PricedByRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String FIT = """
            data chain = options("data/deribit-btc-sample.csv")
            data near = chain { keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.15 and expiry >= 20d }
            model hs = heston
            fit hf = calibrate hs to near { starts 1 }
            """;

    @TempDir
    Path folder;

    @Test
    void aBookPricedByAFitIsWorthTheModelsPricesAndMarginedOnThem() {
        Execution execution = Recipes.run(EXAMPLES, FIT + """
                book desk = positions("data/book.csv", market chain, index 61000)
                data call = price(hf, chain) { keep instrument == "BTC-29MAR24-70000-C" }
                show call
                show margin(desk, portfolio_margin, priced_by hf)
                show margin(desk, portfolio_margin)
                show stress(desk, priced_by hf) { price -40%, vol +80% }
                show stress(desk)
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        double callInCoin = table(execution, 0).doubleColumn("model_price_coin").getDouble(0);
        Table model = table(execution, 1);
        Table black = table(execution, 2);
        int coveredCall = model.stringColumn("account").indexOf("covered-call");
        // covered-call: 10 BTC held and 10 BTC-29MAR24-70000-C sold, valued in coin at the index.
        assertEquals(61_000 * (10 - 10 * callInCoin), model.doubleColumn("equity").getDouble(coveredCall), 1e-6);
        for (int row = 0; row < model.rowCount(); row++) {
            assertTrue(model.doubleColumn("initial_margin").getDouble(row) >= 0, "row " + row);
        }
        assertTrue(model.doubleColumn("initial_margin").getDouble(coveredCall)
                != black.doubleColumn("initial_margin").getDouble(coveredCall), "the model changes the margin");
        Table stressed = table(execution, 3);
        assertEquals(-0.4, stressed.doubleColumn("price_move").getDouble(0), 1e-15);
        assertEquals(0.8, stressed.doubleColumn("vol_shift").getDouble(0), 1e-15);
        assertEquals(model.doubleColumn("equity").getDouble(coveredCall),
                stressed.doubleColumn("equity_before").getDouble(stressed.stringColumn("account").indexOf("covered-call")),
                1e-6, "before the move, the stress values the book as margin does");
    }

    @Test
    void everyMarginBuiltInTakesPricedByAndASurfacePricesToo() {
        Execution execution = Recipes.run(EXAMPLES, FIT + """
                book desk = positions("data/book.csv", market chain, index 61000)
                surface sv = svi(chain)
                show what_if(desk, "BTC-29MAR24-70000-C", -10, portfolio_margin, account "calendar", priced_by hf)
                show attribution(desk, portfolio_margin, priced_by sv)
                plot scenarios(desk, portfolio_margin, price [-20%, 0%, 20%], vol [0%, 30%], priced_by hf)
                plot liquidation(desk, deribit_standard, account "covered-call", priced_by sv)
                show margin(desk, span, priced_by sv)
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertEquals(1, table(execution, 0).rowCount());
        assertTrue(table(execution, 1).rowCount() > 0);
        assertTrue(execution.shown().get(2).value() instanceof FigureValue);
        assertTrue(execution.shown().get(3).value() instanceof FigureValue);
    }

    @Test
    void aFitAtAnotherValuationTimeIsAnErrorAtTheArgument() {
        Execution execution = Recipes.run(EXAMPLES, """
                data chain = options("data/deribit-btc-sample.csv")
                data later = options("data/deribit-btc-sample.csv", as_of 2024-03-02T08:00Z) {
                  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.15 and expiry >= 20d
                }
                model hs = heston
                fit hf = calibrate hs to later { starts 1 }
                book desk = positions("data/book.csv", market chain)
                show margin(desk, deribit_standard, priced_by hf)
                """);
        List<String> errors = located(execution.diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("8:47 hf was fitted to a chain valued at 2024-03-02T08:00:00Z, the"
                + " book's market is at 2024-03-01T08:00:00Z"), errors.getFirst());
    }

    @Test
    void anOptionTheModelCannotPriceIsAnErrorNamingItAndItsAccount() throws Exception {
        Files.writeString(folder.resolve("book.csv"), """
                account,instrument,size,average_price,haircut,margin_group
                lottery,BTC,1,,0,
                lottery,BTC-8MAR24-200000-C,10,0.0001,,
                """);
        Files.copy(EXAMPLES.resolve("data/deribit-btc-sample.csv"), folder.resolve("chain.csv"));
        Execution execution = Recipes.run(folder, FIT.replace("data/deribit-btc-sample.csv", "chain.csv")
                + "book desk = positions(\"book.csv\", market chain)\n"
                + "show margin(desk, portfolio_margin, priced_by hf)\n");
        // The chain does not quote that strike either, which is a warning at the book's market.
        List<String> errors = located(execution.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("6:47 cannot price BTC-8MAR24-200000-C of account lottery: the heston"
                + " fit hf gives no implied volatility for BTC-8MAR24-200000-C"), errors.getFirst());
    }

    private static Table table(Execution execution, int shown) {
        return ((TableValue) execution.shown().get(shown).value()).table();
    }
}
