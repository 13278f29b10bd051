package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import margo.dsl.value.FigureValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@code greeks(book)} and {@code plot greeks(book)} on the shipped book and chain. */
class GreeksRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String BOOK = "data chain = options(\"data/deribit-btc-sample.csv\")\n"
            + "book desk = positions(\"data/book.csv\", market chain, index 61000)\n";

    @Test
    void eachGroupHasARowPerExpiryAndATotalThatAddsThemUp() {
        Table greeks = greeks(BOOK + "show greeks(desk)\n");
        for (int row = 0; row < greeks.rowCount(); row++) {
            if (!greeks.stringColumn("expiry").get(row).equals("total")) {
                continue;
            }
            for (String column : new String[] {"delta", "net_delta", "gamma_usd", "vega_usd", "theta", "volga_usd"}) {
                double sum = 0;
                for (int bucket = 0; bucket < row; bucket++) {
                    boolean sameGroup = greeks.stringColumn("account").get(bucket)
                            .equals(greeks.stringColumn("account").get(row))
                            && greeks.stringColumn("group").get(bucket).equals(greeks.stringColumn("group").get(row));
                    sum += sameGroup ? greeks.doubleColumn(column).getDouble(bucket) : 0;
                }
                assertEquals(sum, greeks.doubleColumn(column).getDouble(row), 1e-9 * Math.max(1, Math.abs(sum)),
                        column + " of row " + row);
            }
        }
    }

    @Test
    void aLinearPerpetualIsItsSizeInCoinAndCoinCollateralCountsInNetDeltaOnly() {
        Table greeks = greeks(BOOK + "show greeks(desk)\n");
        // basis / perp-hedge holds -2 BTC_USDC-PERPETUAL, marked at the index: delta -2 coin, -122,000 USD.
        int perp = row(greeks, "basis", "perp-hedge", "perpetual");
        assertEquals(-2.0, greeks.doubleColumn("delta").getDouble(perp), 1e-12);
        assertEquals(-2.0 * 61000, greeks.doubleColumn("delta_usd").getDouble(perp), 1e-6);
        assertEquals(0.0, greeks.doubleColumn("gamma").getDouble(perp), 0.0);
        // covered-call holds 10 BTC: 10 coin of net delta, none of Deribit's position delta.
        int coin = row(greeks, "covered-call", "", "collateral");
        assertEquals(10.0, greeks.doubleColumn("net_delta").getDouble(coin), 1e-12);
        assertEquals(0.0, greeks.doubleColumn("delta").getDouble(coin), 0.0);
    }

    @Test
    void pricedByAModelGivesOtherGreeksAtTheModelsImpliedVols() {
        Table black = greeks(BOOK + "show greeks(desk)\n");
        Table model = greeks(BOOK + "data quotes = chain { keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness)"
                + " <= 0.3 and expiry >= 2d }\nsurface sv = svi(quotes)\nshow greeks(desk, priced_by sv)\n");
        int calls = row(black, "covered-call", "", "2024-03-29");
        assertNotEquals(black.doubleColumn("vega_usd").getDouble(calls), model.doubleColumn("vega_usd").getDouble(calls));
        assertEquals(black.doubleColumn("net_delta").getDouble(row(black, "covered-call", "", "collateral")),
                model.doubleColumn("net_delta").getDouble(row(model, "covered-call", "", "collateral")), 0.0);
    }

    @Test
    void plotGreeksDrawsFourPanelsWithALinePerMarginGroup() {
        Execution execution = Recipes.run(EXAMPLES, BOOK + "plot greeks(desk)\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        FigureValue figure = (FigureValue) execution.shown().getFirst().value();
        assertEquals(4, figure.figure().panels().size());
        assertEquals(6, figure.figure().panels().getFirst().traces().size(), "five cross pools and one isolated group");
        assertTrue(figure.figure().panels().getFirst().title().contains("delta_usd"));
    }

    private static Table greeks(String recipe) {
        Execution execution = Recipes.run(EXAMPLES, recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return ((TableValue) execution.shown().getLast().value()).table();
    }

    private static int row(Table table, String account, String group, String expiry) {
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.stringColumn("account").get(row).equals(account) && table.stringColumn("group").get(row)
                    .equals(group) && table.stringColumn("expiry").get(row).equals(expiry)) {
                return row;
            }
        }
        throw new AssertionError("no row " + account + "/" + group + "/" + expiry + " in " + table.print());
    }
}
