package margo.dsl.check;

import static margo.dsl.check.CheckerTest.only;
import static margo.dsl.run.Recipes.check;
import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.run.Execution;
import org.junit.jupiter.api.Test;

/** The checker on rules, book and surface statements and the margin and smile built-ins. */
class MarginAndSurfaceCheckerTest {

    private static final String BOOK = "data chain = options(\"chain.csv\")\n"
            + "book desk = positions(\"x.csv\", market chain)\n";

    @Test
    void aRecipeOfEveryNewFormChecksCleanly() {
        Execution execution = check(BOOK + """
                rules pm = portfolio_margin {
                  price_range 16%   price_points 9
                  vol_up 50%  vol_down 25%  vega_power 0.3 / 0.13
                  extended [-66%, -33%, 50%, 100%, 200%, 300%, 400%, 500%]
                  roll_shock 7.5% floor 1%
                  maintenance 80%  vega_switch 30d
                }
                rules cme = span { price_scan 12% }
                show margin(desk, pm)
                show margin(desk, deribit_standard)
                show what_if(desk, "BTC-29MAR24-70000-C", -10, pm, account "calendar")
                show stress(desk, price = -40%, vol = 80%)
                show attribution(desk, cme)
                surface sv = svi(chain) { arbitrage_free true  quotes mark  weight "vega" }
                surface sb = sabr(chain) { beta 0.5 }
                show arbitrage(sv)
                data fitted = chain { set svi_iv = vol_of(sv, time_to_expiry, log_moneyness) }
                show fitted { columns [instrument, svi_iv] }
                """);
        assertEquals(List.of(), located(execution.diagnostics()));
    }

    @Test
    void aMisspeltSettingIsReportedWithTheNearestOfItsFamily() {
        Diagnostic error = only(check("rules pm = portfolio_margin { price_rang 16% }\n"));
        assertEquals(List.of("1:31 portfolio_margin has no setting 'price_rang'"), located(List.of(error)));
        assertEquals("did you mean price_range?", error.hint());
    }

    @Test
    void aSettingOfAnotherFamilyIsUnknownInThisOne() {
        Diagnostic error = only(check("rules sm = deribit_standard { price_range 16% }\n"));
        assertEquals("1:31 deribit_standard has no setting 'price_range'", located(List.of(error)).getFirst());
    }

    @Test
    void aDurationWhereAFractionBelongsIsAUnitMismatch() {
        Diagnostic error = only(check("rules pm = portfolio_margin { price_range 2d }\n"));
        assertEquals("1:43 unit mismatch: price_range takes a number (fraction (16% is 0.16)), not a duration",
                located(List.of(error)).getFirst());
        assertEquals("price_range is not a time; write e.g. 16%", error.hint());
    }

    @Test
    void aPlainNumberWhereADurationBelongsIsAUnitMismatch() {
        Diagnostic error = only(check("rules pm = portfolio_margin { vega_switch 30 }\n"));
        assertEquals("1:43 unit mismatch: vega_switch takes a duration (duration), not a number",
                located(List.of(error)).getFirst());
    }

    @Test
    void bothHalvesOfAPairAreChecked() {
        assertEquals(List.of("1:48 unit mismatch: vega_power takes a number (short / long), not a duration"),
                located(check("rules pm = portfolio_margin { vega_power 0.3 / 2d }\n").diagnostics()));
    }

    @Test
    void anExtendedMoveMustBeANumber() {
        assertEquals(List.of("1:47 unit mismatch: extended takes numbers (price moves such as -33% or 100%), not a"
                        + " duration"),
                located(check("rules pm = portfolio_margin { extended [-33%, 2d] }\n").diagnostics()));
    }

    @Test
    void anUnknownRulesFamilyIsReportedWithTheNearest() {
        Diagnostic error = only(check("rules pm = portfolio_margn { }\n"));
        assertEquals("1:12 rules needs a rules family: portfolio_margin, deribit_standard, span, custom",
                located(List.of(error)).getFirst());
        assertEquals("did you mean portfolio_margin?", error.hint());
    }

    @Test
    void rulesOfTheWrongKindPassedToMarginAreAKindError() {
        Diagnostic error = only(check(BOOK + "show margin(desk, chain)\n"));
        assertEquals("3:19 argument 'rules' of margin must be margin rules, not a table",
                located(List.of(error)).getFirst());
    }

    @Test
    void aBookWithoutAMarketIsMissingItsMarketArgument() {
        Diagnostic error = only(check("book desk = positions(\"x.csv\")\n"));
        assertEquals("1:13 positions takes 2 to 4 arguments, not 1", located(List.of(error)).getFirst());
        assertEquals("positions(path, market, index?, haircut?); missing: market", error.hint());
    }

