package margo.dsl.run;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import margo.core.market.ChainField;
import margo.core.market.ChainLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import margo.core.calibration.CalibrationWarmUp;
import margo.core.calibration.Cancellation;
import margo.core.calibration.ProgressListener;
import margo.dsl.check.CheckedProgram;
import margo.dsl.check.Checker;
import margo.dsl.check.Kind;
import margo.dsl.check.Type;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.InternalFailure;
import margo.dsl.engine.Engine;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.ProofEntries;
import margo.dsl.registry.Registry;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.NumberUnit;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.syntax.Stmt;
import margo.core.calibration.ResidualTable;
import margo.core.calibration.Target;
import margo.dsl.plot.Figure;
import margo.dsl.plot.ResidualPlot;
import margo.dsl.plot.SmileAxis;
import margo.dsl.plot.SmilePlot;
import margo.dsl.plot.SurfacePlot;
import margo.dsl.value.BooleanValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.DisplayUnit;
import margo.dsl.value.InstantValue;
import margo.dsl.value.LayoutValue;
import margo.dsl.value.ListValue;
import margo.dsl.value.NumberValue;
import margo.dsl.value.ReplayValue;
import margo.dsl.value.SeriesFitValue;
import margo.dsl.value.SurfaceValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import margo.core.io.DataFile;
import margo.dsl.value.Value;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * The running phase: executes the statements of a checked program top to bottom, binding names in the session
 * and collecting what {@code show} and bare expressions display. A statement that fails stops the run with an
 * error at its cause; the bindings made before it stay.
 */
final class Runner {

    /** How often a row loop looks for an interrupt: often enough to stop within milliseconds. */
    private static final int INTERRUPT_STRIDE = 1 << 14;

    private final Registry registry;
    private final CheckedProgram checked;
    private final SourceFile source;
    private final Map<String, Session.Bound> bindings;
    private final ChainLoader loader;
    private final BooleanSupplier interrupted;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Shown> shown = new ArrayList<>();
    private final UndefinedResults undefined = new UndefinedResults();
    private final NonFiniteResults nonFinite;
    private final MarginRules marginRules;
    private final MarginBuiltins margins;
    private final SurfaceBuiltins surfaces;
    private final Calibration calibration;
    private final HistoryBuiltins histories;
    private final HedgeBuiltins hedges;
    private final RulesCalibrator rulesCalibrator;
    private final Scripts scripts;
    private final ProofBuiltins proofs;
    private final Engine engine;

    Runner(Registry registry, CheckedProgram checked, Map<String, Session.Bound> bindings, ChainLoader loader,
           BooleanSupplier interrupted) {
        this(registry, checked, bindings, loader, interrupted, new Cancellation(), ProgressListener.NONE,
                ReplayListener.NONE, null, null);
    }

    /**
     * @param cancellation stops a running calibration; the session cancels it on interrupt
     * @param progress     receives the progress of calibrations
     * @param replays      receives each update of a replay as it is fitted
     * @param scripts      the session's scripts, which the script statements that run add their functions to
     * @param engine       the distributed engine that runs the per-account statements, or null to run them here
     */
    Runner(Registry registry, CheckedProgram checked, Map<String, Session.Bound> bindings, ChainLoader loader,
           BooleanSupplier interrupted, Cancellation cancellation, ProgressListener progress, ReplayListener replays,
           Scripts scripts, Engine engine) {
        this.registry = registry;
        this.engine = engine;
        this.scripts = scripts;
        this.checked = checked;
        this.source = checked.program().source();
        this.bindings = bindings;
        this.loader = loader;
        this.interrupted = interrupted;
        this.nonFinite = new NonFiniteResults(checked, undefined);
        this.marginRules = new MarginRules(registry, source, this::evaluate,
                frame -> new Compiler(checked, registry, frame, this::value, undefined));
        this.margins = new MarginBuiltins(checked, loader, this::evaluate, diagnostics, marginRules, engine);
        this.surfaces = new SurfaceBuiltins(checked, this::evaluate);
        this.histories = new HistoryBuiltins(checked, loader, this::evaluate, diagnostics, margins);
        this.hedges = new HedgeBuiltins(checked, this::evaluate, margins, marginRules);
        this.rulesCalibrator = new RulesCalibrator(source, this::evaluate);
        this.proofs = new ProofBuiltins(checked, loader, this::evaluate);
        this.calibration = new Calibration(checked, registry, this::evaluate, this::value, undefined, cancellation,
                progress, replays, diagnostics, engine);
    }

