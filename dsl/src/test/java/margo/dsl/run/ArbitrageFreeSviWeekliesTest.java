package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import margo.dsl.value.SurfaceValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Arbitrage-free SVI on SPY's weeklies (the real Cboe chain of examples/data): the penalised search of a two-day
 * smile tried points whose coordinates overflow exp, and the smile built there (a = Infinity) failed the whole fit
 * with "a must be finite". Such a point is now one the search refuses.
 */
class ArbitrageFreeSviWeekliesTest {

    @Test
    void arbitrageFreeSviFitsEverySpyExpiryFromTwoDaysWithoutButterflyOrCalendarArbitrage() {
        Execution run = Recipes.run(Path.of("../examples"), """
                data spy = options("data/spy-cboe-quotedata-20250903.csv") {
                  keep bid > 0 and ask > 0
                  keep expiry >= 2d and expiry <= 1y
                  keep abs(log_moneyness) <= 0.15
                  keep (type == "put" and strike <= forward) or (type == "call" and strike > forward)
                  keep (ask - bid) / mid <= 25%
                }
                surface sv = svi(spy) { arbitrage_free true }
                show sv
                """);
        assertFalse(run.hasErrors(), () -> Recipes.located(run.diagnostics()).toString());
        Table smiles = ((SurfaceValue) run.shown().getFirst().value()).display().table();
        assertEquals(27, smiles.rowCount());
        for (int row = 0; row < smiles.rowCount(); row++) {
            assertEquals("none on the grid", smiles.stringColumn("butterfly_arbitrage").get(row), "row " + row);
        }
    }
}
