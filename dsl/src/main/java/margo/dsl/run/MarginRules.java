package margo.dsl.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import margo.core.margin.DeltaOneMarginTerms;
import margo.core.margin.MarginRule;
import margo.core.margin.OptionMarginTerms;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Scenario;
import margo.core.margin.ScenarioFormulaRule;
import margo.core.margin.SpanParameters;
import margo.core.margin.SpanRule;
import margo.core.margin.StandardMarginRule;
import margo.core.margin.VolatilityShock;
import margo.dsl.registry.Decimals;
import margo.dsl.registry.Registry;
import margo.dsl.registry.ScenarioAggregate;
import margo.dsl.registry.SettingSpec;
import margo.dsl.syntax.BinaryOperator;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.ListValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code rules N = FAMILY { settings }}: a core rule from a family's defaults (core's own constants) with the
 * written settings applied, or a {@code custom} rule from its scenarios and formulas. The checker has vetted
 * names, kinds and units; ranges are checked here, each at the value that breaks it, in the recipe's words.
 */
final class MarginRules {

    /** A relative price move: above -100%, as a price cannot fall below zero, and finite. */
    private static final DoublePredicate PRICE_MOVE = move -> move > -1 && Double.isFinite(move);
    private static final String PRICE_MOVE_RULE = "moves must be above -100%";

    private static final double DAYS_PER_YEAR = 365;

    private final Registry registry;
    private final SourceFile source;
    private final Function<Expr, Value> evaluator;
    private final Function<RowFrame, Compiler> compilers;

    /**
     * @param evaluator the value of a scalar or list expression outside row scope
     * @param compilers a compiler of row expressions over a frame, for a custom rule's formulas
     */
    MarginRules(Registry registry, SourceFile source, Function<Expr, Value> evaluator,
                Function<RowFrame, Compiler> compilers) {
        this.registry = registry;
        this.source = source;
        this.evaluator = evaluator;
        this.compilers = compilers;
    }

    /** A family's defaults, as {@code margin(desk, deribit_standard)} uses them. */
    RulesValue defaults(String family) {
        return build(family, Map.of());
    }

    RulesValue build(String family, Block block) {
        if (family.equals("custom")) {
            return custom(block);
        }
        Map<String, Clause.Setting> written = new LinkedHashMap<>();
        for (Clause clause : block.clauses()) {
            Clause.Setting setting = (Clause.Setting) clause;
            written.put(setting.name().id(), setting);
        }
        try {
            return build(family, written);
        } catch (IllegalArgumentException coreRejected) {
            // a combination core rejects that no single setting breaks, e.g. span's extreme move past -100%
            throw new RunFailure(block.span(), family + " rejects these settings: " + coreRejected.getMessage());
        }
    }

    private RulesValue build(String family, Map<String, Clause.Setting> written) {
        Settings settings = new Settings(written);
        MarginRule rule = switch (family) {
            case "portfolio_margin" -> portfolioMargin(settings);
            case "deribit_standard" -> standard(settings);
            case "span" -> span(settings);
            default -> throw new IllegalStateException("the checker lets through only known rules families: " + family);
        };
        Map<String, String> shown = new LinkedHashMap<>();
        written.forEach((name, setting) -> shown.put(name, text(setting.value().span())));
        return new RulesValue(family, rule, display(family, shown));
    }

