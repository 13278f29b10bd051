package margo.dsl.run;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import margo.core.calibration.CalibrationFailure;
import margo.core.calibration.CalibrationModel;
import margo.core.calibration.CalibrationProblem;
import margo.core.calibration.CalibrationQuotes;
import margo.core.calibration.CalibrationResult;
import margo.core.calibration.Calibrator;
import margo.core.calibration.Cancellation;
import margo.core.calibration.Constraint;
import margo.core.calibration.CosSlicePricer;
import margo.core.calibration.ParameterSpec;
import margo.core.calibration.ProgressListener;
import margo.core.calibration.SlicePricedModel;
import margo.core.calibration.Recalibrator;
import margo.core.calibration.SeriesCalibration;
import margo.core.calibration.SolverMethod;
import margo.core.calibration.StopReason;
import margo.core.calibration.Target;
import margo.core.models.CharacteristicFunctionModel;
import margo.core.models.CosPricer;
import margo.core.models.UserDefinedModel;
import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;
import margo.dsl.check.CheckedProgram;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.engine.Engine;
import margo.dsl.engine.NotDistributable;
import margo.dsl.engine.TaskFailure;
import margo.dsl.output.Cells;
import margo.dsl.plot.SmileAxis;
import margo.dsl.plot.SmilePlot;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.Registry;
import margo.dsl.syntax.BinaryOperator;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.syntax.Stmt;
import margo.dsl.value.FitValue;
import margo.dsl.value.InstantValue;
import margo.dsl.value.ModelValue;
import margo.dsl.value.ReplayValue;
import margo.dsl.value.SeriesFitValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.Value;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * Runs the calibration statements: {@code model} builds a {@link ModelValue} (bounds, starts and compiled
 * {@code require} constraints), {@code fit} compiles the problem for core's {@link Calibrator} and runs it, and
 * {@code price(model_or_fit, chain)} prices a chain in one bulk COS call.
 */
final class Calibration {

    /** Seconds per year of a duration (ACT/365), for {@code time_limit}. */
    private static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

    private final CheckedProgram checked;
    private final Registry registry;
    private final SourceFile source;
    private final Function<Expr, Value> evaluate;
    private final Function<String, Value> bindings;
    private final UndefinedResults undefined;
    private final Cancellation cancellation;
    private final ProgressListener progress;
    private final ReplayListener replays;
    private final List<Diagnostic> diagnostics;
    private final Engine engine;

    /**
     * @param diagnostics where a fit that ran but failed reports why, the run going on with its best point
     * @param engine      the distributed engine a series' cold fits run on, one task per snapshot; null for here
     */
    Calibration(CheckedProgram checked, Registry registry, Function<Expr, Value> evaluate,
                Function<String, Value> bindings, UndefinedResults undefined, Cancellation cancellation,
                ProgressListener progress, ReplayListener replays, List<Diagnostic> diagnostics, Engine engine) {
        this.checked = checked;
        this.registry = registry;
        this.source = checked.program().source();
        this.evaluate = evaluate;
        this.bindings = bindings;
        this.undefined = undefined;
        this.cancellation = cancellation;
        this.progress = progress;
        this.replays = replays;
        this.diagnostics = diagnostics;
        this.engine = engine;
    }

    // ---- model

