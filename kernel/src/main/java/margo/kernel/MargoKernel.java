package margo.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import margo.core.calibration.ProgressListener;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;
import margo.dsl.registry.Documentation;
import margo.dsl.registry.Registry;
import margo.dsl.run.DataLimit;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.ReplayListener;
import margo.dsl.run.Session;
import margo.dsl.run.Shown;
import margo.dsl.syntax.Parser;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.Value;
import margo.kernel.jupyter.CellOutput;
import margo.kernel.jupyter.CellResult;
import margo.kernel.jupyter.ConnectionFile;
import margo.kernel.jupyter.KernelServer;
import margo.kernel.jupyter.Language;
import margo.kernel.jupyter.MessageHeaders;
import margo.kernel.jupyter.MimeBundle;

/**
 * Margo's Jupyter kernel: the language side of {@link KernelServer} (which does the protocol) over one
 * {@link Session} of the language that lives as long as the kernel, so that names bound in one cell are seen
 * by the next. The kernel only translates: a cell becomes a {@link SourceFile} named {@code cell[N]} run in
 * {@link Mode#CELL}; shown values become MIME bundles ({@link DisplayBundles}); warnings go to stderr; errors
 * become one Jupyter error whose traceback is the formatted diagnostics. Completion and inspection read the one
 * {@link Registry} and the bindings as the last cell left them, so they answer at once while a cell runs;
 * inspection shows the same entries as {@code margo docs} ({@link Documentation}).
 */
public final class MargoKernel implements Language {

    private final Session session;
    /** The notebook's folder, which Jupyter makes the kernel's working directory: data, %load and %save paths resolve here. */
    private final Path folder;
    private final String version;
    private final PrintStream log;
    private final Registry registry = Registry.standard();
    private final Documentation documentation = new Documentation(registry);
    private final Magics magics;
    private final Completion completion;
    private final Inspection inspection;
    /** The session's displays: the first figure of the session carries plotly.js, the others wait for it. */
    private final DisplayBundles displays = new DisplayBundles();
    /** The bindings after the last cell, read by completion and inspection without waiting for the running one. */
    private volatile Map<String, Value> bindings = Map.of();
    /** Where the running cell's displays go; null between cells. */
    private volatile CellOutput output;
    /** The display of the running cell's calibration progress; null until its first report. */
    private String progressDisplay;
    private int progressDisplays;
    private int progressEvaluations;

    /**
     * @param folder the folder the session resolves data paths against, where {@code %load} and {@code %save} look too
     * @param log    the kernel's log (stderr, which Jupyter keeps): Java stack traces of failures go there, not to the cell
     */
    public MargoKernel(Session session, Path folder, String version, PrintStream log) {
        this.session = session;
        this.folder = folder;
        this.magics = new Magics(session, folder, documentation);
        this.completion = new Completion(registry, folder);
        this.inspection = new Inspection(registry, documentation, completion);
        this.version = version;
        this.log = log;
        session.onCalibrationProgress(this::showProgress);
        session.onReplayProgress(this::showReplay);
    }

