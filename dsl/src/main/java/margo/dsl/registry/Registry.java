package margo.dsl.registry;

import static margo.dsl.registry.ParameterSpec.optional;
import static margo.dsl.registry.ParameterSpec.required;
import static margo.dsl.registry.ParameterSpec.requiredChoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import margo.core.market.ChainColumn;
import margo.core.market.ChainField;
import margo.core.market.ChainFormat;
import margo.core.models.BatesParameters;
import margo.core.models.HestonParameters;
import margo.core.models.MertonParameters;
import margo.core.models.VarianceGammaParameters;
import margo.dsl.check.Kind;
import margo.dsl.check.TableSchema;
import margo.dsl.plot.SmileAxis;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * Every built-in of the language, declared once (docs/language.md, "Built-in reference"): functions with their
 * signatures, units and examples, statement forms, settings, the standard columns of an option chain and the
 * rules that belong to no single built-in. The checker, the runner, {@code margo docs} and the kernel's
 * completion and inspection all read this one instance.
 */
public final class Registry {

    private static final Set<Kind> NUMBER = Set.of(Kind.NUMBER);
    private static final Set<Kind> NUMBER_OR_DURATION = Set.of(Kind.NUMBER, Kind.DURATION);
    private static final Set<Kind> TEXT = Set.of(Kind.TEXT);
    /** The parameters Black-76 pricing and implied volatility share (Black76 and ImpliedVolatility in core). */
    private static final ParameterSpec FORWARD =
            required("forward", NUMBER, "USD per unit of underlying", "the forward price F, e.g. the forward column");
    private static final ParameterSpec STRIKE = required("strike", NUMBER, "USD per unit of underlying", "the strike K");
    private static final ParameterSpec TIME = required("time", NUMBER_OR_DURATION, "years (ACT/365)",
            "time to expiry, e.g. 30d or time_to_expiry");
    private static final ParameterSpec OPTION_TYPE = requiredChoice("type", "text", List.of("call", "put", "c", "p"),
            "\"call\" or \"put\" (or the type column)");

    /** The title of the note on {@code expiry >= 2d}. */
    static final String TIME_REMAINING = "Time remaining";

    private static final Registry STANDARD = new Registry();

    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    private final Map<String, StatementSpec> statements = new LinkedHashMap<>();
    /** The clauses of blocks that are keywords of their own ({@code keep}, {@code set}, {@code require}), by keyword. */
    private final Map<String, StatementSpec> clauses = new LinkedHashMap<>();
    private final Map<String, Map<String, SettingSpec>> settings = new LinkedHashMap<>();
    private final List<ColumnSpec> chainColumns = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final Map<String, FamilySpec> families = new LinkedHashMap<>();
    private final Map<String, List<String>> settingChoices = new LinkedHashMap<>();
    private final Map<String, TableSchema> resultSchemas = new LinkedHashMap<>();
    private final Map<String, ModelFamily> modelFamilies = new LinkedHashMap<>();
    private final Map<String, ScenarioAggregate> scenarioAggregates = new LinkedHashMap<>();

    private Registry() {
        declareFunctions();
        declareStatements();
        MarketEntries.declare(this);
        HistoryEntries.declare(this);
        TextEntries.declare(this);
        HedgingEntries.declare(this);
        ProofEntries.declare(this);
        declareChainColumns();
        declareNotes();
        declareModels();
        // After the fit's settings, which a replay takes (all but warm_start and time_limit).
        SeriesEntries.declare(this);
    }

    /** The registry of the standard language. */
    public static Registry standard() {
        return STANDARD;
    }