    /**
     * {@code model N = FAMILY { ... }}: the family's parameters in core's order, those the block does not mention
     * at their family defaults; a bound written without a start starts at the family's default when that lies
     * within the bounds, else at the middle of the bounds.
     */
    ModelValue model(Stmt.Binding binding) {
        if (((Expr.Name) binding.value()).id().equals(USER_DEFINED)) {
            return userDefinedModel(binding);
        }
        ModelFamily family = registry.modelFamily(((Expr.Name) binding.value()).id()).orElseThrow();
        Map<String, ParameterSpec> declared = new HashMap<>();
        List<Constraint> constraints = new ArrayList<>();
        for (Clause clause : binding.block().clauses()) {
            switch (clause) {
                case Clause.ParameterBounds bounds -> {
                    String name = bounds.parameter().id();
                    ModelFamily.Parameter parameter = family.parameter(name).orElseThrow();
                    double lower = inDomain(parameter, "lower bound", true, bounds.lower());
                    double upper = inDomain(parameter, "upper bound", true, bounds.upper());
                    double fallback = parameter.start();
                    double start = bounds.start() != null ? inDomain(parameter, "start", false, bounds.start())
                            : fallback >= lower && fallback <= upper ? fallback : 0.5 * (lower + upper);
                    declared.put(name, parameter(bounds.span(), () -> ParameterSpec.free(name, lower, upper, start)));
                }
                case Clause.ParameterFixed fixed -> {
                    String name = fixed.parameter().id();
                    double value = inDomain(family.parameter(name).orElseThrow(), "value", false, fixed.value());
                    declared.put(name, parameter(fixed.span(), () -> ParameterSpec.fixed(name, value)));
                }
                case Clause.Require require -> constraints.add(constraint(family, require));
                default -> throw new IllegalStateException("the checker lets through only model clauses: " + clause);
            }
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        double[] starts = new double[family.parameters().size()];
        for (int i = 0; i < starts.length; i++) {
            ModelFamily.Parameter p = family.parameters().get(i);
            ParameterSpec spec = declared.getOrDefault(p.name(), p.defaults());
            parameters.add(spec);
            starts[i] = spec.start();
        }
        CharacteristicFunctionModel prototype;
        try {
            prototype = family.prototype().withParameters(starts);
        } catch (IllegalArgumentException invalid) {
            throw new RunFailure(binding.value().span(), "the starting parameters of " + binding.name().id()
                    + " are not a valid " + family.name() + " model: " + invalid.getMessage(),
                    "move the start (or the fixed value) into the parameter's domain");
        }
        return new ModelValue(family.name(), prototype, parameters, constraints,
                FitReport.model(binding.name().id(), family, parameters, constraints));
    }

    /** The family word of a model defined by a script's characteristic function. */
    private static final String USER_DEFINED = "characteristic_function";

    /**
     * {@code model N = characteristic_function { parameters { ... }  cf js NAME  require E }}: a family of one model
     * made from the declaration, whose parameters' domains are their bounds, priced by COS through the script.
     */
    private ModelValue userDefinedModel(Stmt.Binding binding) {
        List<ModelFamily.Parameter> declared = new ArrayList<>();
        List<ParameterSpec> parameters = new ArrayList<>();
        Clause.ScriptFunction cf = null;
        List<Clause.Require> requires = new ArrayList<>();
        for (Clause clause : binding.block().clauses()) {
            switch (clause) {
                case Clause.Setting setting -> {
                    for (Clause inner : setting.block().clauses()) {
                        ParameterSpec spec = switch (inner) {
                            case Clause.ParameterBounds bounds -> {
                                double lower = scalar(bounds.lower());
                                double upper = scalar(bounds.upper());
                                double start = bounds.start() == null ? 0.5 * (lower + upper) : scalar(bounds.start());
                                yield parameter(bounds.span(), () -> ParameterSpec.free(bounds.parameter().id(), lower,
                                        upper, start));
                            }
                            case Clause.ParameterFixed fixed -> {
                                double value = scalar(fixed.value());
                                yield parameter(fixed.span(), () -> ParameterSpec.fixed(fixed.parameter().id(), value));
                            }
                            default -> throw new IllegalStateException("the checker lets through only parameters");
                        };
                        parameters.add(spec);
                        double lower = spec.fixed() ? spec.start() : spec.lower();
                        double upper = spec.fixed() ? spec.start() : spec.upper();
                        declared.add(new ModelFamily.Parameter(spec.name(), "as the script reads it", lower, upper,
                                spec.start(), "a parameter of the script"));
                    }
                }
                case Clause.ScriptFunction function -> cf = function;
                case Clause.Require require -> requires.add(require);
                default -> throw new IllegalStateException("the checker lets through only model clauses: " + clause);
            }
        }
        Clause.ScriptFunction clause = java.util.Objects.requireNonNull(cf, "the checker requires cf js NAME");
        List<String> names = parameters.stream().map(ParameterSpec::name).toList();
        double[] starts = parameters.stream().mapToDouble(ParameterSpec::start).toArray();
        ScriptedCharacteristicFunction definition = new ScriptedCharacteristicFunction(
                checked.characteristicFunction(clause), names, source, clause.span());
        String name = clause.function().id();
        UserDefinedModel prototype = new UserDefinedModel(name, names, starts, definition);
        ModelFamily family = new ModelFamily(name, declared, prototype, "the characteristic function js " + name, "");
        List<Constraint> constraints = new ArrayList<>();
        for (Clause.Require require : requires) {
            constraints.add(constraint(family, require));
        }
        return new ModelValue(name, prototype, parameters, constraints,
                FitReport.model(binding.name().id(), family, parameters, constraints));
    }

    /**
     * The number {@code expr} computes, which must lie in the parameter's domain; the checker has already refused
     * the numbers written as such, so this catches the computed ones ({@code rho in [lo, hi]}).
     */
    private double inDomain(ModelFamily.Parameter parameter, String role, boolean bound, Expr expr) {
        double value = scalar(expr);
        String problem = parameter.outsideDomain(role, bound, text(expr) + " = " + Cells.number(value), value);
        if (problem != null) {
            throw new RunFailure(expr.span(), problem, parameter.domainHint());
        }
        return value;
    }

    private interface ParameterMaker {
        ParameterSpec make();
    }

    private static ParameterSpec parameter(Span span, ParameterMaker maker) {
        try {
            return maker.make();
        } catch (IllegalArgumentException inconsistent) {
            throw new RunFailure(span, inconsistent.getMessage());
        }
    }

    /**
     * A {@code require} condition as core's {@code g(theta) >= 0}: {@code a >= b} is {@code a - b}, {@code a <= b}
     * is {@code b - a}, {@code and} the smaller of two, {@code or} the larger, so that the penalty grows with the
     * size of the violation. The sides compile once into closures over a frame of the parameters.
     */
    private Constraint constraint(ModelFamily family, Clause.Require require) {
        // The names the condition reads, as they are bound now: a copy compiled later sees the same values.
        Map<String, Value> bound = new HashMap<>();
        Constraint.ConstraintFunction function = constraintFunction(family.parameterNames(), require.condition(),
                name -> bound.computeIfAbsent(name, bindings));
        String text = source.text().substring(require.condition().span().start(), require.condition().span().end());
        if (require.penalty() == null) {
            return Constraint.hard(text, function);
        }
        double penalty = scalar(require.penalty());
        try {
            return Constraint.soft(text, function, penalty);
        } catch (IllegalArgumentException notPositive) {
            throw new RunFailure(require.penalty().span(), "the penalty must be a positive number, not " + penalty);
        }
    }

    /**
     * {@code g} compiled over a frame of the parameters that each call writes into; so {@code forOneThread}
     * compiles another copy, over a frame of its own, for the starts that run at once.
     */
    private Constraint.ConstraintFunction constraintFunction(List<String> names, Expr condition,
            Function<String, Value> bound) {
        RowFrame frame = RowFrame.parameters(names);
        Compiler.DoubleCode g = margin(condition, new Compiler(checked, registry, frame, bound, undefined));
        double[][] slots = new double[names.size()][];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = frame.doubles(names.get(i));
        }
        return new Constraint.ConstraintFunction() {
            @Override
            public double value(double[] parameters) {
                for (int i = 0; i < slots.length; i++) {
                    slots[i][0] = parameters[i];
                }
                return g.at(0);
            }

            @Override
            public Constraint.ConstraintFunction forOneThread() {
                return constraintFunction(names, condition, bound);
            }
        };
    }