    /**
     * Runs the kernel; Jupyter starts it from the kernelspec that {@code margo kernel install} writes,
     * with the connection file as the one argument and the notebook's folder as working directory.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: java -cp margo.jar margo.kernel.MargoKernel CONNECTION_FILE"
                    + " (Jupyter runs this; install the kernel with `margo kernel install`)");
            System.exit(2);
        }
        DataLimit dataLimit;
        try {
            dataLimit = DataLimit.kernel(System.getenv(DataLimit.KERNEL_VARIABLE));
        } catch (IllegalArgumentException notASize) {
            System.err.println("margo kernel: " + notASize.getMessage());
            System.exit(2);
            return;
        }
        ConnectionFile connection;
        try {
            connection = ConnectionFile.read(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("margo kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Paths in a notebook resolve against the notebook's folder, which Jupyter makes the kernel's working directory.
        Path folder = Path.of("").toAbsolutePath();
        MargoKernel kernel = new MargoKernel(new Session(folder, dataLimit), folder, margo.dsl.cli.MargoVersion.current(),
                System.err);
        KernelServer server = new KernelServer(connection, kernel, System.err);
        server.start();
        server.awaitShutdown();
        // A cell asked to stop may still be running; a shutdown request ends the process all the same.
        System.exit(0);
    }

    /**
     * CodeMirror's mode is {@code margo}, which the kernelspec's {@code kernel.js} defines for the classic Notebook.
     * Pygments, which nbconvert highlights with, has no Margo lexer, and nbconvert finds lexers only among those
     * installed in Python, where the kernelspec cannot put one; an unknown name makes it warn and print plain text.
     * Python's lexer highlights what the two languages share: {@code #} comments, strings, numbers, and/or/not/in.
     */
    @Override
    public JsonObject info() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "margo");
        language.addProperty("version", version);
        language.addProperty("mimetype", "text/x-margo");
        language.addProperty("file_extension", ".margo");
        language.addProperty("pygments_lexer", "python");
        language.addProperty("codemirror_mode", "margo");
        JsonObject info = new JsonObject();
        info.addProperty("protocol_version", MessageHeaders.PROTOCOL_VERSION);
        info.addProperty("implementation", "Margo");
        info.addProperty("implementation_version", version);
        info.add("language_info", language);
        info.addProperty("banner", "Margo " + version + ": calibration and margin recipes for crypto options");
        info.add("help_links", new JsonArray());
        return info;
    }

    /**
     * Runs one cell as {@code cell[N]}: help ({@code name?}) goes to the pager; otherwise the cell's parts run in
     * order ({@link Cell}: recipe text and magics), and the first mistake ends it. Whatever the language throws (a
     * stack overflow on a huge expression, running out of memory) is reported at the cell, with the trace in the
     * kernel's log, and the session goes on with the names it had.
     */
    @Override
    public CellResult execute(String code, int cellNumber, CellOutput cellOutput) {
        String name = "cell[" + cellNumber + "]";
        synchronized (this) {
            progressDisplay = null;
            output = cellOutput;
        }
        try {
            Cell cell = Cell.parse(code);
            if (cell.help() != null) {
                return help(cell.help(), new SourceFile(name, code));
            }
            CellRun run = new CellRun(new SourceFile(name, code), cellOutput);
            long started = System.nanoTime();
            for (Cell.Part part : cell.parts()) {
                switch (part) {
                    case Cell.Recipe recipe -> {
                        if (run.run(session, run.part(recipe.text(), recipe.line(), recipe.column()), folder)) {
                            magics.ran(name, recipe.text());
                        }
                    }
                    case Cell.LineMagic magic -> magics.run(magic, run);
                }
                if (run.failed()) {
                    break;
                }
            }
            if (cell.timed()) {
                cellOutput.stdout(Magics.wallTime(System.nanoTime() - started));
            }
            return run.finish(displays);
        } catch (Throwable thrown) {
            log.println("[margo kernel] " + name + " failed: " + thrown);
            thrown.printStackTrace(log);
            return CellResult.of(thrown, name);
        } finally {
            synchronized (this) {
                output = null;
            }
            bindings = snapshotOfBindings();
        }
    }

    /** {@code name?}: what inspection shows for the name, in the pager; an unknown name is a mistake at the cell. */
    private CellResult help(Cell.Help asked, SourceFile cell) {
        MimeBundle page = inspection.describe(asked.name(), asked.detailLevel(), bindings);
        if (page != null) {
            return CellRun.page(page);
        }
        Diagnostic unknown = new CellRun(cell, CellOutput.SILENT).errorAt(cell.text().indexOf(asked.name()),
                asked.name().length(), "nothing is called '" + asked.name() + "': no name bound in the session, and no"
                        + " built-in, setting or statement",
                magics.hintFor(asked.name(), "%who lists the names bound; %docs alone shows the whole reference"));
        return CellRun.failure(List.of(unknown));
    }

    /**
     * A user expression is shown as {@code show EXPRESSION} would show it, in a source of its own, and may be
     * nothing but one expression: it must not bind names or run statements behind the cell's back.
     */
    @Override
    public CellResult evaluate(String expression) {
        SourceFile source = new SourceFile("user_expression", "show " + expression);
        if (expression.contains("\n") || expression.contains("\r")
                || Parser.parse(source).program().statements().size() != 1) {
            return new CellResult.Failed("MargoError", "a user expression is one expression on one line",
                    List.of("user_expression: error: `" + expression + "` is not one expression on one line"));
        }
        Execution execution = session.run(source, Mode.CELL);
        if (execution.hasErrors()) {
            return CellRun.failure(execution.diagnostics());
        }
        return new CellResult.Ok(execution.shown().isEmpty() ? null : new DisplayBundles().of(execution.shown().getLast()));
    }

    private Map<String, Value> snapshotOfBindings() {
        Map<String, Value> snapshot = new LinkedHashMap<>();
        for (String name : session.names()) {
            snapshot.put(name, session.valueOf(name));
        }
        return Map.copyOf(snapshot);
    }

    /**
     * A calibration's progress, as the session reports it (already throttled): the first report of a cell is
     * published with display_data under a display id of its own, later ones replace it with update_display_data,
     * so that the cell shows one line that changes while the fit runs. Each fit of a cell starts a new line.
     */
    private synchronized void showProgress(ProgressListener.Progress progress) {
        if (output == null) {
            return;
        }
        MimeBundle bundle = new MimeBundle(progressText(progress));
        // Evaluations only grow within a fit, so fewer than last time means the cell's next fit.
        boolean first = progressDisplay == null || progress.evaluations() < progressEvaluations;
        progressEvaluations = progress.evaluations();
        if (first) {
            progressDisplay = "margo-progress-" + ProcessHandle.current().pid() + "-" + (++progressDisplays);
        }
        bundle.displayId(progressDisplay);
        if (first) {
            output.display(bundle);
        } else {
            output.updateDisplay(bundle);
        }
    }

    /**
     * A replay's update as it is fitted: its first update is published with display_data under a display id of its
     * own, later ones replace it with update_display_data, so that the cell shows one line that follows the replay.
     * An interrupt stops the replay as it stops a fit.
     */
    private synchronized void showReplay(ReplayListener.Update update) {
        if (output == null) {
            return;
        }
        MimeBundle bundle = new MimeBundle(replayText(update));
        if (update.index() == 0 || progressDisplay == null) {
            progressDisplay = "margo-progress-" + ProcessHandle.current().pid() + "-" + (++progressDisplays);
            bundle.displayId(progressDisplay);
            output.display(bundle);
        } else {
            bundle.displayId(progressDisplay);
            output.updateDisplay(bundle);
        }
    }

    /**
     * {@code replaying live: update 12 of 48 (2024-03-01T12:00:00Z) in 4.2 ms, 3 iterations, rmse 0.1234; v0 0.41,
     * kappa 2.1, ...}; the last update reads {@code replayed live: 48 updates, ...}.
     */
    static String replayText(ReplayListener.Update update) {
        StringBuilder text = new StringBuilder(update.index() + 1 == update.updates()
                ? String.format(Locale.ROOT, "replayed %s: %d updates, the last", update.replay(), update.updates())
                : String.format(Locale.ROOT, "replaying %s: update %d of %d", update.replay(), update.index() + 1,
                        update.updates()));
        text.append(String.format(Locale.ROOT, " (%s) in %.1f ms, %d iterations, rmse %.4g", update.time(),
                update.latencyMillis(), update.iterations(), update.rmse()));
        for (int j = 0; j < update.parameters().length; j++) {
            text.append(j == 0 ? "; " : ", ").append(update.parameterNames().get(j)).append(' ')
                    .append(String.format(Locale.ROOT, "%.4g", update.parameters()[j]));
        }
        return text.toString();
    }

    /**
     * {@code calibrating: 2 of 3 starts done, 412 evaluations, objective 1.234e-04}: starts done rather than the
     * start running, since the starts run in parallel; evaluations and objective are over all starts. The report at
     * the end of the last start reads {@code calibrated: 3 starts, ...}, so the line left above the result does not
     * claim a fit still running.
     */
    static String progressText(ProgressListener.Progress progress) {
        String state = progress.startsFinished() == progress.starts()
                ? String.format(Locale.ROOT, "calibrated: %d starts", progress.starts())
                : String.format(Locale.ROOT, "calibrating: %d of %d starts done", progress.startsFinished(),
                        progress.starts());
        return String.format(Locale.ROOT, "%s, %d evaluations, objective %.4g", state, progress.evaluations(),
                progress.bestObjective());
    }

    /** What Tab offers at the cursor, by where it stands ({@link Completion}). */
    @Override
    public JsonObject complete(String code, int cursor) {
        Completion.Matches found = completion.at(code, cursor, bindings);
        JsonArray matches = new JsonArray();
        found.matches().forEach(matches::add);
        JsonObject reply = new JsonObject();
        reply.add("matches", matches);
        reply.addProperty("cursor_start", found.start());
        reply.addProperty("cursor_end", cursor);
        reply.add("metadata", new JsonObject());
        return reply;
    }

    /** What Shift-Tab shows at the cursor, by where it stands ({@link Inspection}). */
    @Override
    public JsonObject inspect(String code, int cursor, int detailLevel) {
        MimeBundle found = inspection.at(code, cursor, detailLevel, bindings);
        JsonObject reply = new JsonObject();
        reply.addProperty("found", found != null);
        reply.add("data", found == null ? new JsonObject() : found.data());
        reply.add("metadata", new JsonObject());
        return reply;
    }

    @Override
    public JsonObject isComplete(String code) {
        String status = CellCompleteness.of(code);
        JsonObject reply = new JsonObject();
        if (status.equals(CellCompleteness.COMPLETE) || status.equals(CellCompleteness.INVALID)) {
            reply.addProperty("status", status);
        } else {
            reply.addProperty("status", "incomplete");
            reply.addProperty("indent", status);
        }
        return reply;
    }

    /** Jupyter's interrupt (kernelspec interrupt_mode "message") stops the running cell, not the kernel. */
    @Override
    public void interrupt() {
        session.interrupt();
    }
}
