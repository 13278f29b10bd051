package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static margo.dsl.run.Recipes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.Severity;
import margo.dsl.output.JsonRenderer;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TableEvaluationTest {

    @TempDir
    Path folder;

    @BeforeEach
    void writeChain() throws IOException {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/chain.csv"), SampleChain.DERIBIT_CSV);
    }

    private Table table(String recipe) {
        Execution execution = run(folder, recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return ((TableValue) execution.shown().getLast().value()).table();
    }

    @Test
    void keepKeepsTheRowsWhereTheConditionHolds() {
        Table table = table("data c = options(\"data/chain.csv\") { keep strike >= 60000 and type == \"call\" }\nshow c");
        assertEquals(List.of("BTC-29MAR24-60000-C"), table.stringColumn("instrument").asList());
    }

    @Test
    void expiryComparedWithADurationKeepsOptionsWithAtLeastThatLongToRun() {
        Table table = table("data c = options(\"data/chain.csv\") { keep expiry >= 8d }\nshow c");
        assertEquals(List.of("BTC-29MAR24-60000-C", "BTC-29MAR24-62000-P"), table.stringColumn("instrument").asList());
        Table inclusive = table("data c = options(\"data/chain.csv\") { keep expiry >= 7d }\nshow c");
        assertEquals(4, inclusive.rowCount());
        Table explicit = table("data c = options(\"data/chain.csv\") { keep expiry - 2024-03-01T08:00Z >= 8d }\nshow c");
        assertEquals(table.stringColumn("instrument").asList(), explicit.stringColumn("instrument").asList());
    }

    @Test
    void setAddsAColumnComputedRowByRow() {
        Table table = table("data c = options(\"data/chain.csv\") { set wide = (ask - bid) / mid > 5% }\n"
                + "data d = c { set spread = ask - bid }\nshow d");
        for (int row = 0; row < table.rowCount(); row++) {
            double spread = table.doubleColumn("ask").getDouble(row) - table.doubleColumn("bid").getDouble(row);
            assertEquals(spread, table.doubleColumn("spread").getDouble(row));
            assertEquals(spread / table.doubleColumn("mid").getDouble(row) > 0.05, table.booleanColumn("wide").get(row));
        }
    }

    @Test
    void setAddsAnInstantColumnOfOneInstantPerRow() {
        Table table = table("data c = options(\"data/chain.csv\") { set later = expiry + 1d }\nshow c");
        assertEquals(table.rowCount(), table.instantColumn("later").size());
        for (int row = 0; row < table.rowCount(); row++) {
            assertEquals(table.instantColumn("expiry").get(row).plus(java.time.Duration.ofDays(1)),
                    table.instantColumn("later").get(row));
        }
    }

    @Test
    void setReplacesAColumnOfTheSameNameWithoutTouchingTheTableItCameFrom() {
        Execution execution = run(folder, "data a = options(\"data/chain.csv\")\ndata b = a { set bid = 0 }\nshow a\nshow b");
        Table a = ((TableValue) execution.shown().get(0).value()).table();
        Table b = ((TableValue) execution.shown().get(1).value()).table();
        assertEquals(a.columnNames(), b.columnNames());
        assertEquals(0.1795, a.doubleColumn("bid").getDouble(0));
        assertTrue(b.doubleColumn("bid").asList().stream().allMatch(bid -> bid == 0.0));
    }

    @Test
    void blackInSetPricesEachRowAsCoreDoes() {
        Table table = table("data c = options(\"data/chain.csv\") {\n  set model = black(forward, strike, time_to_expiry, mark_iv, type)\n}\nshow c");
        for (int row = 0; row < table.rowCount(); row++) {
            double expected = Black76.price(OptionType.parse(table.stringColumn("type").get(row)),
                    table.doubleColumn("forward").getDouble(row), table.doubleColumn("strike").getDouble(row),
                    table.doubleColumn("time_to_expiry").getDouble(row), table.doubleColumn("mark_iv").getDouble(row));
            assertEquals(expected, table.doubleColumn("model").getDouble(row));
        }
    }

    @Test
    void impliedVolOfTheUsdMidReproducesTheChainsMidIv() {
        Table table = table("data c = options(\"data/chain.csv\") {\n"
                + "  set iv = implied_vol(mid_usd, forward, strike, time_to_expiry, type)\n}\nshow c");
        for (int row = 0; row < table.rowCount(); row++) {
            assertEquals(table.doubleColumn("mid_iv").getDouble(row), table.doubleColumn("iv").getDouble(row), 1e-9);
        }
    }

    @Test
    void rowsWhereImpliedVolIsUndefinedGiveOneWarningWithTheirCount() {
        // 0.5 USD is below intrinsic value for the three in-the-money options; only the 50000 put has a vol.
        Execution execution = run(folder, "data c = options(\"data/chain.csv\") {\n"
                + "  set iv = implied_vol(0.5, forward, strike, time_to_expiry, type)\n}\nshow c");
        assertFalse(execution.hasErrors());
        List<Diagnostic> warnings = execution.diagnostics();
        assertEquals(1, warnings.size(), () -> located(warnings).toString());
        assertEquals(2, warnings.getFirst().span().line());
        assertEquals(12, warnings.getFirst().span().column());
        assertTrue(warnings.getFirst().message().startsWith("implied_vol is undefined (NaN) in 3 of 4 rows; the first: call price 0.5 is below intrinsic value"),
                warnings.getFirst().message());
    }

    @Test
    void badDataRowsAreLeftOutEachWithAWarningNamingItsLine() throws IOException {
        String crossed = "BTC-29MAR24-62000-C,BTC,BTC,1709280000000,BTC-29MAR24,61564.13,61000.0,0.0,0.0520,0.0500,0.051,0.05,66.56,1,1,1\n";
        Files.writeString(folder.resolve("data/bad.csv"), SampleChain.DERIBIT_CSV + crossed + "BTC-29MAR24-64000-C,BTC\n");
        Execution execution = run(folder, "let x = 1\ndata chain = options(\"data/bad.csv\")\nshow chain");
        assertFalse(execution.hasErrors());
        assertEquals(4, ((TableValue) execution.shown().getFirst().value()).table().rowCount());
        assertEquals(List.of(
                "2:14 data/bad.csv line 6 (BTC-29MAR24-62000-C): crossed market: bid 0.052 > ask 0.05 (row left out)",
                "2:14 data/bad.csv line 7: has 2 fields but the header has 16 (row left out)"),
                located(execution.diagnostics()));
        assertTrue(execution.diagnostics().stream().allMatch(d -> d.severity() == Severity.WARNING));
    }

    @Test
    void aMissingFileIsAnErrorAtTheCallNamingTheResolvedPath() {
        Execution execution = run(folder, "let x = 1\nx\ndata chain = options(\"data/nowhere.csv\")\nshow chain");
        assertTrue(execution.hasErrors());
        assertEquals(List.of("3:14 cannot read data/nowhere.csv: no such file (looked for "
                + folder.resolve("data/nowhere.csv").toAbsolutePath().normalize() + ")"), located(execution.diagnostics()));
        assertEquals(1, execution.shown().size(), "statements before the failure still show");
    }

    @Test
    void showColumnsSelectsAndOrdersColumnsAndRowsSetsTheDisplayLimit() {
        Execution execution = run(folder, "data c = options(\"data/chain.csv\")\nshow c { columns [strike, instrument]  rows 2 }");
        TableValue value = (TableValue) execution.shown().getFirst().value();
        assertEquals(List.of("strike", "instrument"), value.table().columnNames());
        assertEquals(4, value.table().rowCount());
        assertEquals(2, value.displayRows());
    }

    @Test
    void theSameRecipeAndDataGiveTheSameOutputBitForBit() {
        String recipe = "data c = options(\"data/chain.csv\") {\n  set iv = implied_vol(mid_usd, forward, strike, time_to_expiry, type)\n"
                + "  set p = black(forward, strike, time_to_expiry, iv * 1.1, type)\n}\nshow c";
        String first = JsonRenderer.toJson(run(folder, recipe).shown().getFirst().value()).toString();
        String second = JsonRenderer.toJson(run(folder, recipe).shown().getFirst().value()).toString();
        assertEquals(first, second);
    }

    @Test
    void theSampleChainLoadsWithEveryStandardColumn() {
        Execution execution = run(Path.of("../examples"), "data chain = options(\"data/deribit-btc-sample.csv\")\nshow chain");
        assertEquals(List.of(), located(execution.diagnostics()));
        Table table = ((TableValue) execution.shown().getFirst().value()).table();
        assertEquals(130, table.rowCount());
        margo.dsl.registry.Registry.standard().chainColumns()
                .forEach(column -> assertTrue(table.containsColumn(column.name()), column.name()));
    }
}