    private void declareFunctions() {
        List<String> formats = new ArrayList<>();
        for (ChainFormat format : ChainFormat.values()) {
            formats.add(format.name().toLowerCase(Locale.ROOT));
        }
        ParameterSpec format = optional("format", TEXT, "text", "auto: detected from the file", formats,
                "the file layout: " + String.join(", ", formats));
        ParameterSpec ivUnit = optional("iv_unit", TEXT, "text", "decided from the data", List.of("percent", "decimal"),
                "whether the file's implied volatilities are percent (55.2) or decimals (0.552)");
        List<ParameterSpec> options = new ArrayList<>(List.of(
                required("path", TEXT, ParameterSpec.FILE_PATH, "the chain file, relative to the recipe's folder"), format,
                optional("as_of", Set.of(Kind.INSTANT), "UTC", "the timestamp in the data",
                        List.of(), "the valuation time, from which time to expiry is measured"), ivUnit,
                optional("layout", Set.of(Kind.LAYOUT), "layout", "none: the format's own column names", List.of(),
                        "the file's columns, from layout(...); a column named here as well overrides the layout's")));
        options.addAll(columnParameters());
        function(new FunctionSpec("options", options,
                false, Kind.TABLE, "table", false,
                "Loads an option chain (Deribit or Tardis CSV/JSON, Cboe's delayed quotes, or the generic CSV schema)"
                        + " into a table with the standard chain columns. Rows that fail validation are left out,"
                        + " each with a warning naming its line; what was decided for the whole file (the unit of its"
                        + " implied volatilities and the evidence, a timestamp unit other than the documented one) is a"
                        + " note. A file whose columns have other names is read through a layout (see layout).",
                "data chain = options(\"data/deribit-btc-sample.csv\")",
                new Implementation.Core()));
        List<ParameterSpec> layout = new ArrayList<>(List.of(format, ivUnit));
        layout.addAll(columnParameters());
        function(new FunctionSpec("layout", layout, false, Kind.LAYOUT, "layout", false,
                "The columns of a chain file that do not go by its format's names, saved to give to several"
                        + " options(...) calls: each named argument is a field of the chain and the file's column that"
                        + " holds it (forward \"underlying\"); fields left out keep the format's names. A column"
                        + " mapped to one field is no longer read under its own name for another. With format and"
                        + " iv_unit as in options.",
                "let collector = layout(forward \"underlying\", mark_iv \"implied_volatility\", iv_unit \"decimal\",\n"
                        + "                       timestamp \"timestamp\")\n"
                        + "data chain = options(\"data/deribit-collector-btc-eth.csv\", layout collector) {\n"
                        + "  keep underlying == \"BTC\"\n}",
                new Implementation.Core()));
        function(new FunctionSpec("black", List.of(
                FORWARD, STRIKE, TIME,
                required("vol", NUMBER, "decimal, annualised", "the volatility, e.g. 55% or mid_iv"),
                OPTION_TYPE),
                false, Kind.NUMBER, "units of forward (USD), undiscounted", true,
                "Black-76 price of a European option on a forward, undiscounted (Black 1976, \"The pricing of"
                        + " commodity contracts\", J. Financial Economics 3). NaN when an input is out of its"
                        + " domain (a forward or strike not positive, a negative time or vol).",
                "let premium = black(60000, 65000, 30d, 55%, \"call\")",
                new Implementation.Core()));
        function(new FunctionSpec("implied_vol", List.of(
                required("price", NUMBER, "units of forward (USD), undiscounted", "the option price, e.g. mid_usd"),
                FORWARD, STRIKE, TIME, OPTION_TYPE),
                false, Kind.NUMBER, "decimal, annualised (0.55 is 55%)", true,
                "The Black-76 volatility that reproduces an undiscounted price (Jaeckel, \"Let's be rational\","
                        + " 2015). NaN when none exists, e.g. a price below intrinsic value; a scalar that is"
                        + " NaN gets a warning with the reason. For a coin-quoted chain use the USD prices"
                        + " (mid_usd).",
                "let vol = implied_vol(1500, 60000, 65000, 30d, \"call\")",
                new Implementation.Core()));
        List<String> smileAxes = new ArrayList<>();
        for (SmileAxis axis : SmileAxis.values()) {
            smileAxes.add(axis.column());
        }
        function(new FunctionSpec("smile", List.of(
                required("data", Set.of(Kind.TABLE, Kind.FIT, Kind.SURFACE), "option chain, fit or surface",
                        "an option chain (a table with expiry, type, bid_iv, mid_iv, ask_iv and the column of x),"
                                + " a fit, whose chain is drawn with the calibrated model's smile over it, or a"
                                + " surface, whose chain is drawn with the surface's smile over it"),
                optional("x", TEXT, "text", "\"log_moneyness\"", smileAxes,
                        "the horizontal axis: \"log_moneyness\" (ln(K/F), dimensionless) or \"strike\" (USD)")),
                false, Kind.FIGURE, "figure: implied vol in percent against x, one panel per expiry", false,
                "The volatility smile of a chain, to draw with `plot`: one panel per expiry, titled with its date and"
                        + " the days to it; the mid implied vol as markers with a bar from the bid IV to the ask IV."
                        + " Rows without a mid IV are left out with a warning. Given a fit, each panel also draws the"
                        + " model's implied vol as a line over a dense grid between the panel's outermost quotes; given"
                        + " a surface, the surface's implied vol at the panel's time to expiry (as vol_of reads it).",
                "data chain = options(\"data/deribit-btc-sample.csv\") { keep expiry >= 7d }\n"
                        + "plot smile(chain, x \"strike\")\n"
                        + "surface sv = svi(chain)\n"
                        + "plot smile(sv)",
                new Implementation.Core()));
        function(new FunctionSpec("residuals", List.of(
                required("fit", Set.of(Kind.FIT), "fit", "a fit, from fit N = calibrate M to D")),
                false, Kind.FIGURE, "figure: model minus market (vol points, or USD for a price fit) against"
                        + " log-moneyness, one panel per expiry", false,
                "The errors of a fit quote by quote, to draw with `plot`: one panel per expiry with quotes in the"
                        + " fit, model minus market as markers against log-moneyness ln(K/F) and a line at zero."
                        + " Excluded quotes are left out; the RMSE by expiry is in `show` of the fit.",
                "data chain = options(\"data/deribit-btc-sample.csv\") {\n"
                        + "  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.1 and expiry >= 20d\n"
                        + "}\n"
                        + "model hs = heston\n"
                        + "fit hf = calibrate hs to chain { starts 1 }\n"
                        + "plot residuals(hf)",
                new Implementation.Core()));
        function(new FunctionSpec("surface", List.of(
                required("surface", Set.of(Kind.SURFACE), "surface", "a surface, from surface N = svi|ssvi|sabr(chain)")),
                false, Kind.FIGURE, "figure: implied vol (%) over log-moneyness and time to expiry (days)", false,
                "The fitted implied-volatility surface seen from above, to draw with `plot`: a heat map of the"
                        + " surface's implied vol over log-moneyness ln(K/F), across the quoted range, and time to"
                        + " expiry from the first fitted expiry to the last, read as `vol_of` reads it.",
                "data chain = options(\"data/deribit-btc-sample.csv\") { keep bid_iv > 0 and ask_iv > 0 }\n"
                        + "surface ss = ssvi(chain)\n"
                        + "plot surface(ss)",
                new Implementation.Core()));
        function(new FunctionSpec("abs", List.of(required("x", NUMBER_OR_DURATION, "any", "a number or a duration")),
                false, null, "the unit of x", true, "The absolute value |x|.",
                "let distance = abs(-0.25)", new Implementation.Unary(Math::abs)));
        function(new FunctionSpec("log", List.of(required("x", NUMBER, "dimensionless", "a positive number")),
                false, Kind.NUMBER, "dimensionless", true, "The natural logarithm ln(x); NaN for x < 0.",
                "let log_moneyness = log(65000 / 60000)", new Implementation.Unary(Math::log)));
        function(new FunctionSpec("exp", List.of(required("x", NUMBER, "dimensionless", "a number")),
                false, Kind.NUMBER, "dimensionless", true, "The exponential e^x.",
                "let growth = exp(0.05)", new Implementation.Unary(Math::exp)));
        function(new FunctionSpec("sqrt", List.of(required("x", NUMBER, "any", "a number, at least 0")),
                false, Kind.NUMBER, "the square root of the unit of x", true, "The square root; NaN for x < 0.",
                "let root_time = sqrt(30 / 365)", new Implementation.Unary(Math::sqrt)));
        function(new FunctionSpec("min", List.of(
                required("a", NUMBER_OR_DURATION, "any", "a number or a duration"),
                required("b", NUMBER_OR_DURATION, "the unit of a", "more of the same kind")),
                true, null, "the unit of the arguments", true,
                "The smallest of two or more numbers, or of two or more durations; NaN if any is NaN.",
                "let floor = min(0.5%, 0.4%, 0.7%)", new Implementation.Fold(Math::min)));
        function(new FunctionSpec("max", List.of(
                required("a", NUMBER_OR_DURATION, "any", "a number or a duration"),
                required("b", NUMBER_OR_DURATION, "the unit of a", "more of the same kind")),
                true, null, "the unit of the arguments", true,
                "The largest of two or more numbers, or of two or more durations; NaN if any is NaN.",
                "let spread = max(0.0520 - 0.0500, 0.5%)", new Implementation.Fold(Math::max)));
    }

