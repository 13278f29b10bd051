package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static margo.dsl.run.Recipes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@code layout(...)} saves the columns of a file whose names are not its format's, for several {@code options(...)}:
 * the third-party Deribit collector file of BTC and ETH ({@code examples/data/generate_deribit_collector.py}).
 */
class LayoutRunTest {

    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String COLLECTOR = "let collector = layout(forward \"underlying\", mark_iv \"implied_volatility\",\n"
            + "    iv_unit \"decimal\", timestamp \"timestamp\")\n";
    private static final String FILE = "\"data/deribit-collector-btc-eth.csv\"";

    private static Execution ran(String recipe) {
        Execution execution = run(EXAMPLES, recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return execution;
    }

    private static Table shown(Execution execution, int index) {
        return ((TableValue) execution.shown().get(index).value()).table();
    }

    @Test
    void oneLayoutServesSeveralOptionsCallsAndEachCoinSplitsOffByItsUnderlying() {
        Execution execution = ran(COLLECTOR
                + "data btc = options(" + FILE + ", layout collector) { keep underlying == \"BTC\" }\n"
                + "data eth = options(" + FILE + ", layout collector) { keep underlying == \"ETH\" }\n"
                + "surface sv = svi(btc)\nshow btc\nshow eth\n");
        for (int i = 0; i < 2; i++) {
            Table chain = shown(execution, i);
            assertEquals(190, chain.rowCount());
            assertEquals(List.of(i == 0 ? "BTC" : "ETH"), chain.stringColumn("underlying").unique().asList());
            assertEquals(List.of("data"), chain.stringColumn("forward_source").unique().asList());
        }
    }

    @Test
    void aColumnNamedInOptionsOverridesTheLayouts() {
        String futures = "let futures = layout(forward \"futures_price\", timestamp \"timestamp\")\n";
        Table byFutures = shown(ran(futures + "data c = options(" + FILE + ", layout futures)\nshow c"), 0);
        Table byUnderlying = shown(ran(futures + "data c = options(" + FILE
                + ", layout futures, forward \"underlying\")\nshow c"), 0);
        int row = byUnderlying.stringColumn("instrument").indexOf("BTC-5SEP25-110000-C");
        assertEquals(111042.58, byUnderlying.doubleColumn("forward").get(row), 0.0, "the underlying column");
        assertEquals(111490.7, byFutures.doubleColumn("forward").get(row), 0.0, "the nearest future's price");
    }

    @Test
    void aLayoutShowsAsItsFieldsAndColumns() {
        Execution execution = ran(COLLECTOR + "show collector");
        Table table = ((TabulatedValue) execution.shown().getFirst().value()).display().table();
        assertEquals(List.of("iv_unit", "forward", "mark_iv", "timestamp"), table.stringColumn("field").asList());
        assertEquals(List.of("decimal", "underlying", "implied_volatility", "timestamp"),
                table.stringColumn("column").asList());
    }

    @Test
    void aMissingRequiredColumnIsAnErrorAtTheCallNamingTheLikelyColumn() {
        Execution execution = run(EXAMPLES, "data c = options(" + FILE + ", format \"generic_csv\")\n");
        List<Diagnostic> errors = execution.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> located(execution.diagnostics()).toString());
        assertTrue(errors.getFirst().message().contains("has no column 'expiry' for expiry"), errors.getFirst().message());
        assertTrue(errors.getFirst().message().endsWith("did you mean expiry_datetime? A layout names it: expiry"
                + " \"expiry_datetime\""), errors.getFirst().message());
    }

    @Test
    void aLayoutsUnitAndFormatAreCheckedLikeThoseOfOptions() {
        Execution execution = Recipes.check("let l = layout(iv_unit \"percnt\", format \"cboe\")\n");
        assertEquals(List.of("1:24 'iv_unit' must be one of percent, decimal; not \"percnt\""),
                located(execution.diagnostics().stream().filter(Diagnostic::isError).limit(1).toList()));
    }
}