    /**
     * {@code rules N = custom { price [...]  vol [...]  scenario NAME { ... }  initial = E  maintenance = E }}: the
     * grid (every price move with every vol shift; an axis not written is [0%]) then the named scenarios, and the
     * formulas compiled once.
     */
    private RulesValue custom(Block block) {
        Map<String, Clause.Setting> written = new LinkedHashMap<>();
        Map<String, Expr> formulas = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (Clause clause : block.clauses()) {
            switch (clause) {
                case Clause.ParameterFixed formula -> {
                    formulas.put(formula.parameter().id(), formula.value());
                    shown.put(formula.parameter().id(), text(formula.value().span()));
                }
                case Clause.Setting setting -> {
                    if (!setting.name().id().equals("scenario")) {
                        written.put(setting.name().id(), setting);
                        shown.put(setting.name().id(), text(setting.value().span()));
                    }
                }
                default -> throw new IllegalStateException("the checker lets through only settings and formulas");
            }
        }
        Settings s = new Settings(written);
        if (written.containsKey("price") || written.containsKey("vol")) {
            for (double price : s.moves("price", new double[] {0}, true)) {
                for (double vol : s.shifts("vol")) {
                    scenarios.add(Scenario.of(price, vol));
                }
            }
        }
        List<String> named = new ArrayList<>();
        for (Clause clause : block.clauses()) {
            if (clause instanceof Clause.Setting setting && setting.name().id().equals("scenario")) {
                scenarios.add(namedScenario(setting));
                named.add(source.text().substring(setting.value().span().start(), setting.span().end()));
            }
        }
        if (!named.isEmpty()) {
            shown.put("scenario", String.join("; ", named));
        }
        if (scenarios.isEmpty()) {
            throw new RunFailure(block.span(), "this custom rule has no scenarios",
                    "write price [-20%, 0%, 20%], or scenario crash { price -50% }");
        }
        double tail = s.bounded("tail", ScenarioAggregate.DEFAULT_TAIL, Double.MIN_VALUE, 1);
        MarginFormulas compiled = new MarginFormulas(registry.scenarioAggregates(), compilers, tail,
                formulas.get("initial"), formulas.get("maintenance"));
        return new RulesValue("custom", new ScenarioFormulaRule(scenarios, compiled::initial, compiled::maintenance),
                display("custom", shown));
    }

    /** {@code scenario NAME { price M  vol S  weight W }}: its P&amp;L counted at the weight, options and futures. */
    private Scenario namedScenario(Clause.Setting scenario) {
        Map<String, Clause.Setting> moves = new LinkedHashMap<>();
        scenario.block().clauses().forEach(clause -> moves.put(((Clause.Setting) clause).name().id(),
                (Clause.Setting) clause));
        Settings s = new Settings(moves);
        double price = s.move("price");
        double weight = s.bounded("weight", 1, 0, 1);
        String label = scenario.value() instanceof Expr.StringLiteral quoted ? quoted.value()
                : ((Expr.Name) scenario.value()).id();
        return new Scenario(label, price, price, VolatilityShock.absolute(s.finite("vol", 0)), weight, weight);
    }

    private PortfolioMarginRule portfolioMargin(Settings s) {
        PortfolioMarginParameters d = PortfolioMarginParameters.DERIBIT_BTC;
        double points = s.number("price_points", 2 * d.bucketsCount() + 1);
        if (points < 3 || points != Math.rint(points) || ((int) points) % 2 == 0) {
            throw new RunFailure(s.span("price_points"), "price_points must be an odd whole number of at least 3"
                    + " (zero and the same count of moves each side), not " + Decimals.plain(points));
        }
        double[] vegaPower = s.pair("vega_power", d.shortTermVegaPower(), d.longTermVegaPower());
        return new PortfolioMarginRule(new PortfolioMarginParameters(
                s.bounded("price_range", d.priceRange(), 0, 0.99),
                ((int) points - 1) / 2,
                s.bounded("vol_up", d.volatilityRangeUp(), 0, 100),
                s.bounded("vol_down", d.volatilityRangeDown(), 0, 100),
                s.within("vega_power", vegaPower[0], 0, 10), s.within("vega_power", vegaPower[1], 0, 10),
                s.days("vega_switch", d.vegaPowerSwitchDays(), 0),
                s.days("min_expiry", d.minDaysToExpiry(), Double.MIN_VALUE),
                s.bounded("min_vol", d.minVolatilityForShockUp(), 0, 100),
                s.moves("extended", d.extendedMoves(), false),
                s.bounded("extended_factor", d.extendedTableFactor(), 0, 1),
                s.bounded("roll_shock", d.annualisedMoveRisk(), 0, 10),
                s.bounded("floor", d.minAnnualisedMove(), 0, 10),
                s.bounded("delta_shock", d.maxDeltaShock(), 0, 1),
                s.bounded("delta_threshold", d.deltaShockThresholdUsd(), 0, Double.MAX_VALUE),
                s.bounded("pnl_offset", d.pnlOffset(), 0, 1),
                s.bounded("maintenance", d.mmFactor(), 0, 1)));
    }