    /** One optional text parameter per field of a chain file: the column that holds it. */
    static List<ParameterSpec> columnParameters() {
        List<ParameterSpec> columns = new ArrayList<>();
        for (ChainField field : ChainField.values()) {
            columns.add(optional(field.label(), TEXT, "column name", "the format's own name", List.of(),
                    "the file's column holding " + field.meaning()));
        }
        return columns;
    }

    private void declareStatements() {
        statement(new StatementSpec("data", "data N = EXPR { keep CONDITION; set COLUMN = EXPR }",
                "Binds a table. `keep` keeps the rows where the condition holds; `set` adds a column or replaces"
                        + " one of the same name. Inside the block the table's columns are in scope, row by"
                        + " row, and clauses apply in order.",
                "data chain = options(\"data/deribit-btc-sample.csv\") {\n  keep bid > 0 and ask > 0\n"
                        + "  set spread = ask - bid\n}"));
        statement(new StatementSpec("let", "let N = EXPR { keep CONDITION; set COLUMN = EXPR }",
                "Binds any value: a number, a text, an instant, a list or a table (whose block works as in"
                        + " `data`).",
                "let width = 2 * 16%"));
        clause(new StatementSpec("keep", "keep CONDITION",
                "A clause of a `data` or `let` table's block: keeps the rows where the condition holds. The table's"
                        + " columns are in scope, row by row, and the clauses apply in order.",
                "data chain = options(\"data/deribit-btc-sample.csv\") {\n  keep bid > 0 and expiry >= 7d\n}"));
        clause(new StatementSpec("set", "set COLUMN = EXPR",
                "A clause of a `data` or `let` table's block: adds a column computed row by row, or replaces the"
                        + " column of that name; later clauses see it.",
                "data chain = options(\"data/deribit-btc-sample.csv\") {\n  set spread = ask - bid\n}"));
        clause(new StatementSpec("require", "require CONDITION [penalty w]",
                "A clause of a `model`'s block: a constraint over the parameters. Without `penalty` it is hard (a fit"
                        + " whose result breaks it fails); with `penalty w` it is soft and adds w max(0, lhs - rhs)^2"
                        + " to the objective (for >=; <= the other way round).",
                "model hs = heston {\n  require 2 * kappa * theta >= xi^2 penalty 100\n}"));
        statement(new StatementSpec("show", "show EXPR { columns [a, b]  rows N }",
                "Displays a value; a table as a table with its row count.",
                "let x = 1 + 2\nshow x"));
        statement(new StatementSpec("export", "export TABLE to \"PATH.csv\" (or \"PATH.parquet\" on Spark)",
                "Writes every row of a table to a CSV file, replaced all or nothing; a note says how many rows. The"
                        + " path is relative to the recipe's folder. Numbers are written so that they read back to"
                        + " the same double, a number with no value as an empty field. On an engine"
                        + " (`--engine spark`), the margin, stress or attribution of a book is written by the book's"
                        + " parts and never gathered in the driver: the file has the same bytes as without the engine."
                        + " On the spark engine a path ending in `.parquet` writes a Parquet data set instead: a folder"
                        + " of one file per part, in the book's order by the files' names, renamed over the previous"
                        + " one only once complete.",
                "data chain = options(\"data/deribit-btc-sample.csv\")\n"
                        + "book desk = positions(\"data/book.csv\", market chain, index 61000)\n"
                        + "export margin(desk, portfolio_margin) to \"margins.csv\""));
        statement(new StatementSpec("plot", "plot EXPR",
                "Draws a figure, such as `smile(chain)`: in a notebook an interactive Plotly chart (plotly.js ships"
                        + " inside Margo, so no internet is needed) with a static SVG fallback; from the command"
                        + " line in the page of `margo run --format html`.",
                "data chain = options(\"data/deribit-btc-sample.csv\")\nplot smile(chain)"));
        statement(new StatementSpec("", "EXPR",
                "A bare expression is shown, as if written after `show`.",
                "1 + 2"));
        setting(new SettingSpec("show", "columns", Kind.LIST, "column names", "all columns",
                "The columns to show, in order; the table's columns are in scope.",
                "data chain = options(\"data/deribit-btc-sample.csv\")\n"
                        + "show chain { columns [instrument, strike, mid_iv] }"));
        setting(new SettingSpec("show", "rows", Kind.NUMBER, "rows", Integer.toString(
                        margo.dsl.value.TableValue.DEFAULT_DISPLAY_ROWS),
                "How many rows of a table to display before \"… N more rows\" (JSON output has every row).",
                "data chain = options(\"data/deribit-btc-sample.csv\")\nshow chain { rows 5 }"));
    }