    /** Runs every statement; returns the diagnostics of running (the checker's are not repeated) and what was shown. */
    Execution run() {
        warmUpCalibration();
        for (Stmt statement : checked.program().statements()) {
            try {
                stopIfInterrupted(statement.span());
                statement(statement);
            } catch (RunFailure failure) {
                diagnostics.add(Diagnostic.error(source, failure.span(), failure.getMessage(), failure.hint()));
                break;
            } catch (RuntimeException | StackOverflowError bug) {
                throw new InternalFailure(source, statement.span(), "running", bug);
            } finally {
                diagnostics.addAll(undefined.drain(source, 0));
            }
        }
        return new Execution(diagnostics, shown);
    }

    /**
     * Starts {@link CalibrationWarmUp} for the first built-in model family the program declares, so that its first
     * fit does not interpret the pricer while the statements before it load data.
     */
    private void warmUpCalibration() {
        for (Stmt statement : checked.program().statements()) {
            if (statement instanceof Stmt.Binding binding && binding.kind() == Stmt.BindingKind.MODEL
                    && binding.value() instanceof Expr.Name family) {
                registry.modelFamily(family.id()).ifPresent(declared -> CalibrationWarmUp.startFor(
                        declared.atDefaults(), declared.parameters().stream().map(ModelFamily.Parameter::defaults)
                                .toList()));
                return;
            }
        }
    }

    private void stopIfInterrupted(Span span) {
        if (interrupted.getAsBoolean()) {
            throw new RunFailure(span, "interrupted", "the statements before this one ran; this and later ones did not");
        }
    }

    private void statement(Stmt statement) {
        switch (statement) {
            case Stmt.Binding binding when binding.kind() == Stmt.BindingKind.MODEL -> bindings.put(binding.name().id(),
                    new Session.Bound(checked.boundType(binding), calibration.model(binding)));
            case Stmt.Binding binding when binding.kind() == Stmt.BindingKind.FIT -> bindings.put(binding.name().id(),
                    new Session.Bound(checked.boundType(binding), calibration.fit(binding)));
            case Stmt.Binding binding when binding.kind() == Stmt.BindingKind.REPLAY -> bindings.put(
                    binding.name().id(), new Session.Bound(checked.boundType(binding), calibration.replay(binding)));
            case Stmt.Binding binding -> {
                Value value = switch (binding.kind()) {
                    case RULES -> binding.value() instanceof Expr.Calibrate calibrate
                            ? rulesCalibrator.calibrate(calibrate, binding.block())
                            : marginRules.build(((Expr.Name) binding.value()).id(), binding.block());
                    case SURFACE -> surfaces.fit((Expr.Call) binding.value(), binding.block());
                    default -> binding.value() instanceof Expr.Call call && call.callee().id().equals("hedge")
                            ? hedges.hedge(call, binding.block())
                            : binding.value() instanceof Expr.Call call && call.callee().id().equals(ProofEntries.PROVE)
                            ? proofs.call(call, binding.block()) : evaluate(binding.value());
                };
                if (value instanceof TableValue table && !binding.block().isEmpty()
                        && !(binding.value() instanceof Expr.Call call && ProofBuiltins.handles(call.callee().id()))) {
                    value = applyBlock(table, binding.block());
                }
                bindings.put(binding.name().id(), new Session.Bound(checked.boundType(binding), value));
            }
            case Stmt.Show show when show.value() instanceof Expr.Call call && call.callee().id().equals("hedge") ->
                    shown.add(new Shown(show.span().line(), label(show.value()), hedges.hedge(call, show.block())));
            case Stmt.Show show -> shown.add(new Shown(show.span().line(), label(show.value()),
                    applySettings(show.value() instanceof Expr.Call call && call.callee().id().equals("stress")
                            ? margins.stress(call, show.block()) : evaluate(show.value()), show.block())));
            case Stmt.Plot plot -> shown.add(new Shown(plot.span().line(), label(plot.value()),
                    plot.value() instanceof Expr.Call call && checked.typeOf(call).kind() == Kind.REPORT
                            ? histories.figure(call)
                            : plot.value() instanceof Expr.Call call && HedgeBuiltins.plots(call.callee().id())
                            ? hedges.figure(call) : evaluate(plot.value())));
            case Stmt.Export export -> export(export);
            case Stmt.Script script -> {
                if (scripts != null) {
                    scripts.commit(checked.exportsOf(script));
                }
            }
            case Stmt.ExpressionStatement bare -> shown.add(new Shown(bare.span().line(), label(bare.value()),
                    evaluate(bare.value())));
            default -> throw new IllegalStateException("the checker lets through only runnable statements: " + statement);
        }
    }