    private static Compiler.DoubleCode margin(Expr condition, Compiler compiler) {
        Expr.Binary binary = (Expr.Binary) condition;
        return switch (binary.operator()) {
            case AND, OR -> {
                Compiler.DoubleCode a = margin(binary.left(), compiler);
                Compiler.DoubleCode b = margin(binary.right(), compiler);
                yield binary.operator() == BinaryOperator.AND ? row -> Math.min(a.at(row), b.at(row))
                        : row -> Math.max(a.at(row), b.at(row));
            }
            case GREATER, GREATER_EQUAL -> {
                Compiler.DoubleCode a = compiler.number(binary.left());
                Compiler.DoubleCode b = compiler.number(binary.right());
                yield row -> a.at(row) - b.at(row);
            }
            case LESS, LESS_EQUAL -> {
                Compiler.DoubleCode a = compiler.number(binary.left());
                Compiler.DoubleCode b = compiler.number(binary.right());
                yield row -> b.at(row) - a.at(row);
            }
            default -> throw new IllegalStateException("the checker lets through only orderings in require");
        };
    }

    // ---- fit

    /** The column of a series table ({@code snapshots(...)}) that holds each row's snapshot time. */
    static final String SNAPSHOT = "snapshot";

    /**
     * {@code fit N = calibrate MODEL to DATA { ... }}: compiles the problem and calibrates; to a series of snapshots
     * ({@code snapshots(...)}), once per snapshot ({@link #seriesFit}).
     */
    Value fit(Stmt.Binding binding) {
        Expr.Calibrate calibrate = (Expr.Calibrate) binding.value();
        ModelValue model = (ModelValue) evaluate.apply(calibrate.model());
        TableValue data = (TableValue) evaluate.apply(calibrate.data());
        ChainValues.requireOneUnderlying(data.table(), text(calibrate.data()), calibrate.data().span());
        if (data.table().containsColumn(SNAPSHOT)) {
            return seriesFit(binding, model, data);
        }
        CalibrationProblem problem = problem(binding, model, data);
        CalibrationResult result;
        try {
            result = Calibrator.DEFAULT.calibrate(problem, progress, cancellation);
        } catch (IllegalArgumentException cannot) {
            throw new RunFailure(binding.value().span(), "cannot calibrate " + binding.name().id() + ": "
                    + cannot.getMessage());
        }
        rethrowScriptFailure(model);
        if (result.stopReason() == StopReason.CANCELLED) {
            throw interrupted(binding);
        }
        for (CalibrationFailure failure : result.failures()) {
            diagnostics.add(failed(binding, result, failure, ""));
        }
        CharacteristicFunctionModel fitted = model.prototype().withParameters(result.parameters());
        String title = "fit " + binding.name().id() + ": " + model.family() + " calibrated to " + text(calibrate.data());
        return new FitValue(model, fitted, result, data, FitReport.fit(title, model, result, data.table()));
    }