    private void declareChainColumns() {
        for (ChainColumn column : ChainColumn.values()) {
            chainColumns.add(new ColumnSpec(column.columnName(), kindOf(column), column.unit(), column.description()));
        }
    }

    /** Times to expiry are durations, so that {@code time_to_expiry >= 7d} reads as it should. */
    private static Kind kindOf(ChainColumn column) {
        return switch (column.kind()) {
            case TEXT -> Kind.TEXT;
            case INSTANT -> Kind.INSTANT;
            case NUMBER -> column.unit().startsWith("years") ? Kind.DURATION : Kind.NUMBER;
        };
    }

    private void declareNotes() {
        notes.add(new Note("Units",
                "16% is 0.16 and 25bp is 0.0025: plain numbers in arithmetic. Durations 8h 2d 3w 6mo 1y are years"
                        + " (ACT/365) and add to durations and to instants; instant - instant is a duration."
                        + " Comparing or adding a number and a duration is a unit mismatch.",
                "let horizon = 2d + 8h"));
        notes.add(new Note(TIME_REMAINING,
                "Inside keep and set of an option chain, comparing an instant with a duration measures time"
                        + " remaining: `expiry >= 2d` holds when the option expires at least 2 days after the"
                        + " chain's valuation time T (the same as `expiry - T >= 2d`; T is the data's timestamp, or the `as_of` of"
                        + " `options`).",
                "data chain = options(\"data/deribit-btc-sample.csv\") {\n  keep expiry >= 7d\n}"));
    }