    /**
     * {@code export TABLE to "PATH.csv"} (or {@code "PATH.parquet"} on an engine): every row of the table written to
     * the file ({@link CsvExport}) or data set, replacing it all or nothing; a note says how many. The margin, stress
     * or attribution of a book an engine holds is written by its parts and never gathered in the driver.
     */
    private void export(Stmt.Export export) {
        String path = ((TextValue) evaluate(export.path())).value();
        Span at = export.path().span();
        boolean parquet = path.endsWith(".parquet");
        if (!path.endsWith(".csv") && !parquet) {
            throw new RunFailure(at, Checker.exportFormats(path));
        }
        if (parquet && engine == null) {
            throw new RunFailure(at, "cannot write " + path + ": a Parquet data set is written by the spark engine",
                    "run with --engine spark (docs/scale-out.md), or write .csv");
        }
        Path target = loader.output(path);
        Path folder = target.getParent();
        boolean aFolder = Files.isDirectory(target) && !parquet;
        if (aFolder || folder == null || !Files.isDirectory(folder)) {
            throw new RunFailure(at, "cannot write " + path + ": " + (aFolder ? "it is a folder"
                    : "there is no folder " + folder), "paths are relative to the recipe's folder");
        }
        for (Path read : loader.filesRead()) {
            if (sameFile(target, read)) {
                throw new RunFailure(at, "refusing to export to " + path + ": it is " + read
                        + ", a data file the recipe read");
            }
        }
        long rows;
        try {
            rows = export.value() instanceof Expr.Call call && MarginBuiltins.exportsPerAccount(call)
                    ? margins.export(call, target)
                    : margins.write(target, ((TableValue) evaluate(export.value())).table());
        } catch (UncheckedIOException failed) {
            throw new RunFailure(at, "cannot write " + path + ": " + DataFile.reason(failed.getCause())
                    + (parquet ? "; the data set is left as it was" : "; the file is left as it was"));
        }
        diagnostics.add(Diagnostic.note(source, export.span(), label(export.value()) + ": " + rows
                + (rows == 1 ? " row" : " rows") + " written to " + path));
    }

