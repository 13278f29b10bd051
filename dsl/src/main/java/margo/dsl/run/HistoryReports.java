package margo.dsl.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import margo.core.market.PriceHistory;
import margo.core.risk.ApcSeries;
import margo.core.risk.Backtest;
import margo.core.risk.BookBacktest;
import margo.core.risk.CollateralHaircut;
import margo.core.risk.CoverageTable;
import margo.core.risk.ExtendedMoveCoverage;
import margo.core.risk.Garch11Fit;
import margo.core.risk.FeeCalibration;
import margo.core.risk.Shock;
import margo.core.risk.ShockExplanation;
import margo.core.risk.ShockSeries;
import margo.core.risk.Tail;
import margo.dsl.value.ReportValue;
import margo.dsl.value.ReportValue.Section;
import margo.dsl.value.RulesCalibration;
import margo.dsl.value.TableValue;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The reports of calibrated margin, each number in a table with its unit in the column name or the notes: what
 * {@code explain}, {@code backtest}, {@code shocks}, {@code coverage}, {@code haircut} and {@code fees} show. Shocks
 * and moves are fractions of the price (0.05 is 5%); a shock at a time is the one set at that bar's close for the
 * horizon after it, from data up to that close only.
 */
final class HistoryReports {

    private HistoryReports() {
    }