    // ---- calibration: model families, model and fit statements, price

    /**
     * The recipe fragment the calibration examples start from: two-sided quotes within 0.3 of the money, every
     * expiry from 2 days: enough of the smile's term structure to pin down Heston's five parameters, so that the
     * examples' fits converge (one expiry alone leaves them undetermined, and a fit to it runs out of iterations).
     */
    private static final String CALIBRATION_DATA = "data chain = options(\"data/deribit-btc-sample.csv\") {\n"
            + "  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.3\n"
            + "  keep expiry >= 2d\n}\n";

    private static final String VARIANCE = "variance, annualised (0.36 is a 60% vol)";
    private static final String PER_YEAR = "per year";

    private void declareModels() {
        // Heston's kappa and xi reach up to 200 and 25: unweighted fits of real chains with short expiries go to
        // kappa 55 (SPY, one day to one year) and xi 6 (docs/model-bounds.md, HestonBoundsEvidenceTest), and short-
        // dated BTC smiles further; the bounds leave a factor 3 of room above what the evidence shows.
        List<ModelFamily.Parameter> heston = List.of(
                new ModelFamily.Parameter("v0", VARIANCE, 0.001, 4, 0.5, "the instantaneous variance today",
                        ParameterDomain.POSITIVE),
                new ModelFamily.Parameter("kappa", PER_YEAR, 0.01, 200, 3, "the speed of mean reversion of the variance",
                        ParameterDomain.POSITIVE),
                new ModelFamily.Parameter("theta", VARIANCE, 0.001, 4, 0.5, "the long-run variance",
                        ParameterDomain.POSITIVE),
                new ModelFamily.Parameter("xi", "per square-root year", 0.01, 25, 1.5,
                        "the volatility of variance (vol of vol)", ParameterDomain.POSITIVE),
                new ModelFamily.Parameter("rho", "correlation", -0.99, 0.99, -0.2,
                        "the correlation between forward and variance shocks", ParameterDomain.CORRELATION));
        List<ModelFamily.Parameter> jumps = List.of(
                new ModelFamily.Parameter("lambda", "jumps per year", 0, 20, 1, "the jump intensity",
                        ParameterDomain.NON_NEGATIVE),
                new ModelFamily.Parameter("muJ", "log return", -1, 1, -0.05,
                        "the mean of a jump in the log forward (-0.05 is about a 5% down-move)"),
                new ModelFamily.Parameter("sigmaJ", "log return", 0.001, 1, 0.1,
                        "the standard deviation of a jump in the log forward", ParameterDomain.NON_NEGATIVE));
        List<ModelFamily.Parameter> bates = new ArrayList<>(heston);
        bates.addAll(jumps);
        List<ModelFamily.Parameter> merton = new ArrayList<>();
        merton.add(new ModelFamily.Parameter("sigma", "decimal, annualised", 0.01, 4, 0.6, "the diffusion volatility",
                ParameterDomain.POSITIVE));
        merton.addAll(jumps);
        List<ModelFamily.Parameter> varianceGamma = List.of(
                new ModelFamily.Parameter("sigma", "decimal, annualised", 0.01, 4, 0.6,
                        "the volatility of the Brownian motion run on gamma time", ParameterDomain.POSITIVE),
                new ModelFamily.Parameter("nu", "years", 0.001, 5, 0.2, "the variance rate of the gamma time change",
                        ParameterDomain.POSITIVE),
                new ModelFamily.Parameter("theta", "log return per year", -2, 2, -0.1,
                        "the drift of the Brownian motion in gamma time (skew: negative for a downward skew)"));
        modelFamily(new ModelFamily("heston", heston, HestonParameters.of(starts(heston)),
                "Heston's (1993) stochastic-volatility model of the forward, zero rates, priced by the COS method"
                        + " (Fang and Oosterlee 2008) with the analytic price gradient of Cui, del Baño Rollin and"
                        + " Germano (2017), so Levenberg-Marquardt needs no finite differences.",
                "model hs = heston {\n  v0 in [0.01, 4] start 0.5\n  rho in [-0.99, 0.99] start -0.2\n"
                        + "  require 2 * kappa * theta >= xi^2 penalty 100\n}"));
        modelFamily(new ModelFamily("bates", bates, BatesParameters.of(starts(bates)),
                "Bates (1996): Heston's stochastic variance plus lognormal jumps in the forward, compensated so"
                        + " the forward is a martingale; priced by COS with the analytic price gradient (Heston's"
                        + " times the jumps' characteristic function).",
                "model bt = bates { lambda in [0, 5] start 0.5 }"));
        modelFamily(new ModelFamily("merton", merton, MertonParameters.of(starts(merton)),
                "Merton's (1976) jump diffusion: a lognormal diffusion plus lognormal jumps; priced by COS with"
                        + " the analytic price gradient.",
                "model mj = merton { sigma in [0.1, 2] start 0.6 }"));
        modelFamily(new ModelFamily("variance_gamma", varianceGamma, VarianceGammaParameters.of(starts(varianceGamma)),
                "Madan, Carr and Chang's (1998) variance gamma process: Brownian motion with drift run on a"
                        + " gamma clock; priced by COS (by a mixture of Black-76 prices over the gamma clock at"
                        + " expiries below nu / 2), with the analytic price gradient.",
                "model vg = variance_gamma { nu = 0.2 }"));
        function(new FunctionSpec("price", List.of(
                required("model", Set.of(Kind.MODEL, Kind.FIT), "model or fit",
                        "a fit, or a model whose parameters are all fixed with P = x"),
                required("data", Set.of(Kind.TABLE), "option chain",
                        "an option chain: a table with type, forward, strike and time_to_expiry")),
                false, Kind.TABLE, "table: the chain with model_price (USD), model_price_coin and model_iv", false,
                "The chain priced by a model: its rows with the columns model_price (undiscounted, USD),"
                        + " model_price_coin (model_price / forward, in coin) and model_iv (the model's Black-76"
                        + " implied vol, a decimal; missing where the price has no implied vol, far in the wings)."
                        + " A model prices only when all its parameters are fixed; calibrate it with fit otherwise.",
                CALIBRATION_DATA + "model fixed = heston { v0 = 0.5; kappa = 3; theta = 0.5; xi = 1.5; rho = -0.2 }\n"
                        + "show price(fixed, chain) { columns [instrument, mid_iv, model_iv] }",
                new Implementation.Core()));
        String fitExample = CALIBRATION_DATA + "model hs = heston\nfit hf = calibrate hs to chain {\n"
                + "  weight 1 / max(ask_iv - bid_iv, 0.5%)\n  method levenberg_marquardt { max_iterations 50 }\n"
                + "  starts 1\n}\nshow hf";
        statement(new StatementSpec("model", "model N = FAMILY { P in [lo, hi] start x; P = x; require E [penalty w] }",
                "Binds a parametric model: " + String.join(", ", modelFamilies.keySet()) + ". `P in [lo, hi]"
                        + " start x` bounds a parameter for calibration (start: where the first local search"
                        + " begins); `P = x` fixes it. A parameter not mentioned keeps its family's default bounds"
                        + " and start (see each family); a bounded parameter written without `start` starts at its family's"
                        + " default start when that lies within the bounds, else at the middle. `require E` is a hard constraint over the parameters,"
                        + " `require E penalty w` a soft one that adds w max(0, lhs - rhs)^2 to the objective"
                        + " (for >=; <= the other way round). A model whose parameters are all fixed prices"
                        + " without calibration: price(model, chain).",
                "model hs = heston {\n  v0 in [0.01, 4] start 0.5\n  rho = -0.3\n"
                        + "  require 2 * kappa * theta >= xi^2 penalty 100\n}"));
        statement(new StatementSpec("fit", "fit N = calibrate MODEL to DATA { target ...; weight E; method M { ... };"
                + " starts n; seed n; time_limit d }",
                "Calibrates a model to an option chain when the statement runs: minimises the sum of squared"
                        + " weighted residuals w (model - market), plus the penalties of the model's require"
                        + " clauses, from `starts` starting points. Show the fit for its parameter table with"
                        + " standard errors, RMSE by expiry and warnings; plot smile(fit) to compare the smiles;"
                        + " price(fit, chain) for model prices. The same recipe and data give the same fit, bit for"
                        + " bit, unless a time_limit stops it. A fit that is no solution is an error (exit code 1)"
                        + " at the statement, and stays bound with the best point found, shown as failed: when"
                        + " the solver stops on max_iterations, max_evaluations or time_limit before converging,"
                        + " when the objective is not finite (weights that overflow), or when a hard require"
                        + " does not hold at the result.",
                fitExample));
        String example = CALIBRATION_DATA + "model hs = heston\nfit hf = calibrate hs to chain { %s }";
        setting(new SettingSpec("fit", "target", Kind.TEXT, "implied_vol or price", "implied_vol",
                "What to fit: `implied_vol` (the mid_iv column; errors in vol points) or `price` (mid_usd;"
                        + " errors in USD).",
                example.formatted("target implied_vol; starts 1; method levenberg_marquardt { max_iterations 30 }")));
        setting(new SettingSpec("fit", "weight", Kind.NUMBER, "per unit of target", "1",
                "The weight that multiplies each quote's residual, computed per row: the chain's columns are in"
                        + " scope. A weight that is not a positive number leaves the quote out (with a warning).",
                example.formatted("weight 1 / max(ask_iv - bid_iv, 0.5%); starts 1;"
                        + " method levenberg_marquardt { max_iterations 30 }")));
        setting(new SettingSpec("fit", "method", Kind.TEXT, "levenberg_marquardt, bobyqa or cma_es",
                "levenberg_marquardt",
                "The solver (Apache Commons Math), with its settings in a block: levenberg_marquardt {"
                        + " max_iterations 500  max_evaluations 5000  tolerance 1e-12 }; bobyqa { max_evaluations"
                        + " 5000  initial_radius 0.1  stopping_radius 1e-10 }; cma_es { max_iterations 1000"
                        + "  max_evaluations 20000  population 0  sigma 0.3 } (population 0: 4 + 3 ln n). Budgets"
                        + " are per start.",
                example.formatted("method bobyqa { stopping_radius 1e-6 }; starts 1")));
        setting(new SettingSpec("fit", "starts", Kind.NUMBER, "local searches", "1",
                "How many local searches: the first from the declared starts, the others from points drawn"
                        + " from the seed within the bounds; the best wins (the lowest objective, the earlier start"
                        + " on a tie). They run in parallel on all cores, with the fit the same, bit for bit, as"
                        + " if they ran one after another.",
                example.formatted("starts 2; seed 7; method levenberg_marquardt { max_iterations 20 }")));
        setting(new SettingSpec("fit", "seed", Kind.NUMBER, "whole number", "0",
                "The seed of the random starts (and of CMA-ES): the same seed gives the same fit.",
                example.formatted("starts 2; seed 42; method levenberg_marquardt { max_iterations 20 }")));
        setting(new SettingSpec("fit", "expiries", Kind.LIST, "expiry dates or instants", "all expiries",
                "Calibrate to the quotes of these expiries only; a date names the expiry on that day (UTC). The"
                        + " fit's RMSE and residuals are over those quotes; price(fit, chain) still prices every row.",
                example.formatted("expiries [2024-03-29, 2024-06-28]; starts 1")));
        setting(new SettingSpec("fit", "time_limit", Kind.DURATION, "duration", "none",
                "A wall-clock budget for the whole calibration, a duration such as 1h (durations are year"
                        + " fractions, ACT/365); when it runs out the fit keeps the best point so far and says"
                        + " TIME_LIMIT, and is then no longer reproducible.",
                example.formatted("time_limit 1h; starts 1; method levenberg_marquardt { max_iterations 20 }")));
        List<SolverSetting> solverSettings = List.of(
                new SolverSetting("levenberg_marquardt", "max_iterations", "500", "the most outer iterations"),
                new SolverSetting("levenberg_marquardt", "max_evaluations", "5000", "the most residual evaluations"),
                new SolverSetting("levenberg_marquardt", "tolerance", "1e-12",
                        "the relative tolerance on the cost and the parameters, 1e-6 in a replay"),
                new SolverSetting("bobyqa", "max_evaluations", "5000", "the most objective evaluations"),
                new SolverSetting("bobyqa", "initial_radius", "0.1",
                        "the initial trust-region radius in scaled coordinates (bounds mapped to [0, 1]), in (0, 0.5]"),
                new SolverSetting("bobyqa", "stopping_radius", "1e-10", "the final trust-region radius"),
                new SolverSetting("cma_es", "max_iterations", "1000", "the most generations"),
                new SolverSetting("cma_es", "max_evaluations", "20000", "the most objective evaluations"),
                new SolverSetting("cma_es", "population", "0", "offspring per generation; 0 for 4 + 3 ln n"),
                new SolverSetting("cma_es", "sigma", "0.3", "the initial step in scaled coordinates, in (0, 1]"));
        for (SolverSetting solver : solverSettings) {
            setting(new SettingSpec(solver.method(), solver.name(), Kind.NUMBER, "number", solver.defaultValue(),
                    solver.doc() + " (per start)",
                    example.formatted("method " + solver.method() + " { " + solver.name() + " "
                            + solver.defaultValue() + " }")));
        }
    }