    /** Whether two paths are one file: the same path, or a link to it. */
    private static boolean sameFile(Path one, Path other) {
        try {
            return one.equals(other) || Files.exists(one) && Files.exists(other) && Files.isSameFile(one, other);
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }

    private String label(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }

    // ---- scalar values

    /** The value of an expression outside row scope, computed once. */
    private Value evaluate(Expr expr) {
        Type type = checked.typeOf(expr);
        return switch (expr) {
            case Expr.Name name when type.kind() == Kind.RULES && !bindings.containsKey(name.id()) ->
                    marginRules.defaults(name.id());
            case Expr.Name name -> value(name.id());
            case Expr.Call call when MarginBuiltins.handles(call.callee().id()) -> margins.call(call);
            case Expr.Call call when SurfaceBuiltins.handles(call.callee().id()) -> surfaces.call(call);
            case Expr.Call call when HistoryBuiltins.handles(call.callee().id()) -> histories.call(call);
            case Expr.Call call when HedgeBuiltins.handles(call.callee().id()) -> hedges.call(call);
            case Expr.Call call when ProofBuiltins.handles(call.callee().id()) -> proofs.call(call);
            case Expr.Call call when type.kind() == Kind.TABLE && call.callee().id().equals("price") ->
                    calibration.price(call, checked.argumentsOf(call));
            case Expr.Call call when type.kind() == Kind.TABLE && call.callee().id().equals("snapshots") ->
                    snapshots(call);
            case Expr.Call call when type.kind() == Kind.TABLE -> options(call);
            case Expr.Call call when type.kind() == Kind.LAYOUT -> layout(checked.argumentsOf(call), 0, 1, 2);
            case Expr.Call call when type.kind() == Kind.FIGURE -> figure(call);
            case Expr.ListLiteral list -> new ListValue(list.elements().stream().map(this::evaluate).toList());
            default -> scalar(expr, type.kind());
        };
    }

    private Value scalar(Expr expr, Kind kind) {
        Compiler compiler = new Compiler(checked, registry, RowFrame.scalar(), this::value, undefined);
        return switch (kind) {
            case NUMBER -> new NumberValue(finiteOrWarned(expr, compiler), displayUnit(expr));
            case DURATION -> new NumberValue(finiteOrWarned(expr, compiler), DisplayUnit.DURATION);
            case INSTANT -> new InstantValue(RowFrame.instant(compiler.number(expr).at(0)));
            case BOOLEAN -> new BooleanValue(compiler.condition(expr).at(0));
            case TEXT -> new TextValue(compiler.text(expr).at(0));
            default -> throw new IllegalStateException("no scalar of kind " + kind);
        };
    }

    /** The value of a numeric scalar; when it is Infinity or NaN, with a warning at the part that made it so. */
    private double finiteOrWarned(Expr expr, Compiler compiler) {
        double value = compiler.number(expr).at(0);
        Diagnostic warning = nonFinite.warning(expr, value, part -> compiler.number(part).at(0));
        if (warning != null) {
            diagnostics.add(warning);
        }
        return value;
    }

    /**
     * A warning at the part of a {@code set} column's expression that went Infinity or NaN, if a row did. The parts are
     * evaluated again, in that row, with their NaN calls recorded apart, so that the column's counts stay its own.
     */
    private void warnOfNonFiniteRows(Expr expr, double[] values, RowFrame frame) {
        Compiler parts = new Compiler(checked, registry, frame, this::value, new UndefinedResults());
        Diagnostic warning = nonFinite.warning(expr, values, (part, row) -> parts.number(part).at(row));
        if (warning != null) {
            diagnostics.add(warning);
        }
    }

    /**
     * A number displays as a percentage when it was written as one ({@code 16%}, {@code 25bp}), or is a name,
     * sign change, {@code abs}, {@code min} or {@code max} of one; any other arithmetic gives a plain decimal.
     */
    private DisplayUnit displayUnit(Expr expr) {
        return switch (expr) {
            case Expr.NumberLiteral literal -> literal.unit() == NumberUnit.PERCENT || literal.unit() == NumberUnit.BASIS_POINTS
                    ? DisplayUnit.PERCENT : DisplayUnit.PLAIN;
            case Expr.Name name -> value(name.id()) instanceof NumberValue number ? number.unit() : DisplayUnit.PLAIN;
            case Expr.Unary unary -> displayUnit(unary.operand());
            case Expr.Call call when checked.scriptFunction(call) != null -> DisplayUnit.PLAIN;
            case Expr.Call call when registry.function(call.callee().id()).map(FunctionSpec::returns).isEmpty() ->
                    displayUnit(checked.argumentsOf(call).getFirst());
            default -> DisplayUnit.PLAIN;
        };
    }

    private Value value(String name) {
        Session.Bound bound = bindings.get(name);
        if (bound == null) {
            throw new IllegalStateException("the checker resolved a name that is not bound: " + name);
        }
        return bound.value();
    }

    /** {@code options(path, format?, as_of?, iv_unit?, layout?, FIELD COLUMN ...)}. */
    private TableValue options(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        String path = ((TextValue) evaluate(arguments.get(0))).value();
        Instant asOf = arguments.get(2) == null ? null : ((InstantValue) evaluate(arguments.get(2))).value();
        LayoutValue given = layout(arguments, 1, 3, 5);
        LayoutValue layout = arguments.get(4) == null ? given
                : ((LayoutValue) evaluate(arguments.get(4))).overriddenBy(given);
        TableValue table = loader.load(path, layout, asOf, source, call.span(), diagnostics);
        stopIfInterrupted(call.span());
        return table;
    }

    /** {@code snapshots(path, format?, iv_unit?, layout?, every?, FIELD COLUMN ...)}. */
    private TableValue snapshots(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        String path = ((TextValue) evaluate(arguments.get(0))).value();
        LayoutValue given = layout(arguments, 1, 2, 5);
        LayoutValue layout = arguments.get(3) == null ? given
                : ((LayoutValue) evaluate(arguments.get(3))).overriddenBy(given);
        Duration every = null;
        if (arguments.get(4) != null) {
            double years = ((NumberValue) evaluate(arguments.get(4))).value();
            if (!(years > 0) || !Double.isFinite(years)) {
                throw new RunFailure(arguments.get(4).span(), "every must be a positive duration, such as 1h");
            }
            every = Duration.ofNanos(Math.round(years * 365.0 * 86_400e9));
        }
        TableValue table = loader.loadSeries(path, layout, every, source, call.span(), diagnostics);
        stopIfInterrupted(call.span());
        return table;
    }

    /**
     * The format, IV unit and columns among a call's arguments in parameter order: the format and unit at their
     * positions, then one column per {@link ChainField} from {@code firstColumn} on.
     */
    private LayoutValue layout(List<Expr> arguments, int format, int ivUnit, int firstColumn) {
        ChainLayout columns = ChainLayout.NONE;
        ChainField[] fields = ChainField.values();
        for (int i = 0; i < fields.length; i++) {
            Expr column = arguments.get(firstColumn + i);
            if (column != null) {
                columns = columns.with(fields[i], ((TextValue) evaluate(column)).value());
            }
        }
        return new LayoutValue(text(arguments.get(format)), text(arguments.get(ivUnit)), columns);
    }

    /** The text of an optional argument, or null when it is not given. */
    private String text(Expr argument) {
        return argument == null ? null : ((TextValue) evaluate(argument)).value();
    }

    private FigureValue figure(Expr.Call call) {
        return switch (call.callee().id()) {
            case "smile" -> smile(call);
            case "residuals" -> residuals(call);
            case "surface" -> surface(call);
            case "parameters", "rmse" -> {
                Expr fit = checked.argumentsOf(call).getFirst();
                Value fitted = evaluate(fit);
                SeriesFitValue series = fitted instanceof ReplayValue replay ? replay.fit() : (SeriesFitValue) fitted;
                yield new FigureValue(call.callee().id().equals("rmse") ? SeriesPlots.rmse(series, "rmse of "
                        + label(fit)) : SeriesPlots.parameters(series, "parameters of " + label(fit)));
            }
            default -> throw new IllegalStateException("no figure from " + call.callee().id());
        };
    }

    /**
     * {@code smile(data, x?)}: the market smile of a chain. Only a table reaches here (the checker); its columns
     * are checked now, as a table bound with set may have replaced one with another kind.
     */
    private FigureValue smile(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        Expr data = arguments.get(0);
        Value shownValue = evaluate(data);
        FitValue fit = shownValue instanceof FitValue f ? f : null;
        SurfaceValue surface = shownValue instanceof SurfaceValue s ? s : null;
        TableValue chain = fit != null ? fit.data() : surface != null ? surface.chain() : (TableValue) shownValue;
        SmileAxis x = arguments.get(1) == null ? SmileAxis.LOG_MONEYNESS
                : SmileAxis.named(((TextValue) evaluate(arguments.get(1))).value());
        ChainValues.requireOneSnapshot(chain.table(), label(data), data.span());
        String missing = SmilePlot.missingColumn(chain.table(), x);
        if (missing != null) {
            throw new RunFailure(data.span(), "smile needs the column " + missing + " in " + label(data),
                    "draw a chain loaded with options(...), which has every column smile needs");
        }
        SmilePlot.Drawn drawn = SmilePlot.of(chain.table(), chain.valuationTime(), "smile of " + label(data), x,
                fit != null ? calibration.modelSmile(fit, label(data), data.span(), x)
                        : surface != null ? SurfaceBuiltins.modelSmile(surface, x) : null);
        if (drawn.figure() == null) {
            throw new RunFailure(data.span(), "smile has nothing to draw: no row of " + label(data)
                    + " has an expiry, a mid implied vol and a " + x.column(),
                    "keep rows with two-sided quotes, e.g. keep bid_iv > 0 and ask_iv > 0");
        }
        if (drawn.rowsLeftOut() > 0) {
            diagnostics.add(Diagnostic.warning(source, data.span(), drawn.rowsLeftOut()
                    + (drawn.rowsLeftOut() == 1 ? " row" : " rows") + " of " + label(data)
                    + " left out of the smile: no mid implied vol (or no " + x.column() + " or option type)"));
        }
        return new FigureValue(drawn.figure());
    }

    /** {@code surface(sv)}: the fitted implied-vol surface as a heat map over log-moneyness and expiry. */
    private FigureValue surface(Expr.Call call) {
        Expr argument = checked.argumentsOf(call).getFirst();
        SurfaceValue surface = (SurfaceValue) evaluate(argument);
        Figure figure = SurfacePlot.of(surface.fit(), "surface " + label(argument));
        if (figure == null) {
            throw new RunFailure(argument.span(), "surface has nothing to draw: " + label(argument) + " fitted no expiry");
        }
        return new FigureValue(figure);
    }

    /** {@code residuals(fit)}: the fit's errors quote by quote, one panel per expiry. */
    private FigureValue residuals(Expr.Call call) {
        Expr data = checked.argumentsOf(call).getFirst();
        FitValue fit = (FitValue) evaluate(data);
        ResidualTable residuals = fit.result().residuals();
        Table chain = fit.data().table();
        int n = residuals.size();
        Instant[] expiries = new Instant[n];
        double[] logMoneyness = new double[n];
        double[] forwards = chain.doubleColumn("forward").asDoubleArray();
        for (int i = 0; i < n; i++) {
            int row = residuals.quote()[i];
            expiries[i] = chain.instantColumn("expiry").get(row);
            logMoneyness[i] = Math.log(residuals.strike()[i] / forwards[row]);
        }
        // A chain's prices are USD (mid_usd), which core, knowing only "the currency of the forward", calls "price".
        String unit = fit.result().target() == Target.PRICE ? "USD" : fit.result().target().reportingUnit();
        Figure figure = ResidualPlot.of(expiries, logMoneyness, residuals.error(), unit, fit.data().valuationTime(),
                "residuals of " + label(data));
        if (figure == null) {
            throw new RunFailure(data.span(), "residuals has nothing to draw: " + label(data) + " fitted no quote");
        }
        return new FigureValue(figure);
    }

    // ---- tables

    /** {@code keep} and {@code set}, in order, each compiled once and run over the rows. */
    private TableValue applyBlock(TableValue value, Block block) {
        Table table = value.table();
        boolean copied = false;
        for (Clause clause : block.clauses()) {
            RowFrame frame = RowFrame.of(table, value.valuationTime());
            Compiler compiler = new Compiler(checked, registry, frame, this::value, undefined);
            switch (clause) {
                case Clause.Keep keep -> {
                    diagnostics.addAll(nonFinite.tooLargeNumbers(keep.condition()));
                    table = table.where(keep(compiler.condition(keep.condition()), frame.rows(), keep.span()));
                }
                case Clause.SetColumn set -> {
                    diagnostics.addAll(nonFinite.tooLargeNumbers(set.value()));
                    if (!copied) {
                        table = table.copy();
                        copied = true;
                    }
                    Column<?> column = column(set.column().id(), set.value(), compiler, frame, set.span());
                    if (table.containsColumn(set.column().id())) {
                        table.replaceColumn(set.column().id(), column);
                    } else {
                        table.addColumns(column);
                    }
                }
                default -> throw new IllegalStateException("the checker lets through only keep and set: " + clause);
            }
            diagnostics.addAll(undefined.drain(source, frame.rows()));
        }
        return value.withTable(table);
    }

    private Selection keep(Compiler.BooleanCode condition, int rows, Span span) {
        Selection kept = new BitmapBackedSelection();
        for (int row = 0; row < rows; row++) {
            if ((row & (INTERRUPT_STRIDE - 1)) == 0) {
                stopIfInterrupted(span);
            }
            if (condition.at(row)) {
                kept.add(row);
            }
        }
        return kept;
    }

    private Column<?> column(String name, Expr expr, Compiler compiler, RowFrame frame, Span span) {
        int rows = frame.rows();
        Kind kind = checked.typeOf(expr).kind();
        switch (kind) {
            case NUMBER, DURATION, INSTANT -> {
                Compiler.DoubleCode code = compiler.number(expr);
                double[] values = new double[rows];
                for (int row = 0; row < rows; row++) {
                    if ((row & (INTERRUPT_STRIDE - 1)) == 0) {
                        stopIfInterrupted(span);
                    }
                    values[row] = code.at(row);
                }
                if (kind != Kind.INSTANT) {
                    warnOfNonFiniteRows(expr, values, frame);
                    return DoubleColumn.create(name, values);
                }
                InstantColumn instants = InstantColumn.create(name);
                for (double seconds : values) {
                    if (Double.isNaN(seconds)) {
                        instants.appendMissing();
                    } else {
                        instants.append(RowFrame.instant(seconds));
                    }
                }
                return instants;
            }
            case BOOLEAN -> {
                Compiler.BooleanCode code = compiler.condition(expr);
                boolean[] values = new boolean[rows];
                for (int row = 0; row < rows; row++) {
                    values[row] = code.at(row);
                }
                return BooleanColumn.create(name, values);
            }
            case TEXT -> {
                Compiler.TextCode code = compiler.text(expr);
                String[] values = new String[rows];
                for (int row = 0; row < rows; row++) {
                    values[row] = code.at(row);
                }
                return StringColumn.create(name, values);
            }
            default -> throw new IllegalStateException("no column of kind " + kind);
        }
    }

    /** {@code show E { columns [...]  rows N }}. */
    private Value applySettings(Value value, Block block) {
        for (Clause clause : block.clauses()) {
            Clause.Setting setting = (Clause.Setting) clause;
            if (!(value instanceof TableValue table)) {
                continue;
            }
            switch (setting.name().id()) {
                case "columns" -> value = table.withTable(table.table().selectColumns(
                        ((Expr.ListLiteral) setting.value()).elements().stream()
                                .map(element -> ((Expr.Name) element).id()).toArray(String[]::new)));
                case "rows" -> value = table.withDisplayRows(rows(setting.value()));
                case "price", "vol" -> {
                    // the move of a stress, applied when it ran (MarginBuiltins.stress)
                }
                default -> throw new IllegalStateException("show setting without a meaning: " + setting.name().id());
            }
        }
        return value;
    }

    private int rows(Expr expr) {
        double rows = ((NumberValue) evaluate(expr)).value();
        if (!(rows >= 1) || rows != Math.rint(rows) || rows > Integer.MAX_VALUE) {
            throw new RunFailure(expr.span(), "rows must be a whole number of at least 1, not " + rows);
        }
        return (int) rows;
    }
}
