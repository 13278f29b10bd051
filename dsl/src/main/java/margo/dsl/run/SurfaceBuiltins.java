package margo.dsl.run;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import margo.core.market.OptionChain;
import margo.core.smiles.ArbitrageReport;
import margo.core.smiles.ButterflyViolation;
import margo.core.smiles.CalendarViolation;
import margo.core.smiles.LogMoneynessRange;
import margo.core.smiles.SabrSmile;
import margo.core.smiles.Smile;
import margo.core.smiles.SmileFamily;
import margo.core.smiles.SmileFitOptions;
import margo.core.smiles.SmileQuotes;
import margo.core.smiles.SurfaceFit;
import margo.core.smiles.SviRaw;
import margo.dsl.check.CheckedProgram;
import margo.dsl.plot.SmileAxis;
import margo.dsl.plot.SmilePlot;
import margo.dsl.registry.Decimals;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.SurfaceValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The smile built-ins: {@code svi}, {@code ssvi} and {@code sabr} fit core's {@link SmileFamily} to a chain with
 * the settings of a {@code surface} block; {@code arbitrage} lists what the fit's checks found. Displayed: one row
 * per expiry with the parameters, the RMSE in vol points and the arbitrage found there.
 */
final class SurfaceBuiltins {

    private final CheckedProgram checked;
    private final Function<Expr, Value> evaluator;

    SurfaceBuiltins(CheckedProgram checked, Function<Expr, Value> evaluator) {
        this.checked = checked;
        this.evaluator = evaluator;
    }

    static boolean handles(String function) {
        return switch (function) {
            case "svi", "ssvi", "sabr", "arbitrage" -> true;
            default -> false;
        };
    }

    Value call(Expr.Call call) {
        if (call.callee().id().equals("arbitrage")) {
            return arbitrage(((SurfaceValue) evaluator.apply(checked.argumentsOf(call).getFirst())).fit());
        }
        return fit(call, Block.empty(call.span()));
    }

    /** {@code FAMILY(chain) { arbitrage_free, quotes, weight, beta }}. */
    SurfaceValue fit(Expr.Call call, Block block) {
        SmileFamily family = SmileFamily.valueOf(call.callee().id().toUpperCase(Locale.ROOT));
        SmileFitOptions options = SmileFitOptions.DEFAULT;
        SmileQuotes.Source quotes = SmileQuotes.Source.MID;
        SmileQuotes.Weighting weighting = SmileQuotes.Weighting.EQUAL;
        for (Clause clause : block.clauses()) {
            Clause.Setting setting = (Clause.Setting) clause;
            switch (setting.name().id()) {
                case "arbitrage_free" -> options = options.withArbitrageFree(
                        ((BooleanValue) evaluator.apply(setting.value())).value());
                case "quotes" -> quotes = SmileQuotes.Source.valueOf(word(setting.value()));
                case "weight" -> weighting = SmileQuotes.Weighting.valueOf(word(setting.value()));
                case "beta" -> {
                    double beta = ((NumberValue) evaluator.apply(setting.value())).value();
                    if (!(beta >= 0 && beta <= 1)) {
                        throw new RunFailure(setting.value().span(), "beta must be between 0 and 1, not "
                                + Decimals.plain(beta));
                    }
                    options = options.withSabrBeta(beta);
                }
                default -> throw new IllegalStateException("surface setting without a meaning: " + setting.name().id());
            }
        }
        Expr data = checked.argumentsOf(call).getFirst();
        String label = checked.program().source().text().substring(data.span().start(), data.span().end());
        TableValue table = (TableValue) evaluator.apply(data);
        OptionChain chain = ChainValues.optionChain(table, label, data.span());
        SurfaceFit fit;
        try {
            fit = family.fit(SmileQuotes.fromChain(chain, quotes, weighting, family.minimumQuotes()), options);
        } catch (IllegalArgumentException cannotFit) {
            throw new RunFailure(call.span(), "cannot fit " + call.callee().id() + " to " + label + ": "
                    + cannotFit.getMessage());
        }
        return new SurfaceValue(fit, new TableValue(parameters(fit), null), table);
    }