    private StandardMarginRule standard(Settings s) {
        OptionMarginTerms o = OptionMarginTerms.DERIBIT;
        OptionMarginTerms options = new OptionMarginTerms(
                s.bounded("option_initial", o.initial(), 0, 1),
                s.bounded("option_floor", o.initialFloor(), 0, 1),
                s.bounded("option_maintenance", o.maintenance(), 0, 1),
                s.bounded("option_fee", o.fee(), 0, 1),
                s.bool("entry_premium", o.initialUsesEntryPrice()));
        Map<String, DeltaOneMarginTerms> futures = new LinkedHashMap<>();
        StandardMarginRule.DERIBIT.deltaOne().forEach((underlying, terms) -> futures.put(underlying,
                new DeltaOneMarginTerms(
                        s.bounded("future_initial", terms.initial(), 0, 1),
                        s.bounded("future_maintenance", terms.maintenance(), 0, 1),
                        s.bounded("future_size_increment", terms.sizeIncrement(), 0, 1))));
        return new StandardMarginRule(options, futures);
    }

    private SpanRule span(Settings s) {
        SpanParameters d = SpanParameters.CRYPTO_DEFAULT;
        double priceScan = s.bounded("price_scan", d.priceScanRange(), Double.MIN_VALUE, Math.nextDown(1.0));
        double extremeMultiple = s.within("extreme_multiple", s.number("extreme_multiple", d.extremeMultiple()),
                Double.MIN_VALUE, Math.nextDown(1 / priceScan));
        return new SpanRule(new SpanParameters(priceScan,
                s.bounded("vol_scan", d.volatilityScanRange(), 0, 10),
                extremeMultiple,
                s.bounded("extreme_coverage", d.extremeCoverage(), 0, 1),
                s.bounded("short_option_minimum", d.shortOptionMinimum(), 0, 1),
                s.bounded("spread_charge", d.intraSpreadRate(), 0, 1),
                s.within("initial_to_maintenance", s.number("initial_to_maintenance", d.initialToMaintenance()),
                        1, 1_000)));
    }

    /**
     * {@code [low, high]} in words; a bound of {@link Double#MIN_VALUE} or {@code Math.nextDown(x)} stands for an
     * open interval, above 0 or below x.
     */
    private static String range(double low, double high) {
        boolean aboveZero = low == Double.MIN_VALUE;
        // Math.nextDown(x) is no short decimal: shown to 12 digits it would read as x itself.
        boolean below = high != Double.MAX_VALUE && Double.parseDouble(Decimals.plain(high)) != high;
        if (high == Double.MAX_VALUE) {
            return aboveZero ? "above 0" : "at least " + Decimals.plain(low);
        }
        if (!aboveZero && !below) {
            return "between " + Decimals.plain(low) + " and " + Decimals.plain(high);
        }
        return (aboveZero ? "above 0" : "at least " + Decimals.plain(low)) + " and "
                + (below ? "below " + Decimals.plain(Math.nextUp(high)) : "at most " + Decimals.plain(high));
    }

    /** A setting's value as written in the recipe. */
    private String text(Span span) {
        return source.text().substring(span.start(), span.end());
    }

    /** One row per setting of the family: its value as written (by name), or the default. */
    private TableValue display(String family, Map<String, String> written) {
        StringColumn names = StringColumn.create("setting");
        StringColumn values = StringColumn.create("value");
        StringColumn units = StringColumn.create("unit");
        StringColumn sources = StringColumn.create("source");
        for (SettingSpec spec : registry.settings(family)) {
            String setting = written.get(spec.name());
            names.append(spec.name());
            values.append(setting == null ? spec.defaultValue() : setting);
            units.append(spec.unit());
            sources.append(setting == null ? "default" : "recipe");
        }
        return new TableValue(Table.create(family, names, values, units, sources), null);
    }

    /** The written settings of one block, each read as the kind its family declares, or its default. */
    private final class Settings {

        private final Map<String, Clause.Setting> written;

        Settings(Map<String, Clause.Setting> written) {
            this.written = written;
        }

