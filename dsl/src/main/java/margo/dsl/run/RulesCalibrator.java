package margo.dsl.run;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import margo.core.margin.MarginRule;
import org.apache.commons.math3.exception.MathIllegalStateException;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.SpanParameters;
import margo.core.margin.SpanRule;
import margo.core.margin.StandardMarginRule;
import margo.core.market.PriceHistory;
import margo.core.risk.AntiProcyclicality;
import margo.core.risk.ApcSeries;
import margo.core.risk.CalibratedRules;
import margo.core.risk.ExtendedMoveCoverage;
import margo.core.risk.FilteredHistoricalSimulation;
import margo.core.risk.Garch11Estimation;
import margo.core.risk.Garch11Fit;
import margo.core.risk.ImpliedVolatilityShock;
import margo.core.risk.Lookback;
import margo.core.risk.Measure;
import margo.core.risk.RuleCalibration;
import margo.core.risk.Shock;
import margo.core.risk.ShockEstimator;
import margo.core.risk.ShockExplanation;
import margo.core.risk.ShockSeries;
import margo.core.risk.ShockSpec;
import margo.core.risk.VolatilityFilter;
import margo.dsl.registry.Decimals;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.NumberValue;
import margo.dsl.value.RulesCalibration;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code rules N = calibrate RULES to HISTORY { settings }}: the shock series of the chosen estimator over the history
 * (core's {@link ShockSeries}, no look-ahead), anti-procyclicality when chosen, and the latest shock written into the
 * rule's price parameter by core's {@link RuleCalibration}. The checker has vetted names, kinds, choices and written
 * ranges; what only the data can tell (too short a history for the lookback, a shock a rule cannot take) is a
 * {@link RunFailure} at its cause.
 */
final class RulesCalibrator {

    private final SourceFile source;
    private final Function<Expr, Value> evaluator;

    RulesCalibrator(SourceFile source, Function<Expr, Value> evaluator) {
        this.source = source;
        this.evaluator = evaluator;
    }

    /** The settings of a calibration, as written or defaulted, in the units core takes. */
    record Settings(ShockSpec spec, String method, int lookbackBars, int refitBars, String horizon, String lookback,
                    ShockEstimator estimator, AntiProcyclicality apc) {}

    RulesValue calibrate(Expr.Calibrate calibrate, Block block) {
        RulesValue declared = (RulesValue) evaluator.apply(calibrate.model());
        if (declared.calibration() != null || !(declared.rule() instanceof PortfolioMarginRule
                || declared.rule() instanceof SpanRule || declared.rule() instanceof StandardMarginRule)) {
            throw new RunFailure(calibrate.model().span(), declared.calibration() != null
                    ? text(calibrate.model()) + " is calibrated already; calibrate the rules it came from"
                    : "calibrate sets the price shock of portfolio_margin, span or deribit_standard rules, not of a "
                    + declared.family() + " rule", "a custom rule's scenarios are written in its block");
        }
        String label = text(calibrate.data());
        PriceHistory history = HistoryBuiltins.priceHistory((TableValue) evaluator.apply(calibrate.data()), label,
                calibrate.data().span());
        Map<String, Expr> written = new LinkedHashMap<>();
        for (Clause clause : block.clauses()) {
            Clause.Setting setting = (Clause.Setting) clause;
            written.put(setting.name().id(), setting.value());
        }
        Settings settings = settings(history, written);
        double[] returns = history.logReturns();
        Lookback lookback = Lookback.rolling(settings.lookbackBars());
        ShockSeries calculated;
        ApcSeries apc;
        try {
            calculated = ShockSeries.estimate(returns, settings.estimator(), lookback, settings.refitBars());
            apc = settings.apc() == null ? null : settings.apc().apply(returns, settings.estimator(), lookback,
                    calculated);
        } catch (IllegalArgumentException tooShort) {
            throw new RunFailure(calibrate.data().span(), label + " (" + history.size() + " bars) cannot be"
                    + " calibrated with a lookback of " + settings.lookback() + " (" + settings.lookbackBars()
                    + " bars): " + tooShort.getMessage(), "shorten the lookback, or use a longer history");
        } catch (MathIllegalStateException notFitted) {
            // The GARCH likelihood of a short or calm window can leave Commons Math's optimiser without a step.
            throw new RunFailure(calibrate.span(), settings.estimator().method() + " failed on a window of "
                    + settings.lookbackBars() + " bars of " + label + ": " + notFitted.getMessage(),
                    "GARCH(1,1) needs long windows (about 1000 daily bars); lengthen the lookback, or write"
                            + " filter ewma");
        }
        ShockExplanation explanation = ShockExplanation.of(returns, calculated, lookback, apc);
        Shock shock = (apc == null ? calculated : apc.series(ApcSeries.Component.APPLIED)).latest();
        ImpliedVolatilityShock volatility = written.containsKey("vol_history")
                ? volatilityShock(declared, history, label, written, settings.spec().confidence()) : null;
        Recalibrated recalibrated;
        try {
            recalibrated = recalibrated(declared.rule(), shock, volatility);
        } catch (IllegalArgumentException rejected) {
            throw new RunFailure(calibrate.span(), "the calibrated shock does not fit " + declared.family() + ": "
                    + rejected.getMessage(), "a lower confidence or a shorter horizon gives a smaller shock");
        }
        CalibratedRules<?> calibrated = recalibrated.calibrated();
        MarginRule rule = recalibrated.rule();
        List<ExtendedMoveCoverage> extended = rule instanceof PortfolioMarginRule pm ? ExtendedMoveCoverage.of(returns,
                settings.spec().horizonBars(), pm.parameters().extendedMoves()) : List.of();
        // The series refits each window warm from the last; explain reports a cold fit of the latest window.
        Garch11Fit garch = settings.estimator() instanceof FilteredHistoricalSimulation fhs
                && fhs.filter() instanceof VolatilityFilter.GarchFilter
                ? Garch11Estimation.fit(returns, explanation.windowFrom(), explanation.windowTo()) : null;
        RulesCalibration calibration = new RulesCalibration(history, label, settings.horizon(), settings.lookback(),
                calculated, apc, explanation, calibrated, extended, garch);
        return new RulesValue(declared.family(), rule, display(declared, rule, calibrated, volatility != null),
                calibration);
    }

    /** A rule with a new price shock, and where its parameters came from. */
    record Recalibrated(CalibratedRules<?> calibrated, MarginRule rule) {}

    /**
     * The vol shocks of {@code vol_history}, over the calibration's horizon and lookback in the vol history's own
     * bars, from its values up to the price history's last bar: the last {@code lookback + 1} of them.
     */
    private ImpliedVolatilityShock volatilityShock(RulesValue declared, PriceHistory history, String historyLabel,
                                                   Map<String, Expr> written, double confidence) {
        Expr setting = written.get("vol_history");
        if (declared.rule() instanceof StandardMarginRule) {
            throw new RunFailure(setting.span(), "deribit_standard has no vol shock for vol_history to set",
                    "leave vol_history out, or calibrate portfolio_margin or span");
        }
        String label = text(setting);
        PriceHistory vols = HistoryBuiltins.volHistory((TableValue) evaluator.apply(setting), label, setting.span());
        Instant last = history.time(history.size() - 1);
        int end = vols.size();
        while (end > 0 && vols.time(end - 1).isAfter(last)) {
            end--;
        }
        int horizonBars = bars(vols, written, "horizon", 1.0 / 365);
        int from = Math.max(0, end - Math.max(2, bars(vols, written, "lookback", 1)) - 1);
        double[] window = Arrays.copyOfRange(vols.closes(), from, end);
        try {
            return ImpliedVolatilityShock.fromHistory(window, horizonBars, confidence);
        } catch (IllegalArgumentException tooShort) {
            throw new RunFailure(setting.span(), label + " has " + window.length + " implied vols up to "
                    + last.toString().substring(0, 10) + ", the end of " + historyLabel + ": " + tooShort.getMessage(),
                    "use a vol history that covers the lookback before the price history's end");
        }
    }

    /**
     * The rule in force before each move of a book backtest: {@code rule} with the price shock known then
     * ({@link #recalibrated}, vol shocks kept). Serialisable, and holding only the core rule, so that a backtest can
     * run on an engine's workers.
     */
    static Function<Shock, MarginRule> ruleAt(MarginRule rule) {
        return (Function<Shock, MarginRule> & Serializable) shock -> recalibrated(rule, shock, null).rule();
    }

    /**
     * {@code rule} with its price parameter set from {@code shock} by core's {@link RuleCalibration}, and its vol
     * shocks from {@code volatility} when not null (else kept): for a calibration, and for a book backtest, where
     * the rule in force before each move has the shock known then and keeps the calibrated vol shocks.
     *
     * @throws IllegalArgumentException when the rule cannot take the shock (a range of 100% or more)
     */
    static Recalibrated recalibrated(MarginRule rule, Shock shock, ImpliedVolatilityShock volatility) {
        return switch (rule) {
            case PortfolioMarginRule pm -> {
                CalibratedRules<PortfolioMarginParameters> c = RuleCalibration.portfolioMargin(pm.parameters(), shock,
                        volatility);
                yield new Recalibrated(c, new PortfolioMarginRule(c.rules()));
            }
            case SpanRule span -> {
                CalibratedRules<SpanParameters> c = RuleCalibration.span(span.parameters(), shock, volatility);
                yield new Recalibrated(c, new SpanRule(c.rules()));
            }
            case StandardMarginRule standard -> {
                CalibratedRules<StandardMarginRule> c = RuleCalibration.standard(standard, shock,
                        standard.deltaOne().keySet());
                yield new Recalibrated(c, c.rules());
            }
            default -> throw new IllegalStateException("only portfolio_margin, span and deribit_standard are"
                    + " calibrated: " + rule);
        };
    }

    private Settings settings(PriceHistory history, Map<String, Expr> written) {
        double confidence = number(written, "confidence", 0.99);
        int horizonBars = bars(history, written, "horizon", 1.0 / 365);
        Measure measure = word(written, "measure", "var").equals("es") ? Measure.EXPECTED_SHORTFALL
                : Measure.VALUE_AT_RISK;
        ShockSpec spec = new ShockSpec(confidence, horizonBars, measure);
        String method = word(written, "method", "hs");
        double lambda = number(written, "lambda", ShockEstimators.DEFAULT_LAMBDA);
        if (!(lambda > 0 && lambda < 1)) {
            throw new RunFailure(written.get("lambda").span(), "lambda must lie strictly between 0 and 1, not "
                    + lambda);
        }
        ShockEstimator estimator = ShockEstimators.of(method, spec, lambda, word(written, "distribution", "normal"),
                word(written, "filter", "ewma"), word(written, "scaling", "direct"));
        int lookbackBars = Math.max(2, bars(history, written, "lookback", 1));
        int refitBars = written.containsKey("refit") ? bars(history, written, "refit", 0) : 1;
        double buffer = number(written, "buffer", 0);
        double stressed = number(written, "stressed_weight", 0);
        int floorBars = written.containsKey("floor") ? bars(history, written, "floor", 0) : 0;
        AntiProcyclicality apc = null;
        if (buffer > 0 || stressed > 0 || floorBars > 0) {
            try {
                apc = new AntiProcyclicality(buffer, stressed, floorBars);
            } catch (IllegalArgumentException outOfRange) {
                Expr at = written.getOrDefault("buffer", written.getOrDefault("stressed_weight", written.get("floor")));
                throw new RunFailure(at.span(), outOfRange.getMessage());
            }
        }
        return new Settings(spec, method, lookbackBars, refitBars, written("horizon", written, "1d"),
                written("lookback", written, "1y"), estimator, apc);
    }

    private double number(Map<String, Expr> written, String name, double otherwise) {
        Expr value = written.get(name);
        if (value == null) {
            return otherwise;
        }
        double number = ((NumberValue) evaluator.apply(value)).value();
        if (!Double.isFinite(number)) {
            throw new RunFailure(value.span(), name + " must be a finite number, not " + number);
        }
        if (name.equals("confidence") && !(number >= 0.5 && number < 1)) {
            throw new RunFailure(value.span(), "confidence must be at least 50% and below 100%, not "
                    + Decimals.percent(number));
        }
        return number;
    }

    /** A duration setting in bars of the history: {@code horizon 1d} is 24 bars of an hourly history. */
    private int bars(PriceHistory history, Map<String, Expr> written, String name, double otherwiseYears) {
        Expr value = written.get(name);
        double years = value == null ? otherwiseYears : ((NumberValue) evaluator.apply(value)).value();
        if (!(years > 0)) {
            throw new RunFailure(value == null ? null : value.span(), name + " must be a positive duration");
        }
        return history.barsIn(ShockEstimators.duration(years));
    }

    private static String word(Map<String, Expr> written, String name, String otherwise) {
        Expr value = written.get(name);
        return value instanceof Expr.Name word ? word.id() : value instanceof Expr.StringLiteral text ? text.value()
                : otherwise;
    }

    private String written(String name, Map<String, Expr> written, String otherwise) {
        Expr value = written.get(name);
        return value == null ? otherwise : text(value);
    }

    private String text(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }

    /**
     * The declared rule's settings, with the calibrated ones' new values and where they came from; the vol shocks
     * among them when an implied-vol history set them.
     */
    private static TableValue display(RulesValue declared, MarginRule rule, CalibratedRules<?> calibrated,
                                      boolean volatilityCalibrated) {
        Map<String, Double> volatilities = !volatilityCalibrated ? Map.of() : switch (rule) {
            case PortfolioMarginRule pm -> Map.of("vol_up", pm.parameters().volatilityRangeUp(), "vol_down",
                    pm.parameters().volatilityRangeDown());
            case SpanRule span -> Map.of("vol_scan", span.parameters().volatilityScanRange());
            default -> Map.of();
        };
        Map<String, Double> values = switch (rule) {
            case PortfolioMarginRule pm -> Map.of("price_range", pm.parameters().priceRange());
            case SpanRule span -> Map.of("price_scan", span.parameters().priceScanRange());
            case StandardMarginRule standard -> standardValues(standard);
            default -> Map.of();
        };
        Table table = declared.display().table().copy();
        StringColumn names = table.stringColumn("setting");
        StringColumn shown = table.stringColumn("value");
        StringColumn sources = table.stringColumn("source");
        for (int row = 0; row < table.rowCount(); row++) {
            Double value = values.get(names.get(row));
            Double volatility = volatilities.get(names.get(row));
            if (value != null) {
                shown.set(row, Decimals.percent(Math.round(value * 1e6) / 1e6));
                sources.set(row, "calibrated: " + calibrated.priceSource());
            } else if (volatility != null) {
                shown.set(row, Decimals.percent(Math.round(volatility * 1e6) / 1e6));
                sources.set(row, "calibrated: " + calibrated.volatilitySource());
            }
        }
        return new TableValue(table, null);
    }

    private static Map<String, Double> standardValues(StandardMarginRule standard) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("option_initial", standard.options().initial());
        values.put("option_floor", standard.options().initialFloor());
        values.put("option_maintenance", standard.options().maintenance());
        // The language's future settings apply to every coin's futures, and calibration sets them all alike.
        standard.deltaOne().values().stream().findFirst().ifPresent(terms -> {
            values.put("future_initial", terms.initial());
            values.put("future_maintenance", terms.maintenance());
        });
        return values;
    }
}
