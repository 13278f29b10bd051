package margo.dsl.registry;

import static margo.dsl.registry.ParameterSpec.optional;
import static margo.dsl.registry.ParameterSpec.required;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import margo.core.margin.DeltaOneMarginTerms;
import margo.core.margin.OptionMarginTerms;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.ScenarioAggregation;
import margo.core.margin.ScenarioFormulaRule;
import margo.core.margin.SpanParameters;
import margo.core.smiles.SmileFitOptions;
import margo.dsl.check.Kind;
import margo.dsl.check.TableSchema;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * The registry's entries for margin and smiles: the {@code rules}, {@code book} and {@code surface} statements,
 * the rules and surface families with every setting (defaults read from core's own constants), and the built-ins
 * {@code positions}, {@code margin}, {@code what_if}, {@code stress}, {@code attribution}, {@code svi},
 * {@code ssvi}, {@code sabr}, {@code arbitrage} and {@code vol_of}.
 */
final class MarketEntries {

    private static final Set<Kind> NUMBER = Set.of(Kind.NUMBER);
    private static final Set<Kind> TEXT = Set.of(Kind.TEXT);
    static final String CHAIN = "data chain = options(\"data/deribit-btc-sample.csv\")\n";
    static final String BOOK = CHAIN + "book desk = positions(\"data/book.csv\", market chain)\n";
    static final ParameterSpec BOOK_PARAMETER =
            required("book", Set.of(Kind.BOOK), "book", "a book bound by book N = positions(...)");
    static final ParameterSpec RULES_PARAMETER = required("rules", Set.of(Kind.RULES), "margin rules",
            "a rules binding, or a family's defaults: deribit_standard, portfolio_margin, span");
    /** The last parameter of every margin built-in that values positions (see {@code ModelPositionPricer}). */
    static final ParameterSpec PRICED_BY_PARAMETER = optional("priced_by", Set.of(Kind.FIT, Kind.SURFACE),
            "fit or surface", "Black-76 at the market chain's mark IVs", List.of(), "a fit or a surface of the"
                    + " book's coin at its valuation time that prices the options instead: each option at the"
                    + " model's implied vol at its (moved) forward plus any vol shift, a parallel shift of the"
                    + " model's smile (which moves with the forward); futures and perpetuals, forwards and the"
                    + " index still come from the book's market");
    static final String FIT = "data near = options(\"data/deribit-btc-sample.csv\") {\n"
            + "  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.3 and expiry >= 2d\n"
            + "}\nmodel hs = heston\nfit hf = calibrate hs to near { starts 1 }\n";
    private static final ParameterSpec CHAIN_PARAMETER = required("data", Set.of(Kind.TABLE), "option chain",
            "a chain loaded by options(...), possibly filtered with keep");

    private final Registry registry;

    private MarketEntries(Registry registry) {
        this.registry = registry;
    }

    static void declare(Registry registry) {
        MarketEntries entries = new MarketEntries(registry);
        entries.statements();
        entries.portfolioMargin();
        entries.standardMargin();
        entries.span();
        entries.customRules();
        entries.surfaces();
        entries.marginFunctions();
        entries.surfaceFunctions();
    }

    private void statements() {
        registry.statement(new StatementSpec("rules", "rules N = FAMILY { setting value ... }",
                "Binds a margin rule set: a family (deribit_standard, portfolio_margin, span) with any of its"
                        + " settings changed; the others keep the family's defaults. A family's name alone is"
                        + " its defaults: margin(desk, deribit_standard). A custom rule is written in the block:"
                        + " scenarios, and initial = E over their P&L.",
                "rules pm = portfolio_margin { price_range 16%  vol_up 50%  maintenance 80% }"));
        registry.statement(new StatementSpec("book", "book N = positions(PATH, market CHAIN, index PRICE?, haircut H?)",
                "Binds a book of positions by account (see positions), valued in the market of a loaded chain;"
                        + " haircut sets its coin collateral's haircut, such as one calibrated by haircut(...).",
                BOOK + "show desk"));
        registry.statement(new StatementSpec("surface", "surface N = FAMILY(CHAIN) { setting value ... }",
                "Fits a family of smiles (svi, ssvi, sabr) to a chain's out-of-the-money implied volatilities;"
                        + " `show` gives the parameters, RMSE and arbitrage found for each expiry.",
                CHAIN + "surface sv = svi(chain) { arbitrage_free true }\nshow sv"));
    }

    // ---- rules families

    private void portfolioMargin() {
        PortfolioMarginParameters d = PortfolioMarginParameters.DERIBIT_BTC;
        family("rules", "portfolio_margin",
                "Deribit-style portfolio margin: the worst loss over a risk matrix of price moves times vol"
                        + " shocks, extended moves, roll and delta shocks; MM is a fraction of it. Defaults are"
                        + " Deribit's BTC set (core PortfolioMarginParameters.DERIBIT_BTC).",
                "rules pm = portfolio_margin { price_range 16%  price_points 9 }");
        String pm = "portfolio_margin";
        fraction(pm, "price_range", d.priceRange(), "the largest standard price move of the risk matrix, ±");
        setting(pm, "price_points", Kind.NUMBER, "odd whole number", Integer.toString(2 * d.bucketsCount() + 1),
                "price points of the risk matrix from -price_range to +price_range, zero included (9 at Deribit)",
                "price_points 9");
        fraction(pm, "vol_up", d.volatilityRangeUp(), "the relative up-shock of implied volatility, before the"
                + " time-to-expiry scaling");
        fraction(pm, "vol_down", d.volatilityRangeDown(), "the relative down-shock of implied volatility, before"
                + " the time-to-expiry scaling");
        setting(pm, "vega_power", Kind.NUMBER, "short / long", Decimals.plain(d.shortTermVegaPower()) + " / "
                        + Decimals.plain(d.longTermVegaPower()),
                "the powers p of the (30 / days to expiry)^p scaling of the vol shocks, below and from"
                        + " vega_switch; one number sets both", "vega_power 0.3 / 0.13");
        setting(pm, "vega_switch", Kind.DURATION, "duration", Decimals.plain(d.vegaPowerSwitchDays()) + "d",
                "the time to expiry where the short-term vega power gives way to the long-term one",
                "vega_switch 30d");
        setting(pm, "min_expiry", Kind.DURATION, "duration", Decimals.plain(d.minDaysToExpiry()) + "d",
                "the floor on time to expiry in the vol-shock scaling", "min_expiry 1d");
        fraction(pm, "min_vol", d.minVolatilityForShockUp(), "the floor on the implied volatility the up-shock"
                + " scales");
        registry.setting(new SettingSpec(pm, "extended", Kind.LIST, "list of relative price moves",
                Arrays.stream(d.extendedMoves()).mapToObj(Decimals::percent)
                        .collect(Collectors.joining(", ", "[", "]")),
                sentence("the extended-table price moves, vol up only; an empty list [] turns the extended table off"),
                settingExample(pm, "extended [-66%, -33%, 50%, 100%, 200%, 300%, 400%, 500%]")));
        setting(pm, "extended_factor", Kind.NUMBER, "fraction, 0 to 1", Decimals.plain(d.extendedTableFactor()),
                "a multiplier of the weight options get in the extended table", "extended_factor 1");
        fraction(pm, "roll_shock", d.annualisedMoveRisk(), "the roll shock's annualised price move: each"
                + " position's |delta| times max(floor, roll_shock x time to expiry)");
        fraction(pm, "floor", d.minAnnualisedMove(), "the roll shock's floor");
        fraction(pm, "delta_shock", d.maxDeltaShock(), "the delta shock: this fraction of the net USD delta"
                + " beyond delta_threshold");
        setting(pm, "delta_threshold", Kind.NUMBER, "USD", Decimals.plain(d.deltaShockThresholdUsd()),
                "the net USD delta below which no delta shock is charged", "delta_threshold 20000000");
        fraction(pm, "pnl_offset", d.pnlOffset(), "the share of a positive aggregated P&L kept in the aggregated"
                + " scenario vector");
        fraction(pm, "maintenance", d.mmFactor(), "maintenance margin as a fraction of the risk-matrix margin");
    }

    private void standardMargin() {
        OptionMarginTerms o = OptionMarginTerms.DERIBIT;
        DeltaOneMarginTerms f = DeltaOneMarginTerms.DERIBIT_BTC;
        family("rules", "deribit_standard",
                "Deribit standard margin, position by position: short options IM max(initial - OTM, floor) x"
                        + " index + mark, MM maintenance x index + mark; futures a fraction of notional growing"
                        + " with size. Defaults are Deribit's (core StandardMarginRule.DERIBIT); the futures"
                        + " settings, when given, apply to every coin's futures.",
                "rules standard = deribit_standard { option_initial 15%  option_maintenance 7.5% }");
        String sm = "deribit_standard";
        fraction(sm, "option_initial", o.initial(), "a short option's initial fraction of the index, before"
                + " subtracting how far out of the money it is");
        fraction(sm, "option_floor", o.initialFloor(), "the floor of a short option's initial fraction net of"
                + " out-of-the-money amount");
        fraction(sm, "option_maintenance", o.maintenance(), "a short option's maintenance fraction of the index");
        fraction(sm, "option_fee", o.fee(), "a liquidation-fee fraction of the index added to MM (0.2% at Bybit)");
        setting(sm, "entry_premium", Kind.BOOLEAN, "true or false", Boolean.toString(o.initialUsesEntryPrice()),
                "whether IM counts max(entry, mark) as the premium instead of the mark (Bybit)",
                "entry_premium false");
        fraction(sm, "future_initial", f.initial(), "a future's initial fraction of notional at zero size");
        fraction(sm, "future_maintenance", f.maintenance(), "a future's maintenance fraction of notional at zero"
                + " size");
        fraction(sm, "future_size_increment", f.sizeIncrement(), "the fraction added to both per coin of"
                + " position size");
    }

    private void span() {
        SpanParameters s = SpanParameters.CRYPTO_DEFAULT;
        family("rules", "span",
                "CME SPAN-style margin: the worst of 16 risk-array scenarios (price scan x vol scan, two extreme"
                        + " moves counted in part), plus calendar spread charge, floored by the short option"
                        + " minimum. Defaults are an illustrative crypto set (core SpanParameters.CRYPTO_DEFAULT).",
                "rules cme = span { price_scan 15%  vol_scan 10% }");
        fraction("span", "price_scan", s.priceScanRange(), "the price scan range, a fraction of the forward");
        fraction("span", "vol_scan", s.volatilityScanRange(), "the volatility scan range, added to and"
                + " subtracted from implied volatility (10% is ten vol points)");
        setting("span", "extreme_multiple", Kind.NUMBER, "multiple of price_scan", Decimals.plain(s.extremeMultiple()),
                "the extreme move in multiples of the price scan range", "extreme_multiple 2");
        fraction("span", "extreme_coverage", s.extremeCoverage(), "the fraction of the extreme-move loss counted");
        fraction("span", "short_option_minimum", s.shortOptionMinimum(), "the minimum per net short option, a"
                + " fraction of the index");
        fraction("span", "spread_charge", s.intraSpreadRate(), "the calendar spread charge per coin of delta"
                + " spread between expiries, a fraction of the index");
        setting("span", "initial_to_maintenance", Kind.NUMBER, "ratio, at least 1",
                Decimals.plain(s.initialToMaintenance()), "initial margin over maintenance margin",
                "initial_to_maintenance 1.1");
    }

    /**
     * {@code custom}: scenarios and formulas written in the recipe, compiled to core's ScenarioFormulaRule. Without
     * a written maintenance formula, MM equals IM: the only default that invents no buffer a venue would choose.
     */
    private void customRules() {
        String example = "rules house = custom {\n  price [-20%, -10%, 0%, 10%, 20%]\n  vol [-25%, 0%, 50%]\n"
                + "  scenario crash { price -50%  vol 80% }\n  initial = worst_loss + 10% * mean_loss\n"
                + "  maintenance = 80% * initial\n}\n";
        family("rules", "custom",
                "A rule written in the recipe: the book is revalued in the block's scenarios (every price move"
                        + " with every vol shift, plus named scenarios) and IM and MM are formulas over"
                        + " aggregates of its P&L in them (worst_loss, gross_loss, mean_loss, expected_shortfall,"
                        + " worst_gain, scenarios), in the settlement currency. MM is IM unless written.",
                BOOK + example + "show margin(desk, house)");
        String grid = "price [-20%, 0%, 20%]";
        customSetting("price", Kind.LIST, "list of relative price moves", "[0%]", "the price moves of the"
                + " scenario grid, each above -100%; the grid is every price move with every vol shift",
                grid + "  initial = worst_loss");
        customSetting("vol", Kind.LIST, "list of vol shifts (10% is ten vol points)", "[0%]", "the implied"
                + " volatility shifts of the scenario grid, added to every option's mark IV",
                grid + "  vol [-10%, 0%, 30%]  initial = worst_loss");
        customSetting("scenario", Kind.TEXT, "a name with { price move  vol shift  weight fraction }", "none",
                "a named scenario besides the grid, one per line: price (default 0%), vol (default 0%) and the"
                        + " weight of its P&L (default 100%; SPAN counts its extreme moves at 33%)",
                "scenario crash { price -50%  vol 80%  weight 33% }  initial = worst_loss");
        customSetting("tail", Kind.NUMBER, "fraction (25% is 0.25)", Decimals.percent(ScenarioAggregate.DEFAULT_TAIL),
                "the fraction of the scenarios,"
                + " worst first, that expected_shortfall averages (at least one scenario)",
                grid + "  tail 40%  initial = expected_shortfall");
        String amount = "settlement currency (BTC or USDC)";
        customSetting("initial", Kind.NUMBER, "formula, " + amount, "required", "the initial margin, written"
                + " initial = E over the scenario aggregates and bound numbers; it must come out finite and"
                + " at least 0", grid + "  initial = max(worst_loss, 2 * mean_loss)");
        customSetting("maintenance", Kind.NUMBER, "formula, " + amount, "initial", "the maintenance margin,"
                + " written maintenance = E; it may use initial", grid + "  initial = worst_loss"
                + "  maintenance = 75% * initial");

        aggregate("worst_loss", amount, "the largest loss of the book over the scenarios, a positive amount;"
                + " 0 when no scenario loses", (pnl, tail) -> ScenarioAggregation.worstLoss(pnl, pnl.length));
        aggregate("gross_loss", amount, "the sum of the book's losses over the scenarios, gains counting as 0",
                (pnl, tail) -> ScenarioFormulaRule.grossLoss(pnl));
        aggregate("mean_loss", amount, "the average loss over the scenarios, gains counting as 0: gross_loss"
                + " / scenarios", (pnl, tail) -> ScenarioFormulaRule.grossLoss(pnl) / pnl.length);
        aggregate("expected_shortfall", amount, "the average loss over the worst scenarios, the tail setting's"
                + " fraction of them rounded up, gains counting as 0", MarketEntries::expectedShortfall);
        aggregate("worst_gain", amount, "the largest gain of the book over the scenarios; 0 when none gains",
                (pnl, tail) -> Math.max(0.0, Arrays.stream(pnl).max().orElseThrow()));
        aggregate("scenarios", "count", "the number of scenarios: the grid's points plus the named ones",
                (pnl, tail) -> pnl.length);
    }

    /** The mean of the ceil(tail x n) largest losses, each max(0, -P&L): an expected shortfall over scenarios. */
    private static double expectedShortfall(double[] pnl, double tail) {
        double[] sorted = pnl.clone();
        Arrays.sort(sorted);
        int count = Math.max(1, (int) Math.ceil(tail * sorted.length - 1e-9));
        double loss = 0;
        for (int i = 0; i < count; i++) {
            loss += Math.max(0.0, -sorted[i]);
        }
        return loss / count;
    }

    private void customSetting(String name, Kind accepts, String unit, String defaultValue, String doc,
                               String block) {
        registry.setting(new SettingSpec("custom", name, accepts, unit, defaultValue, sentence(doc),
                BOOK + "rules r = custom { " + block + " }\nshow margin(desk, r)"));
    }

    private void aggregate(String name, String unit, String doc, ScenarioAggregate.Measure measure) {
        registry.scenarioAggregate(new ScenarioAggregate(name, unit, sentence(doc), BOOK
                + "rules r = custom { price [-20%, 0%, 20%]  initial = " + (name.equals("scenarios")
                ? "gross_loss / scenarios" : name) + " }\nshow margin(desk, r)", measure));
    }

    // ---- surface families

    private void surfaces() {
        SmileFitOptions d = SmileFitOptions.DEFAULT;
        family("surface", "svi", "Raw SVI per expiry (Gatheral 2004): a, b, rho, m, sigma for each expiry.",
                CHAIN + "surface sv = svi(chain)");
        family("surface", "ssvi", "One SSVI surface for all expiries (Gatheral and Jacquier 2014), power-law phi:"
                + " rho, eta, gamma and an at-the-money total variance theta per expiry.",
                CHAIN + "surface ss = ssvi(chain)");
        family("surface", "sabr", "Hagan's lognormal SABR per expiry (Hagan et al. 2002), beta fixed by the user:"
                + " alpha, rho, nu for each expiry.", CHAIN + "surface sb = sabr(chain) { beta 0.5 }");
        for (String family : List.of("svi", "ssvi", "sabr")) {
            setting(family, "arbitrage_free", Kind.BOOLEAN, "true or false", Boolean.toString(d.arbitrageFree()),
                    "whether to constrain the fit to be free of butterfly and calendar arbitrage on the check grid;"
                            + " an unconstrained fit is still checked and its violations shown",
                    "arbitrage_free true");
            choice(family, "quotes", List.of("mid", "mark"), "mid",
                    "which implied volatility to fit: mid (mid_iv, rows with a bid and an ask) or mark (mark_iv)",
                    "quotes mark");
            choice(family, "weight", List.of("equal", "vega"), "equal",
                    "how quotes weigh within an expiry: equal (RMSE in vol points) or vega (near the money counts"
                            + " more)", "weight vega");
        }
        setting("sabr", "beta", Kind.NUMBER, "0 to 1", Decimals.plain(d.sabrBeta()),
                "SABR's CEV exponent beta, fixed (1 lognormal, 0 normal)", "beta 0.5");
    }

    // ---- functions

    private void marginFunctions() {
        registry.function(new FunctionSpec("positions", List.of(
                required("path", TEXT, ParameterSpec.FILE_PATH, "the book file (account, instrument, size, average_price,"
                        + " haircut, margin_group), relative to the recipe's folder"),
                required("market", Set.of(Kind.TABLE), "option chain", "the loaded chain whose forwards and mark"
                        + " IVs value the positions"),
                optional("index", NUMBER, "USD per coin", "derived from the chain's forwards", List.of(),
                        "the coin's index price; when left out, the forward curve extrapolated to the chain's"
                                + " valuation time at the constant carry of its two nearest expiries"
                                + " (with one expiry, its forward)"),
                optional("haircut", Set.of(Kind.NUMBER, Kind.HAIRCUT), "fraction, or haircut(...)",
                        "the file's haircut column", List.of(),
                        "the haircut of every holding of the market's coin (BTC in a BTC chain), replacing the"
                                + " file's: a fraction such as 3%, or a haircut calibrated from the coin's history by"
                                + " haircut(HISTORY, ...). Stablecoins keep the file's haircuts")),
                false, Kind.BOOK, "book", false,
                "Loads a book of positions and collateral by account and margin group, valued by Black-76 at"
                        + " the market chain's forwards and mark IVs. Every row that cannot be used (an unknown"
                        + " instrument, an expiry the chain lacks, a bad size ...) is left out with a warning"
                        + " naming its line. An option at a strike the chain does not quote is kept, at a mark IV"
                        + " interpolated between its expiry's quoted strikes, with a warning naming it.",
                BOOK + "show margin(desk, deribit_standard)", new Implementation.Core()));
        registry.function(new FunctionSpec("margin", List.of(BOOK_PARAMETER, RULES_PARAMETER, PRICED_BY_PARAMETER),
                false, Kind.TABLE, "table", false,
                "The margin state of every account and margin group under the rules: equity, IM, MM (USD),"
                        + " their ratios, the available balance, the liquidation prices below and above the"
                        + " index, and the distance to the nearer one as a fraction of the index. With priced_by"
                        + " a calibrated model or a surface prices the options.",
                BOOK + FIT + "rules pm = portfolio_margin { price_range 16% }\nshow margin(desk, pm)\n"
                        + "show margin(desk, pm, priced_by hf)",
                new Implementation.Core()));
        registry.function(new FunctionSpec("what_if", List.of(BOOK_PARAMETER,
                required("instrument", TEXT, "instrument name", "the instrument traded, e.g."
                        + " \"BTC-29MAR24-70000-C\""),
                required("size", NUMBER, "coin", "the size traded, positive to buy, negative to sell"),
                RULES_PARAMETER,
                optional("account", TEXT, "account name", "every account", List.of(),
                        "the account that trades; its cross-margin pool takes the trade"), PRICED_BY_PARAMETER),
                false, Kind.TABLE, "table", false,
                "Pre-trade margin: each account's IM, MM and available balance before and after adding the"
                        + " trade, at the market's mark price (the model's price with priced_by), to its"
                        + " cross-margin pool; accepted is whether IM stays covered.",
                BOOK + "show what_if(desk, \"BTC-29MAR24-70000-C\", -10, deribit_standard, account \"calendar\")",
                new Implementation.Core()));
        registry.function(new FunctionSpec("stress", List.of(BOOK_PARAMETER,
                optional("rules", Set.of(Kind.RULES), "margin rules", "deribit_standard", List.of(),
                        "the rules the new margin state is computed under"),
                optional("price", NUMBER, "fraction", "0", List.of(), "the relative move of the index, every"
                        + " forward and the perpetual: -40% is forty percent down"),
                optional("vol", NUMBER, "vol points, decimal", "0", List.of(), "the shift added to every"
                        + " implied volatility: 10% adds ten vol points"), PRICED_BY_PARAMETER),
                false, Kind.TABLE, "table", false,
                "Each account and group after a market move: its P&L (USD) and its equity, IM, MM and"
                        + " maintenance ratio after. The move goes in the block of its show, `show stress(desk, pm)"
                        + " { price -40%, vol 20% }`, or in named arguments, where a negative one needs '='"
                        + " (`price = -40%`: `price -40%` would read as a subtraction).",
                BOOK + FIT + "show stress(desk, deribit_standard) { price -40%, vol 20% }\n"
                        + "show stress(desk, portfolio_margin, price = -20%)\n"
                        + "show stress(desk, priced_by hf) { price -40%, vol 80% }", new Implementation.Core()));
        registry.function(new FunctionSpec("attribution", List.of(BOOK_PARAMETER, RULES_PARAMETER, PRICED_BY_PARAMETER),
                false, Kind.TABLE, "table", false,
                "Each position's contribution to its group's IM in USD, by the rule's own attribution (the"
                        + " contributions sum to the group's IM), with the position's standalone IM.",
                BOOK + "show attribution(desk, portfolio_margin)", new Implementation.Core()));
        registry.function(new FunctionSpec("scenarios", List.of(BOOK_PARAMETER, RULES_PARAMETER,
                optional("price", Set.of(Kind.LIST), "list of fractions", "-50% to 50% in steps of 10%", List.of(),
                        "the relative moves of the index, every forward and the perpetual, increasing"),
                optional("vol", Set.of(Kind.LIST), "list of vol points, decimal", "-30% to 60% in steps of 15%",
                        List.of(), "the shifts added to every implied volatility, increasing (floored at zero vol)"),
                PRICED_BY_PARAMETER),
                false, Kind.FIGURE, "figure: P&L in USD by price move (%) and vol shock (vol points), one panel per"
                        + " margin group", false,
                "Each margin group's P&L (USD, the change of its equity, collateral included) when every price"
                        + " moves by a price move and every implied vol by a vol shock, to draw with `plot`: a heat"
                        + " map per account's cross pool and per isolated group, losses red and gains blue. The P&L"
                        + " is core's stress P&L;"
                        + " the rules are those of the book's margin and do not change the P&L.",
                BOOK + "surface sv = svi(chain)\n"
                        + "plot scenarios(desk, portfolio_margin, price [-40%, -20%, 0%, 20%, 40%],"
                        + " vol [-20%, 0%, 40%])\n"
                        + "plot scenarios(desk, portfolio_margin, priced_by sv)",
                new Implementation.Core()));
        registry.function(new FunctionSpec("liquidation", List.of(BOOK_PARAMETER, RULES_PARAMETER,
                optional("account", TEXT, "account name", "every account", List.of(),
                        "the account whose margin groups are drawn"), PRICED_BY_PARAMETER),
                false, Kind.FIGURE, "figure: equity and MM in USD against the index (USD), one panel per margin"
                        + " group", false,
                "Equity and maintenance margin (USD) of each margin group with positions against the index from"
                        + " 0.4 to 1.6 times it (wider when a liquidation price lies outside), every price moved by the same factor and implied vols at their"
                        + " marks, to draw with `plot`. The liquidation prices of `margin` (where equity meets MM)"
                        + " are marked on the MM line and named in the panel's title.",
                BOOK + "plot liquidation(desk, deribit_standard, account \"covered-call\")",
                new Implementation.Core()));
        Map<String, Kind> state = new LinkedHashMap<>();
        state.put("account", Kind.TEXT);
        state.put("group", Kind.TEXT);
        for (String column : List.of("equity", "initial_equity", "initial_margin", "maintenance_margin", "available",
                "initial_ratio", "maintenance_ratio", "liquidation_price_down", "liquidation_price_up",
                "distance_to_liquidation")) {
            state.put(column, Kind.NUMBER);
        }
        registry.resultSchema("margin", TableSchema.of(state, false));
        registry.resultSchema("what_if", schema(List.of("account", "group"), List.of("initial_margin_before",
                "initial_margin_after", "initial_margin_change", "maintenance_margin_before",
                "maintenance_margin_after", "maintenance_margin_change", "available_after"), List.of("accepted")));
        registry.resultSchema("stress", schema(List.of("account", "group"), List.of("price_move", "vol_shift", "pnl",
                "equity_before", "equity_after", "initial_margin_after", "maintenance_margin_after",
                "maintenance_ratio_after"), List.of()));
        registry.resultSchema("attribution", schema(List.of("account", "group", "instrument"), List.of("size",
                "initial_margin", "standalone_margin"), List.of()));
    }

    private void surfaceFunctions() {
        for (String family : List.of("svi", "ssvi", "sabr")) {
            registry.function(new FunctionSpec(family, List.of(CHAIN_PARAMETER), false, Kind.SURFACE, "surface",
                    false, registry.family(family).orElseThrow().doc() + " Settings go in the block of a"
                            + " surface statement.",
                    CHAIN + "surface s = " + family + "(chain)", new Implementation.Core()));
        }
        registry.function(new FunctionSpec("arbitrage", List.of(required("surface", Set.of(Kind.SURFACE), "surface",
                        "a surface bound by surface N = ...")), false, Kind.TABLE, "table", false,
                "The butterfly and calendar arbitrage the surface's checks found on the log-moneyness grid: one"
                        + " row per violation with its kind, expiries and log-moneyness range; no rows when"
                        + " none was found.",
                CHAIN + "surface sv = svi(chain)\nshow arbitrage(sv)", new Implementation.Core()));
        registry.resultSchema("arbitrage", schema(List.of("kind", "expiry", "later_expiry"),
                List.of("from_log_moneyness", "to_log_moneyness", "worst_value"), List.of()));
        registry.function(new FunctionSpec("vol_of", List.of(
                required("surface", Set.of(Kind.SURFACE), "surface", "a surface bound by surface N = ..."),
                required("time", Set.of(Kind.NUMBER, Kind.DURATION), "years (ACT/365)",
                        "time to expiry, e.g. time_to_expiry or 30d"),
                required("log_moneyness", NUMBER, "dimensionless", "ln(strike / forward), e.g. log_moneyness")),
                false, Kind.NUMBER, "decimal, annualised", true,
                "The surface's implied volatility at a time to expiry and log-moneyness; between fitted expiries"
                        + " total variance is interpolated linearly in time, outside them the vol is held flat."
                        + " Works per row in set.",
                CHAIN + "surface sv = svi(chain)\ndata fitted = options(\"data/deribit-btc-sample.csv\") {\n"
                        + "  set svi_iv = vol_of(sv, time_to_expiry, log_moneyness)\n}",
                new Implementation.Core()));
    }

    // ---- helpers

    private void family(String statement, String name, String doc, String example) {
        registry.family(new FamilySpec(statement, name, doc, example));
    }

    private void fraction(String family, String name, double defaultValue, String doc) {
        setting(family, name, Kind.NUMBER, "fraction (16% is 0.16)", Decimals.percent(defaultValue), doc,
                name + " " + Decimals.percent(defaultValue));
    }

    private void setting(String family, String name, Kind accepts, String unit, String defaultValue, String doc,
                         String setting) {
        registry.setting(new SettingSpec(family, name, accepts, unit, defaultValue, sentence(doc),
                settingExample(family, setting)));
    }

    private void choice(String family, String name, List<String> choices, String defaultValue, String doc,
                        String setting) {
        setting(family, name, Kind.TEXT, "one of " + String.join(", ", choices), defaultValue, doc, setting);
        registry.settingChoices(family, name, choices);
    }

    /** A recipe that uses one setting of a family, checked and run by the registry test. */
    private String settingExample(String family, String setting) {
        return switch (family) {
            case "svi", "ssvi", "sabr" -> CHAIN + "surface s = " + family + "(chain) { " + setting + " }";
            default -> "rules r = " + family + " { " + setting + " }";
        };
    }

    /** A setting's doc as a sentence: capitalised, with a full stop. */
    private static String sentence(String doc) {
        return Character.toUpperCase(doc.charAt(0)) + doc.substring(1) + ".";
    }

    private static TableSchema schema(List<String> texts, List<String> numbers, List<String> booleans) {
        Map<String, Kind> columns = new LinkedHashMap<>();
        texts.forEach(name -> columns.put(name, Kind.TEXT));
        numbers.forEach(name -> columns.put(name, Kind.NUMBER));
        booleans.forEach(name -> columns.put(name, Kind.BOOLEAN));
        return TableSchema.of(columns, false);
    }
}