    /** A setting in the block of a {@code method}; its statement is the method's name. */
    private record SolverSetting(String method, String name, String defaultValue, String doc) {}

    /** The solvers {@code method} names, in the order the docs list them. */
    public static final List<String> SOLVERS = List.of("levenberg_marquardt", "bobyqa", "cma_es");

    /** The targets {@code target} names. */
    public static final List<String> TARGETS = List.of("implied_vol", "price");

    private static double[] starts(List<ModelFamily.Parameter> parameters) {
        double[] starts = new double[parameters.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = parameters.get(i).start();
        }
        return starts;
    }

    private void modelFamily(ModelFamily family) {
        modelFamilies.put(family.name(), family);
    }

    public Optional<ModelFamily> modelFamily(String name) {
        return Optional.ofNullable(modelFamilies.get(name));
    }

    public List<ModelFamily> modelFamilies() {
        return List.copyOf(modelFamilies.values());
    }

    void function(FunctionSpec spec) {
        functions.put(spec.name(), spec);
    }

    void statement(StatementSpec spec) {
        statements.put(spec.keyword(), spec);
    }

    void clause(StatementSpec spec) {
        clauses.put(spec.keyword(), spec);
    }

    void setting(SettingSpec spec) {
        settings.computeIfAbsent(spec.statement(), key -> new LinkedHashMap<>()).put(spec.name(), spec);
    }