    @Test
    void aBookStatementNeedsPositions() {
        assertEquals(List.of("1:13 book needs positions, not a number"), located(check("book desk = 42\n").diagnostics()));
    }

    @Test
    void everyMarginBuiltInTakesAFitOrASurfaceAsPricedBy() {
        Execution execution = check(BOOK + """
                model hs = heston
                fit hf = calibrate hs to chain
                surface sv = svi(chain)
                show margin(desk, deribit_standard, priced_by hf)
                show what_if(desk, "BTC-29MAR24-70000-C", -10, span, priced_by sv)
                show stress(desk, priced_by hf) { price -40%, vol +80% }
                show attribution(desk, portfolio_margin, priced_by = sv)
                plot scenarios(desk, portfolio_margin, priced_by hf)
                plot liquidation(desk, span, account "hedged", priced_by hf)
                """);
        assertEquals(List.of(), located(execution.diagnostics()));
    }

    @Test
    void pricedByATableIsAWrongKindWithWhatItTakes() {
        Diagnostic error = only(check(BOOK + "show margin(desk, deribit_standard, priced_by chain)\n"));
        assertEquals("3:47 argument 'priced_by' of margin must be a surface or a fit, not a table",
                located(List.of(error)).getFirst());
        assertEquals("priced_by takes a fit (fit f = calibrate MODEL to CHAIN) or a surface (surface s = svi(CHAIN))",
                error.hint());
    }

    @Test
    void pricedByAModelThatIsNotCalibratedSaysToCalibrateIt() {
        Diagnostic error = only(check(BOOK + "model hs = heston\nshow stress(desk, priced_by hs)\n"));
        assertEquals("4:29 argument 'priced_by' of stress must be a surface or a fit, not a model",
                located(List.of(error)).getFirst());
        assertEquals("calibrate it first: fit f = calibrate hs to CHAIN", error.hint());
    }

    @Test
    void aSurfaceNeedsASmileFamilyAppliedToAChain() {
        Diagnostic error = only(check("data chain = options(\"chain.csv\")\nsurface sv = svj(chain)\n"));
        assertEquals("2:14 surface needs a smile family applied to a chain: svi(chain), ssvi(chain), sabr(chain)",
                located(List.of(error)).getFirst());
        assertEquals("did you mean svi?", error.hint());
    }

    @Test
    void aChoiceSettingTakesOnlyItsWords() {
        Diagnostic error = only(check("data chain = options(\"chain.csv\")\nsurface sv = svi(chain) { quotes marks }\n"));
        assertEquals("2:34 quotes takes one of mid, mark", located(List.of(error)).getFirst());
        assertEquals("did you mean mark?", error.hint());
    }

    @Test
    void betaBelongsToSabrOnly() {
        assertEquals(List.of("2:27 svi has no setting 'beta'"), located(check(
                "data chain = options(\"chain.csv\")\nsurface sv = svi(chain) { beta 0.5 }\n").diagnostics()));
    }

    @Test
    void aRulesBindingShadowsTheFamilyOfTheSameNameAndAFamilyNameIsAValue() {
        assertEquals(List.of(), located(check("let r = span\nrules span2 = span { vol_scan 5% }\n").diagnostics()));
    }

    @Test
    void aNegativeNamedArgumentWithoutEqualsIsExplained() {
        Diagnostic error = only(check(BOOK + "show stress(desk, span, price -40%)\n"));
        assertEquals("3:25 'price -40%' reads as price minus a number", located(List.of(error)).getFirst());
        assertEquals("a negative named argument needs '=': price = -40%", error.hint());
    }

    @Test
    void aStressMoveInTheShowBlockIsCheckedAndMayNotRepeatAnArgument() {
        assertEquals(List.of(), located(check(BOOK + "show stress(desk, span) { price -40%, vol +80% }\n").diagnostics()));
        assertEquals(List.of("3:41 the price move is given twice, as an argument and in the block",
                        "3:57 unit mismatch: vol takes a number (vol points added, e.g. 20%), not a duration"),
                located(check(BOOK + "show stress(desk, span, price = -20%) { price -40%, vol 2d }\n").diagnostics()));
    }

    @Test
    void checkReportsABookFileThatDoesNotExistWithoutReadingData() {
        List<String> errors = located(check("data chain = options(\"chain.csv\")\n"
                + "book d = positions(\"nobook.csv\", market chain)\n").diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("2:10 cannot read nobook.csv: no such file"), errors.getFirst());
    }
}