    /**
     * The fit of every snapshot of a series, a row each: the snapshots' problems are compiled here, one after
     * another (weights and expiries per snapshot), and then solved by core's {@link SeriesCalibration}, warm-started
     * in time order or cold in parallel. A model with {@code require} clauses or a script is solved one snapshot at a
     * time even cold: its compiled conditions are not to be copied on several threads at once.
     */
    private SeriesFitValue seriesFit(Stmt.Binding binding, ModelValue model, TableValue data) {
        Map<Instant, TableValue> snapshots = snapshots(binding, data);
        List<Instant> times = new ArrayList<>(snapshots.keySet());
        List<CalibrationProblem> problems = new ArrayList<>();
        for (Map.Entry<Instant, TableValue> snapshot : snapshots.entrySet()) {
            problems.add(atSnapshot(snapshot.getKey(), () -> problem(binding, model, snapshot.getValue())));
        }
        boolean warm = warmStart(binding);
        boolean parallel = !warm && model.constraints().isEmpty() && !(model.prototype() instanceof UserDefinedModel);
        int threads = parallel ? Runtime.getRuntime().availableProcessors() : 1;
        List<CalibrationResult> results = parallel && engine != null ? onEngine(binding, problems, times) : null;
        try {
            if (results == null) {
                results = SeriesCalibration.calibrate(problems, (problem, start, calibrator) -> {
                    CalibrationProblem started = start == null ? problem : problem.withStart(start);
                    return calibrator.calibrate(started, parallel ? ProgressListener.NONE : progress, cancellation);
                }, warm, threads, cancellation);
            }
        } catch (IllegalArgumentException cannot) {
            throw new RunFailure(binding.value().span(), "cannot calibrate " + binding.name().id() + ": "
                    + cannot.getMessage());
        }
        rethrowScriptFailure(model);
        if (results.size() < times.size() || results.stream().anyMatch(r -> r.stopReason() == StopReason.CANCELLED)) {
            throw interrupted(binding);
        }
        for (int i = 0; i < results.size(); i++) {
            for (CalibrationFailure failure : results.get(i).failures()) {
                diagnostics.add(failed(binding, results.get(i), failure, " at snapshot " + times.get(i)));
            }
        }
        return new SeriesFitValue(model, times, results, new TableValue(FitReport.series(model, times, results), null,
                Math.max(TableValue.DEFAULT_DISPLAY_ROWS, Math.min(times.size(), 100))));
    }