    /** {@code explain(pm)}: the estimate, its anti-procyclicality, its coverage and the rule it made. */
    static ReportValue explain(String name, RulesCalibration c) {
        ShockExplanation e = c.explanation();
        PriceHistory history = c.history();
        List<Section> sections = new ArrayList<>();
        Table estimate = Table.create("estimate",
                StringColumn.create("method", e.method()),
                IntColumn.create("sample", new int[] {e.sampleSize()}),
                InstantColumn.create("window_from", new Instant[] {history.time(e.windowFrom())}),
                InstantColumn.create("window_to", new Instant[] {history.time(e.windowTo())}),
                DoubleColumn.create("confidence", e.spec().confidence()),
                IntColumn.create("horizon_bars", new int[] {e.spec().horizonBars()}),
                StringColumn.create("measure", e.spec().measure().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                DoubleColumn.create("shock_down", e.shock().down()),
                DoubleColumn.create("shock_up", e.shock().up()),
                DoubleColumn.create("in_sample_down", e.inSampleDownCoverage()),
                DoubleColumn.create("in_sample_up", e.inSampleUpCoverage()));
        sections.add(section("estimate at the last bar", estimate));
        if (!e.components().isEmpty()) {
            StringColumn component = StringColumn.create("component");
            DoubleColumn down = DoubleColumn.create("shock_down");
            DoubleColumn up = DoubleColumn.create("shock_up");
            for (ShockExplanation.Component part : e.components()) {
                component.append(componentName(part.component()));
                down.append(part.shock().down());
                up.append(part.shock().up());
            }
            sections.add(section("anti-procyclicality (EMIR RTS 153/2013 art. 28), at the last bar",
                    Table.create("apc", component, down, up)));
        }
        List<String> tails = new ArrayList<>();
        List<Backtest> tests = new ArrayList<>();
        ShockSeries applied = c.applied();
        if (applied.realisedCount() >= 2 * applied.spec().horizonBars()) {
            tails.add("down");
            tests.add(applied.backtest(Tail.DOWN));
            tails.add("up");
            tests.add(applied.backtest(Tail.UP));
            sections.add(section("backtest of the applied shocks, out of sample", backtests("tail", tails, tests)));
        }
        if (c.garch() != null) {
            Garch11Fit g = c.garch();
            double longRun = g.parameters().omega() / (1 - g.parameters().persistence());
            sections.add(section("GARCH(1,1) by maximum likelihood on the last window (standard errors from the"
                    + " observed information)", Table.create("garch",
                    DoubleColumn.create("omega", g.parameters().omega()), DoubleColumn.create("omega_se", g.omegaError()),
                    DoubleColumn.create("alpha", g.parameters().alpha()), DoubleColumn.create("alpha_se", g.alphaError()),
                    DoubleColumn.create("beta", g.parameters().beta()), DoubleColumn.create("beta_se", g.betaError()),
                    DoubleColumn.create("persistence", g.parameters().persistence()),
                    DoubleColumn.create("long_run_volatility", Math.sqrt(longRun * history.barsPerYear())),
                    DoubleColumn.create("log_likelihood", g.logLikelihood()),
                    IntColumn.create("observations", new int[] {g.observations()}),
                    BooleanColumn.create("converged", new boolean[] {g.converged()}))));
        }
        StringColumn parameter = StringColumn.create("parameter", c.calibrated().priceSource(),
                c.calibrated().volatilitySource());
        sections.add(section("the rule's parameters", Table.create("parameters",
                StringColumn.create("what", "price", "volatility"), parameter)));
        if (!c.extended().isEmpty()) {
            DoubleColumn move = DoubleColumn.create("move");
            DoubleColumn frequency = DoubleColumn.create("frequency");
            IntColumn observations = IntColumn.create("observations");
            for (ExtendedMoveCoverage coverage : c.extended()) {
                move.append(coverage.move());
                frequency.append(coverage.frequency());
                observations.append(coverage.observations());
            }
            sections.add(section("extended moves: how often the history moved that far over the horizon",
                    Table.create("extended", move, frequency, observations)));
        }
        List<String> notes = List.of(
                "history " + c.historyLabel() + ": " + history.size() + " bars from " + date(history.time(0)) + " to "
                        + date(history.time(history.size() - 1)) + "; horizon " + c.horizon() + " = "
                        + e.spec().horizonBars() + " bar(s); rolling lookback " + c.lookback() + ".",
                "Shocks are fractions of the price: after the down shock the price is P (1 - shock_down). in_sample"
                        + " is the share of the window's own overlapping horizon moves the latest shock covers;"
                        + " the backtest counts, on non-overlapping horizons, the moves beyond the shock set"
                        + " before them.");
        return new ReportValue("calibration of " + name, sections, notes, null);
    }

    /** {@code backtest(pm, from?, to?)}: both tails over the period, then per calendar year. */
    static ReportValue backtest(String name, RulesCalibration c, Instant from, Instant to) {
        ShockSeries series = period(c, from, to);
        List<String> tails = List.of("down", "up");
        List<Backtest> overall = List.of(series.backtest(Tail.DOWN), series.backtest(Tail.UP));
        List<Section> sections = new ArrayList<>();
        sections.add(section("whole period", backtests("tail", tails, overall)));
        TreeMap<Integer, int[]> years = new TreeMap<>();
        PriceHistory history = c.history();
        for (int i = 0; i < series.size(); i++) {
            years.computeIfAbsent(history.time(series.origin(i)).atZone(ZoneOffset.UTC).getYear(),
                    year -> new int[] {Integer.MAX_VALUE, 0});
            int[] range = years.get(history.time(series.origin(i)).atZone(ZoneOffset.UTC).getYear());
            range[0] = Math.min(range[0], i);
            range[1] = i + 1;
        }
        List<String> labels = new ArrayList<>();
        List<Backtest> tests = new ArrayList<>();
        int bars = series.spec().horizonBars();
        years.forEach((year, range) -> {
            ShockSeries inYear = series.slice(range[0], range[1]);
            if (inYear.realisedCount() >= 2 * bars) {
                labels.add(year + " down");
                tests.add(inYear.backtest(Tail.DOWN));
                labels.add(year + " up");
                tests.add(inYear.backtest(Tail.UP));
            }
        });
        if (!tests.isEmpty()) {
            sections.add(section("by calendar year (traffic light scaled to each year's observations)",
                    backtests("year", labels, tests)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Each tail on its own: a fall beyond the down shock, or a rise beyond the up shock, over the "
                + bars + " bar(s) after the shock was set, is an exception. Kupiec: proportion of failures (LR"
                + " ~ chi2(1)); Christoffersen: independence (LR ~ chi2(1)) and conditional coverage (LR ~"
                + " chi2(2)); zone: Basel traffic light from the cumulative binomial probability (green below 95%,"
                + " red from 99.99%). Verdicts at 5%.");
        notes.add(c.applied().method() + ", from " + date(history.time(series.origin(0))) + " to "
                + date(history.time(series.origin(series.size() - 1))) + ".");
        return new ReportValue("backtest of " + name, sections, notes, null);
    }

    /**
     * The rows of {@code backtest(pm, book desk)}: each margin group's backtest, then its worst loss and the margin
     * required before it. A group's row depends on that group alone, so the rows of a book's parts, one after the
     * other, are the rows of the whole book.
     */
    static Table bookBacktestRows(BookBacktest.Result result) {
        List<String> labels = new ArrayList<>();
        List<Backtest> tests = new ArrayList<>();
        DoubleColumn worstLoss = DoubleColumn.create("worst_loss");
        DoubleColumn marginThen = DoubleColumn.create("margin_before_it");
        for (BookBacktest.GroupResult group : result.groups()) {
            labels.add(group.account() + (group.group().isEmpty() ? "" : " / " + group.group()));
            tests.add(group.backtest());
            double[] losses = group.losses();
            double[] margins = group.margins();
            int worst = 0;
            for (int i = 1; i < losses.length; i++) {
                worst = losses[i] > losses[worst] ? i : worst;
            }
            worstLoss.append(losses[worst]);
            marginThen.append(margins[worst]);
        }
        Table table = backtests("group", labels, tests);
        table.addColumns(worstLoss, marginThen);
        return table;
    }

    /**
     * {@code backtest(pm, book desk)}: each margin group's losses against the margin required before them, the
     * groups' {@link #bookBacktestRows rows} in book order and {@code revaluation}, the backtest's sentence of how
     * positions were revalued ({@link BookBacktest.Result#revaluation}).
     */
    static ReportValue bookBacktest(String name, String bookLabel, RulesCalibration c, String revaluation,
                                    Table rows) {
        return new ReportValue("backtest of " + bookLabel + " under " + name, List.of(section("each margin group's"
                        + " loss over the horizon against the initial margin required before it (USD)", rows)),
                List.of(revaluation + ".", "The rule before each move has the shock "
                        + c.applied().method() + " knew then; collateral is left out (its risk is the haircut's)."),
                null);
    }

    /** The applied series from {@code from} (inclusive) to {@code to} (exclusive), by the bars' times. */
    static ShockSeries period(RulesCalibration c, Instant from, Instant to) {
        ShockSeries series = c.applied();
        PriceHistory history = c.history();
        int first = 0;
        int end = series.size();
        while (first < end && from != null && history.time(series.origin(first)).isBefore(from)) {
            first++;
        }
        while (end > first && to != null && !history.time(series.origin(end - 1)).isBefore(to)) {
            end--;
        }
        if (end - first < 2) {
            throw new IllegalArgumentException("the shock series of " + c.historyLabel() + " runs from "
                    + date(history.time(series.origin(0))) + " to "
                    + date(history.time(series.origin(series.size() - 1))) + ", which leaves fewer than two shocks"
                    + " in the period asked for");
        }
        return series.slice(first, end);
    }

    /** {@code shocks(pm)}: the applied shocks through time beside the moves that followed. */
    static ReportValue shocks(String name, RulesCalibration c) {
        ShockSeries series = c.applied();
        PriceHistory history = c.history();
        int n = series.size();
        InstantColumn time = InstantColumn.create("time");
        double[] down = new double[n];
        double[] up = new double[n];
        double[] realised = new double[n];
        boolean[] downException = new boolean[n];
        boolean[] upException = new boolean[n];
        for (int i = 0; i < n; i++) {
            int origin = series.origin(i);
            time.append(origin < history.size() ? history.time(origin) : null);
            Shock shock = series.shock(i);
            down[i] = shock.down();
            up[i] = shock.up();
            double move = series.realised(i);
            realised[i] = Math.expm1(move);
            downException[i] = shock.downExceededBy(move);
            upException[i] = shock.upExceededBy(move);
        }
        Table table = Table.create("shocks", time, DoubleColumn.create("shock_down", down),
                DoubleColumn.create("shock_up", up), DoubleColumn.create("realised_move", realised),
                BooleanColumn.create("down_exception", downException), BooleanColumn.create("up_exception", upException));
        List<String> notes = new ArrayList<>(List.of("realised_move is the price's relative move over the "
                + series.spec().horizonBars() + " bar(s) after the bar's close (missing where the history ends"
                + " first); the shocks were set at that close from earlier data only."));
        if (c.apc() != null) {
            for (ApcSeries.Component component : toolsThroughTime(c.apc())) {
                double[] componentDown = new double[n];
                double[] componentUp = new double[n];
                for (int i = 0; i < n; i++) {
                    componentDown[i] = c.apc().shock(component, i).down();
                    componentUp[i] = c.apc().shock(component, i).up();
                }
                table.addColumns(DoubleColumn.create(columnName(component) + "_down", componentDown),
                        DoubleColumn.create(columnName(component) + "_up", componentUp));
            }
            notes.add("shock_down and shock_up are the applied shocks, after anti-procyclicality (EMIR RTS 153/2013"
                    + " art. 28); the other columns give each tool's shock through time: calculated (the estimator"
                    + " alone), stressed_weight (b), floor_level (c, historical simulation over the floor's lookback),"
                    + " floored (c applied) and buffered (a).");
        }
        return new ReportValue("shocks of " + name, List.of(section(series.method(), table)), notes, null);
    }

    /** {@code coverage(history)}: observed against nominal exceedance, each tail. */
    static ReportValue coverage(String label, CoverageTable table) {
        DoubleColumn nominal = DoubleColumn.create("confidence");
        DoubleColumn expected = DoubleColumn.create("expected_rate");
        DoubleColumn down = DoubleColumn.create("observed_down");
        DoubleColumn up = DoubleColumn.create("observed_up");
        IntColumn observations = IntColumn.create("observations");
        DoubleColumn downP = DoubleColumn.create("kupiec_p_down");
        DoubleColumn upP = DoubleColumn.create("kupiec_p_up");
        for (CoverageTable.Row row : table.rows()) {
            nominal.append(row.nominal());
            expected.append(row.expectedRate());
            down.append(row.downRate());
            up.append(row.upRate());
            observations.append(row.observations());
            downP.append(row.down().kupiec().pValue());
            upP.append(row.up().kupiec().pValue());
        }
        return new ReportValue("coverage of " + label + ": " + table.method(), List.of(section("observed against"
                        + " nominal exceedance", Table.create("coverage", nominal, expected, down, up, observations,
                        downP, upP))),
                List.of("A shock series per level, each shock from data before it; observed_down is the share of"
                        + " falls beyond the down shock, observed_up of rises beyond the up shock, on"
                        + " non-overlapping horizons. A calibrated estimator has both near expected_rate."), null);
    }

    /** {@code haircut(coin)}: the haircut and what it is made of. */
    static ReportValue haircut(String label, CollateralHaircut h) {
        Table table = Table.create("haircut", DoubleColumn.create("haircut", h.haircut()),
                DoubleColumn.create("down_shock", h.downShock()), DoubleColumn.create("liquidity_add_on",
                        h.liquidityAddOn()), DoubleColumn.create("confidence", h.spec().confidence()),
                IntColumn.create("horizon_bars", new int[] {h.spec().horizonBars()}), StringColumn.create("method", h.method()),
                IntColumn.create("observations", new int[] {h.observations()}));
        return new ReportValue("collateral haircut of " + label, List.of(section("haircut", table)),
                List.of(h.summary() + "."), null);
    }

    /** {@code fees(history)}: the calibrated schedule, its breaches and the fee through time. */
    static ReportValue fees(String label, PriceHistory history, FeeCalibration f) {
        Table schedule = Table.create("schedule", DoubleColumn.create("base", f.schedule().base()),
                DoubleColumn.create("k", f.schedule().k()), DoubleColumn.create("min", f.schedule().minimum()),
                DoubleColumn.create("max", f.schedule().maximum()),
                DoubleColumn.create("lambda", f.schedule().ewma().lambda()),
                IntColumn.create("latency_bars", new int[] {f.latencyBars()}), DoubleColumn.create("confidence", f.confidence()),
                DoubleColumn.create("breach_rate", f.breachRate()));
        return new ReportValue("fee schedule of " + label, List.of(section("fee = clamp(base + k sigma, min, max)",
                        schedule), section("breaches of the fee by the adverse move",
                        backtests("test", List.of("breaches"), List.of(f.backtest())))),
                List.of("sigma is the EWMA volatility per bar forecast before each bar; k is set so that base + k"
                        + " sigma covers the adverse move over the latency (either way) at the confidence, in sample;"
                        + " min and max then change the breach rate, which is measured."), null);
    }

    /** One row per backtest: observations, exceptions, rates, the three tests with p-values, zone and verdict. */
    static Table backtests(String first, List<String> labels, List<Backtest> tests) {
        StringColumn label = StringColumn.create(first);
        IntColumn observations = IntColumn.create("observations");
        IntColumn exceptions = IntColumn.create("exceptions");
        DoubleColumn expected = DoubleColumn.create("expected");
        DoubleColumn rate = DoubleColumn.create("rate");
        DoubleColumn kupiec = DoubleColumn.create("kupiec_lr");
        DoubleColumn kupiecP = DoubleColumn.create("kupiec_p");
        DoubleColumn independence = DoubleColumn.create("independence_lr");
        DoubleColumn independenceP = DoubleColumn.create("independence_p");
        DoubleColumn conditional = DoubleColumn.create("conditional_lr");
        DoubleColumn conditionalP = DoubleColumn.create("conditional_p");
        StringColumn zone = StringColumn.create("zone");
        StringColumn verdict = StringColumn.create("verdict");
        for (int i = 0; i < tests.size(); i++) {
            Backtest test = tests.get(i);
            label.append(labels.get(i));
            observations.append(test.observations());
            exceptions.append(test.exceptions());
            expected.append(test.expectedExceptions());
            rate.append(test.exceptionRate());
            kupiec.append(test.kupiec().statistic());
            kupiecP.append(test.kupiec().pValue());
            independence.append(test.christoffersen().independenceStatistic());
            independenceP.append(test.christoffersen().independencePValue());
            conditional.append(test.christoffersen().conditionalCoverageStatistic());
            conditionalP.append(test.christoffersen().conditionalCoveragePValue());
            zone.append(test.trafficLight().zone().label());
            verdict.append(test.accepted() ? "accepted" : "rejected");
        }
        return Table.create("backtests", label, observations, exceptions, expected, rate, kupiec, kupiecP,
                independence, independenceP, conditional, conditionalP, zone, verdict);
    }

    /** The components of the tools chosen, in the order they apply, the calculated shock first; not the applied. */
    static List<ApcSeries.Component> toolsThroughTime(ApcSeries apc) {
        List<ApcSeries.Component> present = new ArrayList<>();
        for (ApcSeries.Component component : ApcSeries.Component.values()) {
            if (component != ApcSeries.Component.APPLIED && apc.has(component)) {
                present.add(component);
            }
        }
        return present;
    }

    /** A component as a column name: {@code stressed_weight}, {@code floor_level}. */
    static String columnName(ApcSeries.Component component) {
        return switch (component) {
            case CALCULATED -> "calculated";
            case STRESSED_WEIGHT -> "stressed_weight";
            case FLOOR -> "floored";
            case BUFFER -> "buffered";
            case FLOOR_LEVEL -> "floor_level";
            case APPLIED -> "applied";
        };
    }

    private static String componentName(ApcSeries.Component component) {
        return switch (component) {
            case CALCULATED -> "calculated";
            case STRESSED_WEIGHT -> "(b) stressed weight";
            case FLOOR -> "(c) floored";
            case BUFFER -> "(a) buffer";
            case FLOOR_LEVEL -> "(c) floor level";
            case APPLIED -> "applied";
        };
    }

    private static Section section(String title, Table table) {
        return new Section(title, new TableValue(table, null));
    }

    static String date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