    void family(FamilySpec spec) {
        families.put(spec.name(), spec);
    }

    void scenarioAggregate(ScenarioAggregate aggregate) {
        scenarioAggregates.put(aggregate.name(), aggregate);
    }

    /** The names in scope in a custom rule's formulas ({@code worst_loss}, ...), in declaration order. */
    public List<ScenarioAggregate> scenarioAggregates() {
        return List.copyOf(scenarioAggregates.values());
    }

    public Optional<ScenarioAggregate> scenarioAggregate(String name) {
        return Optional.ofNullable(scenarioAggregates.get(name));
    }

    void settingChoices(String family, String setting, List<String> choices) {
        settingChoices.put(family + "." + setting, List.copyOf(choices));
    }

    void resultSchema(String function, TableSchema schema) {
        resultSchemas.put(function, schema);
    }

    /** The families of {@code rules} and {@code surface}, e.g. {@code portfolio_margin}; their settings are under their names. */
    public List<FamilySpec> families() {
        return List.copyOf(families.values());
    }

    public Optional<FamilySpec> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    /** The families a statement chooses from: {@code families("rules")}. */
    public List<FamilySpec> families(String statement) {
        return families.values().stream().filter(family -> family.statement().equals(statement)).toList();
    }

    /** The words a text setting takes ({@code quotes mid}), written bare or quoted; empty for any text. */
    public List<String> settingChoices(String family, String setting) {
        return settingChoices.getOrDefault(family + "." + setting, List.of());
    }

