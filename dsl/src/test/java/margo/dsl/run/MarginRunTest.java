package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running rules, books and their built-ins: warnings for bad book rows, range errors at the value, the index. */
class MarginRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String CHAIN = "data chain = options(\"data/deribit-btc-sample.csv\")\n";

    @TempDir
    Path folder;

    @Test
    void eachUnusableBookRowIsAWarningAtTheCallNamingItsLineAndTheRestIsMargined() throws Exception {
        Execution execution = standardMarginOf("""
                a,BTC-27DEC24-70000-C,-1,0.0300,,
                a,BTC-29MAR24-70000-C,lots,0.0310,,
                """);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        List<Diagnostic> warnings = execution.diagnostics();
        assertEquals(2, warnings.size(), () -> located(warnings).toString());  // an expiry the chain lacks, a bad size
        for (Diagnostic warning : warnings) {
            assertEquals(2, warning.span().line());
            assertTrue(warning.message().startsWith("book.csv line "), warning.message());
            assertTrue(warning.message().endsWith("(row left out)"), warning.message());
        }
        assertTrue(warnings.get(0).message().contains("line 4"), warnings.get(0).message());
        assertTrue(warnings.get(1).message().contains("line 5"), warnings.get(1).message());
        TableValue margin = (TableValue) execution.shown().getFirst().value();
        assertEquals(1, margin.table().rowCount());
        assertTrue(margin.table().doubleColumn("initial_margin").getDouble(0) > 0);
    }

    @Test
    void anOptionTheChainDoesNotQuoteIsMarginedOffTheSmileWithAWarningAtTheMarket() throws Exception {
        Execution execution = standardMarginOf("a,BTC-29MAR24-71234-C,-1,0.0300,,\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        List<String> warnings = located(execution.diagnostics());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.getFirst().startsWith("2:42 chain does not quote BTC-29MAR24-71234-C: valued at a mark IV"
                + " interpolated between the quoted strikes"), warnings.getFirst());
        assertEquals(1, ((TableValue) execution.shown().getFirst().value()).table().rowCount());
    }

    @Test
    void aLongAndAShortOfOneOptionInTwoRowsNetToAFlatPositionUnderPortfolioMargin() throws Exception {
        // Booked as two trades, +3 and -3: row by row the roll shock charged about 1,550 USD for nothing held.
        Files.copy(EXAMPLES.resolve("data/deribit-btc-sample.csv"), folder.resolve("chain.csv"));
        Files.writeString(folder.resolve("book.csv"), """
                account,instrument,size,average_price,haircut,margin_group
                a,BTC,1,,0,
                a,BTC-29MAR24-60000-C,3,0.0850,,
                a,BTC-29MAR24-60000-C,-3,0.0850,,
                """);
        Execution execution = Recipes.run(folder, "data chain = options(\"chain.csv\")\n"
                + "book desk = positions(\"book.csv\", market chain, index 61000)\n"
                + "show margin(desk, portfolio_margin)\nshow attribution(desk, portfolio_margin)\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        TableValue margin = (TableValue) execution.shown().getFirst().value();
        assertEquals(0.0, margin.table().doubleColumn("initial_margin").getDouble(0), 0.0);
        assertEquals(0.0, margin.table().doubleColumn("maintenance_margin").getDouble(0), 0.0);
        TableValue attribution = (TableValue) execution.shown().get(1).value();
        assertEquals(2, attribution.table().rowCount(), "one row per booked row");
    }

    @Test
    void aBookRowRepeatedExactlyIsCountedWithAWarningNamingBothLines() throws Exception {
        Execution execution = standardMarginOf("a,BTC-29MAR24-70000-C,-10,0.0310,,\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertEquals(List.of("2:13 book.csv line 4 (BTC-29MAR24-70000-C): repeats line 3 exactly; both rows are"
                + " counted (delete one if the trade was booked twice)"), located(execution.diagnostics()));
    }

    /**
     * {@code show margin(desk, deribit_standard)} of account a, 10 BTC short ten 29MAR24 70000 calls (book lines 2
     * and 3), plus {@code rows} from line 4, in the sample chain's market.
     */
    private Execution standardMarginOf(String rows) throws Exception {
        Files.copy(EXAMPLES.resolve("data/deribit-btc-sample.csv"), folder.resolve("chain.csv"));
        Files.writeString(folder.resolve("book.csv"), """
                account,instrument,size,average_price,haircut,margin_group
                a,BTC,10,,0,
                a,BTC-29MAR24-70000-C,-10,0.0310,,
                """ + rows);
        return Recipes.run(folder, "data chain = options(\"chain.csv\")\n"
                + "book desk = positions(\"book.csv\", market chain, index 61000)\nshow margin(desk, deribit_standard)\n");
    }

    @Test
    void aWhatIfOnAStrikeTheChainDoesNotQuoteWarnsAtTheInstrument() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN
                + "book desk = positions(\"data/book.csv\", market chain, index 61000)\n"
                + "show what_if(desk, \"BTC-29MAR24-71234-C\", -10, span, account \"calendar\")\n"
                + "show what_if(desk, \"BTC-29MAR24-70000-C\", -10, span, account \"calendar\")\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        List<String> warnings = located(execution.diagnostics());
        assertEquals(List.of("3:20 the book's market does not quote BTC-29MAR24-71234-C: valued at a mark IV"
                + " interpolated between the quoted strikes of its expiry (held flat beyond them), or by the model"
                + " with priced_by"), warnings, "the quoted 70000 call gets none");
    }

    @Test
    void theDerivedIndexIsTheSamplesSpotSoTheMarginsAgreeWithTheStatedOne() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN
                + "book derived = positions(\"data/book.csv\", market chain)\n"
                + "book stated = positions(\"data/book.csv\", market chain, index 61000)\n"
                + "show margin(derived, deribit_standard)\nshow margin(stated, deribit_standard)\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        var derived = ((TableValue) execution.shown().get(0).value()).table().doubleColumn("initial_margin");
        var stated = ((TableValue) execution.shown().get(1).value()).table().doubleColumn("initial_margin");
        // The sample's forwards are 61000 exp(0.12 T) rounded to cents, so the derived index is 61000 to a cent.
        for (int r = 0; r < stated.size(); r++) {
            assertEquals(stated.getDouble(r), derived.getDouble(r), 1e-6 * stated.getDouble(r));
        }
    }

    @Test
    void anEvenNumberOfPricePointsIsAnErrorAtTheValue() {
        Execution execution = Recipes.run(EXAMPLES, "rules pm = portfolio_margin { price_points 8 }\n");
        assertEquals(List.of("1:44 price_points must be an odd whole number of at least 3 (zero and the same count"
                + " of moves each side), not 8"), located(execution.diagnostics()));
    }

    @Test
    void aFractionOutOfRangeIsAnErrorAtTheValue() {
        Execution execution = Recipes.run(EXAMPLES, "rules sm = deribit_standard { option_initial 150% }\n");
        assertEquals(List.of("1:46 option_initial must be between 0 and 1, not 1.5"), located(execution.diagnostics()));
    }

    @Test
    void anOpenRangeSaysWhichEndsAreExcluded() {
        Execution scan = Recipes.run(EXAMPLES, "rules s = span { price_scan 100% }\n");
        assertEquals(List.of("1:29 price_scan must be above 0 and below 1, not 1"), located(scan.diagnostics()));
        Execution tail = Recipes.run(EXAMPLES, "rules r = custom { price [-10%]  tail 0%  initial = expected_shortfall }\n");
        assertEquals(List.of("1:39 tail must be above 0 and at most 1, not 0"), located(tail.diagnostics()));
    }

    @Test
    void anUnknownAccountInAWhatIfIsAnErrorWithTheNearestAccount() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + "book desk = positions(\"data/book.csv\", market chain)\n"
                + "show what_if(desk, \"BTC-29MAR24-70000-C\", -1, span, account \"calender\")\n");
        assertEquals(List.of("3:61 the book has no account 'calender'"), located(execution.diagnostics()));
        assertEquals("did you mean calendar?", execution.diagnostics().getFirst().hint());
    }

    @Test
    void aTradeInAnInstrumentTheMarketLacksIsAnErrorAtTheInstrument() {
        Execution execution = Recipes.run(EXAMPLES, CHAIN + "book desk = positions(\"data/book.csv\", market chain)\n"
                + "show what_if(desk, \"BTC-27DEC24-70000-C\", -1, span)\n");
        assertEquals(1, execution.diagnostics().size(), () -> located(execution.diagnostics()).toString());
        assertTrue(located(execution.diagnostics()).getFirst().startsWith("3:20 cannot trade BTC-27DEC24-70000-C: "),
                located(execution.diagnostics()).getFirst());
    }

    @Test
    void rulesShowEverySettingWithItsSource() {
        Execution execution = Recipes.run(EXAMPLES, "rules pm = portfolio_margin { price_range 12%  vega_power 0.2 }\nshow pm\n");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        var table = ((margo.dsl.value.RulesValue) execution.shown().getFirst().value()).display().table();
        assertEquals(margo.dsl.registry.Registry.standard().settings("portfolio_margin").size(), table.rowCount());
        assertEquals("12%", table.stringColumn("value").get(0));
        assertEquals("recipe", table.stringColumn("source").get(0));
        assertEquals("default", table.stringColumn("source").get(1));
        var rule = (margo.core.margin.PortfolioMarginRule) ((margo.dsl.value.RulesValue) execution.shown().getFirst()
                .value()).rule();
        assertEquals(0.12, rule.parameters().priceRange(), 0);
        assertEquals(0.2, rule.parameters().shortTermVegaPower(), 0);
        assertEquals(0.2, rule.parameters().longTermVegaPower(), 0);
    }
}