        Span span(String name) {
            return written.get(name).value().span();
        }

        double number(String name, double defaultValue) {
            Clause.Setting setting = written.get(name);
            return setting == null ? defaultValue : ((NumberValue) evaluator.apply(setting.value())).value();
        }

        /** A number that must lie in [low, high]: a fraction, a ratio, an amount. */
        double bounded(String name, double defaultValue, double low, double high) {
            return within(name, number(name, defaultValue), low, high);
        }

        double within(String name, double value, double low, double high) {
            if (!(value >= low && value <= high) && written.containsKey(name)) {
                throw new RunFailure(span(name), name + " must be " + range(low, high) + ", not "
                        + Decimals.plain(value));
            }
            return value;
        }

        /** A duration setting in days, above {@code low} days. */
        double days(String name, double defaultDays, double low) {
            Clause.Setting setting = written.get(name);
            double days = setting == null ? defaultDays
                    : ((NumberValue) evaluator.apply(setting.value())).value() * DAYS_PER_YEAR;
            if (!(days >= low) && setting != null) {
                throw new RunFailure(span(name), name + " must be " + (low > 0 ? "positive" : "at least 0d"));
            }
            return days;
        }

        boolean bool(String name, boolean defaultValue) {
            Clause.Setting setting = written.get(name);
            return setting == null ? defaultValue : ((BooleanValue) evaluator.apply(setting.value())).value();
        }

        /** {@code a / b}, or one number for both. */
        double[] pair(String name, double first, double second) {
            Clause.Setting setting = written.get(name);
            if (setting == null) {
                return new double[] {first, second};
            }
            if (setting.value() instanceof Expr.Binary pair && pair.operator() == BinaryOperator.DIVIDE) {
                return new double[] {((NumberValue) evaluator.apply(pair.left())).value(),
                        ((NumberValue) evaluator.apply(pair.right())).value()};
            }
            double both = ((NumberValue) evaluator.apply(setting.value())).value();
            return new double[] {both, both};
        }

        /** A number that must be finite, e.g. a vol shift. */
        double finite(String name, double defaultValue) {
            double value = number(name, defaultValue);
            if (!Double.isFinite(value)) {
                throw new RunFailure(span(name), name + " must be a finite number, not " + Decimals.plain(value));
            }
            return value;
        }

        /** Vol shifts in vol points (10% is ten points), each finite; [0] when not written. */
        double[] shifts(String name) {
            return numbers(name, new double[] {0}, Double::isFinite, "shifts must be finite");
        }

        /** One relative price move, above -100% as each of {@link #moves}; 0 when not written. */
        double move(String name) {
            double move = number(name, 0);
            if (!PRICE_MOVE.test(move)) {
                throw new RunFailure(span(name), name + " " + PRICE_MOVE_RULE + ", not " + percent(move));
            }
            return move;
        }

        /** Relative price moves, each above -100%, and not zero unless {@code zeroAllowed}. */
        double[] moves(String name, double[] defaultMoves, boolean zeroAllowed) {
            return numbers(name, defaultMoves, move -> PRICE_MOVE.test(move) && (zeroAllowed || move != 0),
                    PRICE_MOVE_RULE + (zeroAllowed ? "" : " and not 0"));
        }

        /** A list of numbers, each of which must pass {@code valid}; else an error at it saying {@code rule}. */
        private double[] numbers(String name, double[] defaultValues, DoublePredicate valid, String rule) {
            Clause.Setting setting = written.get(name);
            if (setting == null) {
                return defaultValues;
            }
            List<Value> elements = ((ListValue) evaluator.apply(setting.value())).elements();
            List<Expr> written = ((Expr.ListLiteral) setting.value()).elements();
            double[] numbers = new double[elements.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = ((NumberValue) elements.get(i)).value();
                if (!valid.test(numbers[i])) {
                    throw new RunFailure(written.get(i).span(), name + " " + rule + ", not " + percent(numbers[i]));
                }
            }
            return numbers;
        }

        /** A move or shift as a percentage, as the recipe writes it; a non-finite one as it is. */
        private static String percent(double value) {
            return Double.isFinite(value) ? Decimals.percent(value) : Decimals.plain(value);
        }
    }
}
