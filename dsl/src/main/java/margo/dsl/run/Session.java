package margo.dsl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.calibration.Cancellation;
import margo.core.calibration.ProgressListener;
import margo.core.io.DataFile;
import margo.dsl.check.CheckedProgram;
import margo.dsl.check.Checker;
import margo.dsl.check.Type;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.engine.Engine;
import margo.dsl.registry.Registry;
import margo.dsl.script.ScriptLimits;
import margo.dsl.script.Scripts;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.Parser;
import margo.dsl.syntax.Parser.ParseResult;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.Value;

/**
 * The state that persists across the statements of a recipe or the cells of a notebook: the names bound so far,
 * with their types and values. Each call parses, checks against those bindings and, when nothing is wrong, runs.
 * User errors come back as diagnostics in the {@link Execution}; nothing here throws for them.
 * One statement runs at a time; {@link #interrupt()} may be called from any thread.
 */
public final class Session {

    /** A bound name: its static type, for checking later cells, and its value. */
    record Bound(Type type, Value value) {}

    private final Path baseDirectory;
    private final DataLimit dataLimit;
    private final Registry registry = Registry.standard();
    private final Map<String, Bound> bindings = new LinkedHashMap<>();
    private volatile boolean interruptRequested;
    /** Stops the calibration of the running statement; a new one per run. */
    private volatile Cancellation cancellation = new Cancellation();
    private volatile ProgressListener calibrationProgress = ProgressListener.NONE;
    private volatile ReplayListener replayProgress = ReplayListener.NONE;
    /** The sandboxes of the session's scripts, opened by the first script statement. */
    private final Scripts scripts = new Scripts(ScriptLimits.DEFAULT);
    /** The distributed engine the per-account statements run on, or null to run everything here. */
    private final Engine engine;

    /** A session reading data files up to {@link DataFile#DEFAULT_MAX_BYTES}. */
    public Session(Path baseDirectory) {
        this(baseDirectory, DataLimit.DEFAULT);
    }

    /**
     * @param baseDirectory the folder relative data paths resolve against: the recipe's folder, or the notebook's
     * @param dataLimit     the largest data file a recipe may read, and how the user raises it
     */
    public Session(Path baseDirectory, DataLimit dataLimit) {
        this(baseDirectory, dataLimit, null);
    }

    /**
     * A session whose books are held by {@code engine} in parts and whose per-account statements (margin, stress,
     * attribution, a book's backtest) run as its jobs; the caller closes the engine.
     *
     * @param engine the engine, or null to run everything in this JVM
     */
    public Session(Path baseDirectory, DataLimit dataLimit, Engine engine) {
        if (baseDirectory == null) {
            throw new IllegalArgumentException("baseDirectory must not be null");
        }
        if (dataLimit == null) {
            throw new IllegalArgumentException("dataLimit must not be null");
        }
        this.baseDirectory = baseDirectory;
        this.dataLimit = dataLimit;
        this.engine = engine;
    }

    /** Parses, checks against the current bindings, then runs unless an error was found. */
    public Execution run(SourceFile source, Mode mode) {
        return run(source, mode, baseDirectory);
    }

    /**
     * {@link #run(SourceFile, Mode)} with relative data paths resolved against {@code dataFolder} rather than the
     * session's folder: a recipe loaded into a notebook reads its data as {@code margo run} would, from its own folder.
     */
    public synchronized Execution run(SourceFile source, Mode mode, Path dataFolder) {
        interruptRequested = false;
        Cancellation running = new Cancellation();
        cancellation = running;
        Checked checked = parseAndCheck(source, mode);
        if (checked.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            return new Execution(checked.diagnostics(), List.of());
        }
        ChainLoader loader = new ChainLoader(dataFolder, dataLimit);
        Execution ran = new Runner(registry, checked.program(), bindings, loader,
                () -> interruptRequested, running, calibrationProgress, replayProgress, scripts, engine).run();
        List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
        diagnostics.addAll(ran.diagnostics());
        return new Execution(diagnostics, ran.shown(), loader.filesRead());
    }

    /**
     * Parses and checks only: nothing runs and no data is read, though a data file named by a literal path must
     * exist (a run would fail on it).
     */
    public synchronized Execution check(SourceFile source, Mode mode) {
        Checked checked = parseAndCheck(source, mode);
        List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
        ChainLoader loader = new ChainLoader(baseDirectory, dataLimit);
        List<Expr.Call> loads = new ArrayList<>(checked.program().callsOf("options"));
        loads.addAll(checked.program().callsOf("positions"));
        loads.addAll(checked.program().callsOf("history"));
        for (Expr.Call load : loads) {
            if (checked.program().argumentsOf(load).getFirst() instanceof Expr.StringLiteral path) {
                RunFailure unreadable = loader.unreadable(path.value(), load.span());
                if (unreadable != null) {
                    diagnostics.add(Diagnostic.error(source, unreadable.span(), unreadable.getMessage(),
                            unreadable.hint()));
                }
            }
        }
        return new Execution(diagnostics, List.of());
    }

    /** The diagnostics of parsing and checking, in the order of the text, and the checked program. */
    private record Checked(List<Diagnostic> diagnostics, CheckedProgram program) {}

    /**
     * Every statement that parsed is checked, even when others have syntax errors, so that one pass reports every
     * mistake; a statement the parser skipped still binds its name ({@link margo.dsl.syntax.Stmt.Unparsed}), so
     * that its later uses are not reported again as unknown names.
     */
    private Checked parseAndCheck(SourceFile source, Mode mode) {
        ParseResult parsed = Parser.parse(source);
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        CheckedProgram checked = Checker.check(registry, parsed.program(), bindingTypes(), mode == Mode.CELL,
                scripts);
        diagnostics.addAll(checked.diagnostics());
        diagnostics.sort(Comparator.comparingInt((Diagnostic diagnostic) -> diagnostic.span().line())
                .thenComparingInt(diagnostic -> diagnostic.span().column()));
        return new Checked(diagnostics, checked);
    }

    /**
     * Stops the running statement at its next check (between statements, and every few thousand rows inside
     * one), with an "interrupted" error; the bindings made before it stay. Thread-safe.
     */
    public void interrupt() {
        interruptRequested = true;
        cancellation.cancel();
        scripts.interrupt();
    }

    /**
     * Receives the progress of the calibrations that later runs start (at most every
     * {@link ProgressListener#INTERVAL_NANOS} and at the end of each start; on the running thread, also for starts
     * that run on others), e.g. for a kernel to show it.
     */
    public void onCalibrationProgress(ProgressListener listener) {
        calibrationProgress = listener == null ? ProgressListener.NONE : listener;
    }

    /** Receives each update of the replays that later runs start, as it is fitted, e.g. for a kernel to show it. */
    public void onReplayProgress(ReplayListener listener) {
        replayProgress = listener == null ? ReplayListener.NONE : listener;
    }

    /** The names bound so far, in the order they were first bound (for completion). */
    public synchronized List<String> names() {
        return List.copyOf(bindings.keySet());
    }

    /** The value bound to {@code name}, or null. */
    public synchronized Value valueOf(String name) {
        Bound bound = bindings.get(name);
        return bound == null ? null : bound.value();
    }

    private Map<String, Type> bindingTypes() {
        Map<String, Type> types = new LinkedHashMap<>();
        bindings.forEach((name, bound) -> types.put(name, bound.type()));
        return types;
    }
}
