package margo.dsl.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.core.hedging.Greek;
import margo.dsl.check.Kind;
import margo.dsl.check.TableSchema;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * The registry's entries for hedging: the built-ins {@code greeks}, {@code hedge} and {@code hedged}, the columns of
 * the greeks table and the settings of a hedge's block. The user's guide is {@code docs/hedging.md}.
 */
final class HedgingEntries {

    private final Registry registry;

    private HedgingEntries(Registry registry) {
        this.registry = registry;
    }

    /** The statement whose settings a hedge's block takes, in the registry. */
    static final String HEDGE = "hedge";
    /** A hedge of the shipped book with one more setting in its block (%s), shown. */
    private static final String EXAMPLE = MarketEntries.BOOK + "let h = hedge(desk, \"short-strangle\") {\n"
            + "  using [\"BTC-PERPETUAL\", \"BTC-26APR24-60000-C\"]\n"
            + "  target { net_delta 0 +/- 0.3  gamma 0 +/- 0.03 }\n  %s\n}\nshow h";

    static void declare(Registry registry) {
        HedgingEntries entries = new HedgingEntries(registry);
        entries.greeks();
        entries.hedge();
    }

    private void hedge() {
        registry.statement(new StatementSpec(HEDGE, "let N = hedge(BOOK, ACCOUNT) { using [INSTRUMENTS or CHAIN];"
                + " target { GREEK c +/- w ... }; minimize cost|trades|margin RULES; lot L; max_size M; rules R }",
                "Finds the trades that bring an account's cross-pool greeks inside the targets at the least spread"
                        + " cost (bought at the ask, sold at the bid), the fewest coins traded, or the least"
                        + " portfolio-margin IM, solved exactly as a linear program; sizes come in lots, the best"
                        + " combination of whole lots near the continuous optimum chosen. show N gives the trades,"
                        + " a before and after table (greeks, IM, MM, cost) and which terms were optimised exactly"
                        + " and which re-evaluated; hedged(N) is the hedged book. Targets no trade can meet are an"
                        + " error naming the binding target and the best achievable values. See docs/hedging.md.",
                EXAMPLE.formatted("minimize cost")));
        setting("using", Kind.LIST, "instrument names, or chains of candidate rows", "required",
                "the instruments the hedge may trade: names (options at the book's market chain's bid and ask,"
                        + " futures and perpetuals at their mark with no spread) and tables of chain rows (a filtered"
                        + " chain: every row an option at its own bid and ask)",
                "using [\"BTC-PERPETUAL\", \"BTC-26APR24-60000-C\"]");
        setting("target", Kind.NUMBER, "a block of GREEK c +/- w or GREEK in [lo, hi], in the greek's unit",
                "no targets", "the limits on the hedged greeks, named as the columns of greeks(book): delta,"
                        + " net_delta, delta_usd, gamma, gamma_usd, vega, vega_usd, theta, theta_usd, vanna,"
                        + " vanna_usd, volga, volga_usd", "target { net_delta 0 +/- 0.3  gamma in [-0.03, 0.03] }");
        setting("minimize", Kind.TEXT, "cost, trades or margin RULES", "cost",
                "what the hedge minimises: cost (USD lost to the spread), trades (coins traded) or margin RULES"
                        + " (the IM of portfolio-margin rules: worst case, roll shock and delta shock)",
                "minimize margin portfolio_margin");
        setting("lot", Kind.NUMBER, "coin", "0.1", "the size step of every trade (0 for any size)", "lot 0.5");
        setting("max_size", Kind.NUMBER, "coin", "no limit", "the largest size bought or sold of one instrument",
                "max_size 20");
        setting("rules", Kind.RULES, "margin rules", "deribit_standard, or the rules of minimize margin",
                "the rules the IM and MM before and after are computed under", "rules portfolio_margin");
        registry.function(new FunctionSpec("hedge", List.of(MarketEntries.BOOK_PARAMETER,
                ParameterSpec.required("account", Set.of(Kind.TEXT), "account name", "the account whose cross pool"
                        + " is hedged and takes the trades")), false, Kind.HEDGE, "hedge", false,
                "A hedge of one account, written with its block as let N = hedge(BOOK, ACCOUNT) { ... } or show"
                        + " hedge(...) { ... }; see the hedge statement for the block.",
                EXAMPLE.formatted("minimize margin portfolio_margin  lot 0.1"), new Implementation.Core()));
        registry.function(new FunctionSpec("hedged", List.of(ParameterSpec.required("hedge", Set.of(Kind.HEDGE),
                "hedge", "a hedge bound by let N = hedge(...) { ... }")), false, Kind.BOOK, "book", false,
                "The book after the hedge: its trades added to the account's cross pool at the prices they traded,"
                        + " valued in the same market, for margin, stress, greeks and scenarios.",
                EXAMPLE.formatted("minimize cost") + "\nplot scenarios(hedged(h), portfolio_margin)",
                new Implementation.Core()));
    }

    private void setting(String name, Kind accepts, String unit, String defaultValue, String doc, String setting) {
        registry.setting(new SettingSpec(HEDGE, name, accepts, unit, defaultValue,
                Character.toUpperCase(doc.charAt(0)) + doc.substring(1) + ".",
                name.equals("using") || name.equals("target") ? EXAMPLE.formatted("") : EXAMPLE.formatted(setting)));
    }

    private void greeks() {
        StringBuilder units = new StringBuilder();
        for (Greek greek : Greek.values()) {
            units.append(units.isEmpty() ? "" : "; ").append(greek.columnName()).append(" in ").append(greek.unit());
        }
        registry.function(new FunctionSpec("greeks", List.of(MarketEntries.BOOK_PARAMETER,
                MarketEntries.PRICED_BY_PARAMETER), false, Kind.TABLE, "table", false,
                "The greeks of every account and margin group, by expiry (perpetual and coin collateral in buckets of"
                        + " their own) and in total: the sensitivities of the group's USD equity to every price"
                        + " moving together, every implied vol shifting and calendar time passing, each option by"
                        + " Black-76 at its implied vol (the mark IV, or the model's with priced_by; sticky strike)."
                        + " Columns: " + units + ". `plot greeks(desk)` draws them by days to expiry.",
                MarketEntries.BOOK + "show greeks(desk)\nplot greeks(desk)", new Implementation.Core()));
        Map<String, Kind> columns = new LinkedHashMap<>();
        for (String text : List.of("account", "group", "expiry")) {
            columns.put(text, Kind.TEXT);
        }
        for (Greek greek : Greek.values()) {
            columns.put(greek.columnName(), Kind.NUMBER);
        }
        registry.resultSchema("greeks", TableSchema.of(columns, false));
    }
}