    /**
     * The surface's smile for {@code smile(surface)}: at each x of a panel's grid the surface's implied vol at the
     * panel's time to expiry, as {@code vol_of} reads it; the panel's forward and time are those of its first row.
     */
    static SmilePlot.ModelSmile modelSmile(SurfaceValue surface, SmileAxis axis) {
        RowFrame frame = RowFrame.of(surface.chain().table(), surface.chain().valuationTime());
        double[] forwards = frame.doubles("forward");
        double[] times = frame.doubles("time_to_expiry");
        return (rows, grid) -> {
            double forward = forwards[rows[0]];
            double time = times[rows[0]];
            double[] vols = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                double k = axis == SmileAxis.STRIKE ? Math.log(grid[i] / forward) : grid[i];
                vols[i] = time > 0 && forward > 0 ? surface.fit().impliedVolatility(time, k) : Double.NaN;
            }
            return vols;
        };
    }

    /** The word of a choice setting, written bare ({@code mid}) or quoted, as core's enum constant. */
    private String word(Expr value) {
        String word = value instanceof Expr.Name name ? name.id() : ((TextValue) evaluator.apply(value)).value();
        return word.toUpperCase(Locale.ROOT);
    }

    /** One row per expiry: parameters, RMSE in vol points and the arbitrage the checks found there. */
    private static Table parameters(SurfaceFit fit) {
        SmileQuotes quotes = fit.quotes();
        StringColumn expiries = StringColumn.create("expiry");
        DoubleColumn times = DoubleColumn.create("time_to_expiry");
        IntColumn counts = IntColumn.create("quotes");
        boolean sabr = fit.family() == SmileFamily.SABR;
        List<String> names = sabr ? List.of("alpha", "beta", "rho", "nu") : List.of("a", "b", "rho", "m", "sigma");
        DoubleColumn[] parameters = names.stream().map(DoubleColumn::create).toArray(DoubleColumn[]::new);
        DoubleColumn rmse = DoubleColumn.create("rmse_vol_points");
        StringColumn butterfly = StringColumn.create("butterfly_arbitrage");
        StringColumn calendar = StringColumn.create("calendar_arbitrage_from_previous");
        ArbitrageReport report = fit.arbitrage();
        for (int i = 0; i < quotes.size(); i++) {
            expiries.append(date(quotes, i).toString());
            times.append(quotes.times()[i]);
            counts.append(quotes.quoteCount(i));
            double[] values = switch (fit.smiles().get(i)) {
                case SviRaw svi -> new double[] {svi.a(), svi.b(), svi.rho(), svi.m(), svi.sigma()};
                case SabrSmile smile -> new double[] {smile.parameters().alpha(), smile.parameters().beta(),
                        smile.parameters().rho(), smile.parameters().nu()};
            };
            for (int p = 0; p < parameters.length; p++) {
                parameters[p].append(values[p]);
            }
            rmse.append(fit.rmse()[i]);
            int expiry = i;
            butterfly.append(ranges(report.butterfly().stream().filter(v -> v.expiryIndex() == expiry)
                    .map(ButterflyViolation::range).toList()));
            calendar.append(i == 0 ? "" : ranges(report.calendar().stream().filter(v -> v.laterIndex() == expiry)
                    .map(CalendarViolation::range).toList()));
        }
        Table table = Table.create(fit.family().name().toLowerCase(Locale.ROOT), expiries, times, counts);
        table.addColumns(parameters);
        table.addColumns(rmse, butterfly, calendar);
        return table;
    }

    /** {@code none on the grid}, or {@code k in [-0.41, -0.22]; k in [0.9, 1.1]}. */
    private static String ranges(List<LogMoneynessRange> ranges) {
        if (ranges.isEmpty()) {
            return "none on the grid";
        }
        List<String> parts = new ArrayList<>();
        for (LogMoneynessRange range : ranges) {
            parts.add(String.format(Locale.ROOT, "k in [%.3f, %.3f]", range.from(), range.to()));
        }
        return String.join("; ", parts);
    }

    /** {@code arbitrage(sv)}: one row per butterfly or calendar violation, none when the grid checks found none. */
    private static TableValue arbitrage(SurfaceFit fit) {
        StringColumn kinds = StringColumn.create("kind");
        StringColumn expiries = StringColumn.create("expiry");
        StringColumn laterExpiries = StringColumn.create("later_expiry");
        DoubleColumn from = DoubleColumn.create("from_log_moneyness");
        DoubleColumn to = DoubleColumn.create("to_log_moneyness");
        DoubleColumn worst = DoubleColumn.create("worst_value");
        for (ButterflyViolation violation : fit.arbitrage().butterfly()) {
            kinds.append("butterfly");
            expiries.append(date(fit.quotes(), violation.expiryIndex()).toString());
            laterExpiries.append("");
            append(violation.range(), from, to, worst);
        }
        for (CalendarViolation violation : fit.arbitrage().calendar()) {
            kinds.append("calendar");
            expiries.append(date(fit.quotes(), violation.earlierIndex()).toString());
            laterExpiries.append(date(fit.quotes(), violation.laterIndex()).toString());
            append(violation.range(), from, to, worst);
        }
        return new TableValue(Table.create("arbitrage", kinds, expiries, laterExpiries, from, to, worst), null);
    }

    private static void append(LogMoneynessRange range, DoubleColumn from, DoubleColumn to, DoubleColumn worst) {
        from.append(range.from());
        to.append(range.to());
        worst.append(range.worst());
    }

    private static LocalDate date(SmileQuotes quotes, int expiry) {
        return LocalDate.ofInstant(quotes.expiries().get(expiry), ZoneOffset.UTC);
    }
}