    /** A series table's snapshots in time order, each a chain valued at its time. */
    private Map<Instant, TableValue> snapshots(Stmt.Binding binding, TableValue data) {
        Table table = data.table();
        InstantColumn times = table.instantColumn(SNAPSHOT);
        Map<Instant, List<Integer>> rowsByTime = new java.util.TreeMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            rowsByTime.computeIfAbsent(times.get(row), time -> new ArrayList<>()).add(row);
        }
        if (rowsByTime.isEmpty()) {
            throw new RunFailure(binding.value().span(), "cannot calibrate " + binding.name().id() + ": "
                    + text(((Expr.Calibrate) binding.value()).data()) + " has no snapshot left",
                    "its keep conditions removed every row");
        }
        Map<Instant, TableValue> snapshots = new java.util.LinkedHashMap<>();
        rowsByTime.forEach((time, rows) -> snapshots.put(time, new TableValue(table.rows(rows.stream()
                .mapToInt(Integer::intValue).toArray()), time)));
        return snapshots;
    }

    /** What {@code make} computes for the snapshot at {@code time}; its failure names the snapshot. */
    private static <T> T atSnapshot(Instant time, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (RunFailure failure) {
            throw new RunFailure(failure.span(), "at snapshot " + time + ": " + failure.getMessage(), failure.hint());
        }
    }

    /**
     * {@code replay N = calibrate MODEL to SERIES { budget d ... }}: the snapshots in time order through core's
     * {@link Recalibrator}, each update's problem compiled and solved from the previous update's parameters within
     * the budget, its latency measured from its quotes (the snapshot's rows) to its fit; each update is passed to the
     * replay listener as it is fitted, and an interrupt stops the replay between updates or within one.
     */
    ReplayValue replay(Stmt.Binding binding) {
        Expr.Calibrate calibrate = (Expr.Calibrate) binding.value();
        ModelValue model = (ModelValue) evaluate.apply(calibrate.model());
        TableValue data = (TableValue) evaluate.apply(calibrate.data());
        ChainValues.requireOneUnderlying(data.table(), text(calibrate.data()), calibrate.data().span());
        Map<Instant, TableValue> snapshots = snapshots(binding, data);
        Duration budget = null;
        for (Clause clause : binding.block().clauses()) {
            if (clause instanceof Clause.Setting setting && setting.name().id().equals("budget")) {
                budget = positiveDuration(setting, "budget");
            }
        }
        Recalibrator recalibrator = new Recalibrator(budget);
        List<Instant> times = new ArrayList<>();
        List<CalibrationResult> results = new ArrayList<>();
        long[] latencies = new long[snapshots.size()];
        int overBudget = 0;
        for (Map.Entry<Instant, TableValue> snapshot : snapshots.entrySet()) {
            if (cancellation.isCancelled()) {
                throw interrupted(binding);
            }
            Recalibrator.Update update;
            try {
                update = recalibrator.update(() -> atSnapshot(snapshot.getKey(),
                        () -> problem(binding, model, snapshot.getValue())), ProgressListener.NONE, cancellation);
            } catch (IllegalArgumentException cannot) {
                throw new RunFailure(binding.value().span(), "cannot calibrate " + binding.name().id()
                        + " at snapshot " + snapshot.getKey() + ": " + cannot.getMessage());
            }
            rethrowScriptFailure(model);
            CalibrationResult result = update.result();
            if (result.stopReason() == StopReason.CANCELLED) {
                throw interrupted(binding);
            }
            int index = times.size();
            latencies[index] = update.latencyNanos();
            overBudget += update.overBudget() ? 1 : 0;
            times.add(snapshot.getKey());
            replays.onUpdate(new ReplayListener.Update(binding.name().id(), index, snapshots.size(),
                    snapshot.getKey(), update.latencyNanos() * 1e-6, result.iterations(), result.rmse(),
                    result.parameterNames(), result.parameters()));
            // The standard errors of the table, once the update's latency is measured and its fit shown.
            result = update.diagnosed();
            results.add(result);
            for (CalibrationFailure failure : result.failures()) {
                if (failure.kind() != CalibrationFailure.Kind.BUDGET || result.stopReason() != StopReason.TIME_LIMIT) {
                    diagnostics.add(failed(binding, result, failure, " at snapshot " + snapshot.getKey()));
                }
            }
        }
        Table updates = FitReport.series(model, times, results);
        updates.addColumns(DoubleColumn.create("latency_ms", java.util.Arrays.stream(latencies)
                .mapToDouble(nanos -> nanos * 1e-6).toArray()));
        SeriesFitValue fit = new SeriesFitValue(model, times, results, new TableValue(updates, null,
                Math.max(TableValue.DEFAULT_DISPLAY_ROWS, Math.min(times.size(), 100))));
        String title = "replay " + binding.name().id() + ": " + model.family() + " recalibrated to each of "
                + times.size() + " updates of " + text(calibrate.data());
        return new ReplayValue(fit, FitReport.replay(title, fit, latencies, overBudget, budget));
    }

    /** A setting's positive duration, in a {@link Duration}. */
    private Duration positiveDuration(Clause.Setting setting, String name) {
        double years = scalar(setting.value());
        if (!(years > 0) || !Double.isFinite(years)) {
            throw new RunFailure(setting.value().span(), name + " must be a positive duration");
        }
        return Duration.ofNanos(Math.round(years * SECONDS_PER_YEAR * 1e9));
    }

    /**
     * A series' cold fits on the engine, one task per snapshot, each solved as {@link SeriesCalibration} solves a
     * cold fit on several threads ({@link Calibrator#SEQUENTIAL}), so the results are the same bit for bit; null,
     * with a warning, when a problem cannot be sent to the engine's workers.
     */
    private List<CalibrationResult> onEngine(Stmt.Binding binding, List<CalibrationProblem> problems,
                                             List<Instant> times) {
        try {
            return engine.map(problems, problem -> Calibrator.SEQUENTIAL.calibrate(problem, ProgressListener.NONE,
                    new Cancellation()));
        } catch (NotDistributable local) {
            diagnostics.add(Diagnostic.warning(source, binding.value().span(), "the fits of " + binding.name().id()
                    + " run here, not on the " + engine.name() + " engine: " + local.getMessage()));
            return null;
        } catch (TaskFailure failed) {
            String at = failed.partition() < 0 ? "" : " at snapshot " + times.get(failed.partition());
            throw new RunFailure(binding.value().span(), "cannot calibrate " + binding.name().id() + at + ": "
                    + failed.getMessage() + (failed.partition() < 0 ? " (in " + failed.where() + ")" : ""));
        }
    }

    /** {@code warm_start true|false}; true when not written. */
    private boolean warmStart(Stmt.Binding binding) {
        for (Clause clause : binding.block().clauses()) {
            if (clause instanceof Clause.Setting setting && setting.name().id().equals("warm_start")) {
                return new Compiler(checked, registry, RowFrame.scalar(), bindings, undefined)
                        .condition(setting.value()).at(0);
            }
        }
        return true;
    }

    /** The problem of fitting {@code model} to one chain, with the fit block's settings over its rows. */
    private CalibrationProblem problem(Stmt.Binding binding, ModelValue model, TableValue data) {
        Table table = data.table();
        Target target = Target.IMPLIED_VOLATILITY;
        double[] weights = new double[table.rowCount()];
        java.util.Arrays.fill(weights, 1.0);
        SolverMethod.LevenbergMarquardt solverDefaults = binding.kind() == Stmt.BindingKind.REPLAY
                ? SolverMethod.LevenbergMarquardt.replayDefaults() : SolverMethod.LevenbergMarquardt.defaults();
        SolverMethod method = solverDefaults;
        int starts = 1;
        long seed = 0L;
        Duration timeLimit = null;
        int[] expiries = new int[0];
        for (Clause clause : binding.block().clauses()) {
            Clause.Setting setting = (Clause.Setting) clause;
            switch (setting.name().id()) {
                case "target" -> target = ((Expr.Name) setting.value()).id().equals("price") ? Target.PRICE
                        : Target.IMPLIED_VOLATILITY;
                case "weight" -> weights = weights(data, setting.value());
                case "method" -> method = method(setting, solverDefaults);
                case "starts" -> starts = wholeNumber(setting.value(), 1);
                case "seed" -> seed = wholeNumber(setting.value(), 0);
                case "expiries" -> expiries = expiryIndices(table, (Expr.ListLiteral) setting.value());
                case "warm_start" -> {
                    // how the snapshots of a series are started (seriesFit), not a setting of one problem
                }
                case "time_limit" -> timeLimit = positiveDuration(setting, "time_limit");
                case "budget" -> {
                    // the limit of each update of a replay (replay), applied by its recalibrator
                }
                default -> throw new IllegalStateException("fit setting without a meaning: " + setting.name().id());
            }
        }
        CalibrationQuotes quotes;
        try {
            quotes = CalibrationQuotes.fromTable(table, target, weights);
        } catch (IllegalArgumentException | ClassCastException cannot) {
            throw new RunFailure(binding.span(), "cannot calibrate " + binding.name().id() + ": " + cannot.getMessage(),
                    "calibrate to an option chain with two-sided quotes, e.g. keep bid_iv > 0 and ask_iv > 0");
        }
        try {
            // A model defined by a script has no closed-form gradient: its prices are differenced.
            CalibrationModel calibrated = new SlicePricedModel(new CosSlicePricer(model.prototype(), CosPricer.DEFAULT,
                    !(model.prototype() instanceof UserDefinedModel)));
            return new CalibrationProblem(calibrated, model.parameters(), quotes, target, model.constraints(),
                    expiries, method, starts, seed, timeLimit);
        } catch (IllegalArgumentException cannot) {
            throw new RunFailure(binding.value().span(), "cannot calibrate " + binding.name().id() + ": "
                    + cannot.getMessage());
        }
    }

    private static void rethrowScriptFailure(ModelValue model) {
        if (model.prototype() instanceof UserDefinedModel user
                && user.definition() instanceof ScriptedCharacteristicFunction scripted) {
            scripted.rethrowFailure();
        }
    }

    private static RunFailure interrupted(Stmt.Binding binding) {
        return new RunFailure(binding.span(), "interrupted", "the statements before this one ran; this and later"
                + " ones did not");
    }

    /**
     * An error for a fit that ran but is no solution: at the setting that caused it when the recipe wrote one (the
     * method for a budget, the weight for an overflow), else at {@code calibrate MODEL to DATA}. The fit stays
     * bound with its best point, so that {@code show} can display it and the exit code is still 1.
     */
    private Diagnostic failed(Stmt.Binding binding, CalibrationResult result, CalibrationFailure failure,
            String where) {
        String name = binding.name().id();
        String setting = null;
        String hint = switch (failure.kind()) {
            case BUDGET -> {
                setting = result.stopReason() == StopReason.TIME_LIMIT ? "time_limit" : "method";
                yield result.stopReason() == StopReason.TIME_LIMIT
                        ? "raise time_limit, or fit fewer quotes or starts"
                        : "raise the limit in method NAME { max_iterations N  max_evaluations N }, or start nearer"
                                + " the optimum";
            }
            case SOLVER_FAILED -> "the model could not be priced from the starts: check the bounds and starts";
            case NON_FINITE_OBJECTIVE -> {
                setting = "weight";
                yield "weights of the order of 1 / spread keep the objective finite, e.g. weight 1 / max(ask_iv"
                        + " - bid_iv, 0.5%)";
            }
            case HARD_CONSTRAINT_VIOLATED -> "the constraint cannot hold within the parameters' bounds: widen"
                    + " the bounds, loosen the constraint, or make it soft with penalty W";
        };
        Span span = binding.value().span();
        for (Clause clause : binding.block().clauses()) {
            if (clause instanceof Clause.Setting written && written.name().id().equals(setting)) {
                span = written.span();
            }
        }
        return Diagnostic.error(source, span, "fit " + name + " failed" + where + ": " + failure.message(), hint);
    }

    /**
     * {@code expiries [...]}: the indices (as {@link CalibrationQuotes#fromTable} numbers the distinct expiries)
     * of the expiries listed; a date (an instant at midnight UTC) names the expiry on that day.
     */
    private int[] expiryIndices(Table table, Expr.ListLiteral list) {
        List<Instant> distinct = FitReport.expiries(table);
        int[] indices = new int[list.elements().size()];
        for (int i = 0; i < indices.length; i++) {
            Expr element = list.elements().get(i);
            Instant wanted = ((InstantValue) evaluate.apply(element)).value();
            boolean date = wanted.getEpochSecond() % 86_400 == 0 && wanted.getNano() == 0;
            indices[i] = -1;
            for (int e = 0; e < distinct.size() && indices[i] < 0; e++) {
                Instant expiry = distinct.get(e);
                if (expiry.equals(wanted) || (date && expiry.truncatedTo(ChronoUnit.DAYS).equals(wanted))) {
                    indices[i] = e;
                }
            }
            if (indices[i] < 0) {
                throw new RunFailure(element.span(), "no quote of the data expires " + (date ? "on " : "at ")
                        + text(element), "the expiries are " + distinct.stream()
                                .map(instant -> instant.toString()).reduce((a, b) -> a + ", " + b).orElse("none"));
            }
        }
        return indices;
    }

    private double[] weights(TableValue data, Expr expr) {
        RowFrame frame = RowFrame.of(data.table(), data.valuationTime());
        Compiler.DoubleCode code = new Compiler(checked, registry, frame, bindings, undefined).number(expr);
        double[] weights = new double[frame.rows()];
        for (int row = 0; row < weights.length; row++) {
            weights[row] = code.at(row);
        }
        return weights;
    }

    /**
     * {@code method NAME { settings }}: the solver's defaults with the settings written in its block, those of
     * Levenberg-Marquardt given (a replay's tolerance differs from a fit's).
     */
    private SolverMethod method(Clause.Setting setting, SolverMethod.LevenbergMarquardt levenbergMarquardt) {
        Map<String, Double> given = new HashMap<>();
        for (Clause clause : setting.block().clauses()) {
            Clause.Setting inner = (Clause.Setting) clause;
            given.put(inner.name().id(), scalar(inner.value()));
        }
        try {
            return switch (((Expr.Name) setting.value()).id()) {
                case "bobyqa" -> {
                    SolverMethod.Bobyqa d = SolverMethod.Bobyqa.defaults();
                    yield new SolverMethod.Bobyqa(count(given, "max_evaluations", d.maxEvaluations()),
                            given.getOrDefault("initial_radius", d.initialTrustRegionRadius()),
                            given.getOrDefault("stopping_radius", d.stoppingTrustRegionRadius()));
                }
                case "cma_es" -> {
                    SolverMethod.CmaEs d = SolverMethod.CmaEs.defaults();
                    yield new SolverMethod.CmaEs(count(given, "max_iterations", d.maxIterations()),
                            count(given, "max_evaluations", d.maxEvaluations()),
                            count(given, "population", d.populationSize()), given.getOrDefault("sigma", d.sigma()));
                }
                default -> {
                    yield new SolverMethod.LevenbergMarquardt(
                            count(given, "max_iterations", levenbergMarquardt.maxIterations()),
                            count(given, "max_evaluations", levenbergMarquardt.maxEvaluations()),
                            given.getOrDefault("tolerance", levenbergMarquardt.relativeTolerance()));
                }
            };
        } catch (IllegalArgumentException outOfRange) {
            throw new RunFailure(setting.span(), outOfRange.getMessage());
        }
    }

    private static int count(Map<String, Double> given, String name, int fallback) {
        double value = given.getOrDefault(name, (double) fallback);
        return value >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    private int wholeNumber(Expr expr, int least) {
        double value = scalar(expr);
        if (!(value >= least) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new RunFailure(expr.span(), "expected a whole number of at least " + least + ", not " + value);
        }
        return (int) value;
    }

    // ---- price

    /**
     * {@code price(model_or_fit, data)}: the rows of data with model_price (USD), model_price_coin and model_iv,
     * priced in one call of {@link CosPricer#priceChain} over the rows that have a type, a positive forward and
     * strike and a positive time to expiry (the others get missing values).
     */
    TableValue price(Expr.Call call, List<Expr> arguments) {
        Expr modelExpr = arguments.get(0);
        Value priced = evaluate.apply(modelExpr);
        CharacteristicFunctionModel model = switch (priced) {
            case FitValue fit -> fit.calibrated();
            case ModelValue declared -> {
                CharacteristicFunctionModel fixed = declared.fixedModel();
                if (fixed == null) {
                    throw new RunFailure(modelExpr.span(), text(modelExpr) + " has free parameters ("
                            + String.join(", ", declared.freeParameters()) + "), so it has no prices yet",
                            "fix every parameter with P = x, or price a fit: fit f = calibrate " + text(modelExpr)
                                    + " to chain, then price(f, chain)");
                }
                yield fixed;
            }
            default -> throw new IllegalStateException("price of " + priced.kind());
        };
        TableValue data = (TableValue) evaluate.apply(arguments.get(1));
        Table table = data.table();
        ChainValues.requireOneUnderlying(table, text(arguments.get(1)), arguments.get(1).span());
        ChainValues.requireOneSnapshot(table, text(arguments.get(1)), arguments.get(1).span());
        RowFrame frame = RowFrame.of(table, data.valuationTime());
        double[] forwards = frame.doubles("forward");
        double[] strikes = frame.doubles("strike");
        double[] times = frame.doubles("time_to_expiry");
        String[] typeNames = frame.texts("type");
        int n = frame.rows();
        int[] rows = new int[n];
        int m = 0;
        for (int row = 0; row < n; row++) {
            if (forwards[row] > 0 && strikes[row] > 0 && times[row] > 0 && Double.isFinite(forwards[row])
                    && Double.isFinite(strikes[row]) && Double.isFinite(times[row]) && isOptionType(typeNames[row])) {
                rows[m++] = row;
            }
        }
        double[] f = new double[m];
        double[] k = new double[m];
        double[] t = new double[m];
        OptionType[] types = new OptionType[m];
        for (int j = 0; j < m; j++) {
            f[j] = forwards[rows[j]];
            k[j] = strikes[rows[j]];
            t[j] = times[rows[j]];
            types[j] = OptionType.parse(typeNames[rows[j]]);
        }
        double[] prices = new double[m];
        double[] vols = new double[m];
        try {
            CosPricer.DEFAULT.priceChain(model, f, t, k, types, prices);
        } catch (IllegalArgumentException overflow) {
            throw cannotPrice(model, text(modelExpr), call.span(), overflow);
        }
        ImpliedVolatility.impliedVolatilities(types, prices, f, k, t, vols);
        double[] price = new double[n];
        double[] coin = new double[n];
        double[] iv = new double[n];
        java.util.Arrays.fill(price, Double.NaN);
        java.util.Arrays.fill(coin, Double.NaN);
        java.util.Arrays.fill(iv, Double.NaN);
        for (int j = 0; j < m; j++) {
            price[rows[j]] = prices[j];
            coin[rows[j]] = prices[j] / f[j];
            iv[rows[j]] = vols[j];
        }
        Table out = table.copy();
        for (DoubleColumn column : List.of(DoubleColumn.create("model_price", price),
                DoubleColumn.create("model_price_coin", coin), DoubleColumn.create("model_iv", iv))) {
            if (out.containsColumn(column.name())) {
                out.replaceColumn(column.name(), column);
            } else {
                out.addColumns(column);
            }
        }
        return data.withTable(out);
    }

    /**
     * The fit's smile for {@code smile(fit)}: at each x of a panel's grid the out-of-the-money option (a call at
     * or above the forward, a put below, where prices are accurate) priced in one COS call and inverted to an
     * implied vol; the panel's forward and time to expiry are those of its first row.
     */
    SmilePlot.ModelSmile modelSmile(FitValue fit, String label, Span span, SmileAxis axis) {
        RowFrame frame = RowFrame.of(fit.data().table(), fit.data().valuationTime());
        double[] forwards = frame.doubles("forward");
        double[] times = frame.doubles("time_to_expiry");
        return (rows, grid) -> {
            int n = grid.length;
            double forward = forwards[rows[0]];
            double time = times[rows[0]];
            double[] strikes = new double[n];
            OptionType[] types = new OptionType[n];
            double[] f = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                strikes[i] = axis == SmileAxis.STRIKE ? grid[i] : forward * Math.exp(grid[i]);
                types[i] = strikes[i] >= forward ? OptionType.CALL : OptionType.PUT;
                f[i] = forward;
                t[i] = time;
            }
            double[] vols = new double[n];
            if (!(forward > 0 && time > 0)) {
                java.util.Arrays.fill(vols, Double.NaN);
                return vols;
            }
            double[] prices = new double[n];
            try {
                CosPricer.DEFAULT.priceSlice(fit.calibrated(), forward, time, strikes, types, prices);
            } catch (IllegalArgumentException overflow) {
                throw cannotPrice(fit.calibrated(), label, span, overflow);
            }
            ImpliedVolatility.impliedVolatilities(types, prices, f, strikes, t, vols);
            return vols;
        };
    }

    /**
     * The failure of pricing {@code model} (named {@code label} in the recipe) at {@code span}: the COS pricer
     * refuses the cumulants that size its range when parameters near 1e308 overflow them, which a failed fit's best
     * point can have.
     */
    private static RunFailure cannotPrice(CharacteristicFunctionModel model, String label, Span span,
            IllegalArgumentException overflow) {
        return new RunFailure(span, "cannot price " + label + " at its parameters "
                + java.util.Arrays.toString(model.parameters()) + ": " + overflow.getMessage(),
                "parameters this large overflow in pricing: keep them within the family's usual ranges (margo"
                        + " docs " + model.modelName() + ")");
    }

    private static boolean isOptionType(String text) {
        try {
            OptionType.parse(text);
            return true;
        } catch (IllegalArgumentException notAType) {
            return false;
        }
    }

    // ---- helpers

    private double scalar(Expr expr) {
        return new Compiler(checked, registry, RowFrame.scalar(), bindings, undefined).number(expr).at(0);
    }

    private String text(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }
}