    /** The columns of the table a built-in returns, when not an option chain (e.g. {@code margin}). */
    public Optional<TableSchema> resultSchema(String function) {
        return Optional.ofNullable(resultSchemas.get(function));
    }

    public Optional<FunctionSpec> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public List<FunctionSpec> functions() {
        return List.copyOf(functions.values());
    }

    /** Every text value a parameter takes by name ({@code call}, {@code deribit_csv} ...), to spot one written without quotes. */
    public Set<String> textChoices() {
        Set<String> choices = new TreeSet<>();
        functions.values().forEach(function -> function.parameters().forEach(p -> choices.addAll(p.choices())));
        return choices;
    }

    public List<StatementSpec> statements() {
        return List.copyOf(statements.values());
    }

    public Optional<StatementSpec> statement(String keyword) {
        return Optional.ofNullable(statements.get(keyword));
    }

    /** The clauses a block may begin with a keyword: {@code keep}, {@code set}, {@code require}. */
    public List<StatementSpec> clauses() {
        return List.copyOf(clauses.values());
    }

    public Optional<StatementSpec> clause(String keyword) {
        return Optional.ofNullable(clauses.get(keyword));
    }

    /** The settings a statement's block takes, e.g. {@code settings("show")}. */
    public List<SettingSpec> settings(String statement) {
        return List.copyOf(settings.getOrDefault(statement, Map.of()).values());
    }

    public Optional<SettingSpec> setting(String statement, String name) {
        return Optional.ofNullable(settings.getOrDefault(statement, Map.of()).get(name));
    }

    /** The standard columns of a loaded option chain, from core's catalogue, in table order. */
    public List<ColumnSpec> chainColumns() {
        return List.copyOf(chainColumns);
    }

    public Optional<ColumnSpec> chainColumn(String name) {
        return chainColumns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    /** The schema of a table returned by {@code options(...)}. */
    public TableSchema chainSchema() {
        Map<String, Kind> columns = new LinkedHashMap<>();
        chainColumns.forEach(column -> columns.put(column.name(), column.kind()));
        return TableSchema.of(columns, true);
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /**
     * Every name the registry declares that starts with {@code prefix}, sorted: functions, statement and clause
     * keywords, settings, chain columns, model families and scenario aggregates (for completion).
     */
    public List<String> namesWithPrefix(String prefix) {
        TreeSet<String> names = new TreeSet<>();
        functions.keySet().forEach(names::add);
        statements.keySet().stream().filter(keyword -> !keyword.isEmpty()).forEach(names::add);
        names.addAll(clauses.keySet());
        settings.values().forEach(byName -> names.addAll(byName.keySet()));
        names.addAll(families.keySet());
        chainColumns.forEach(column -> names.add(column.name()));
        names.addAll(modelFamilies.keySet());
        names.addAll(scenarioAggregates.keySet());
        return names.stream().filter(name -> name.startsWith(prefix)).toList();
    }
}
