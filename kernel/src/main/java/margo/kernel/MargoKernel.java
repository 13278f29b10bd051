package margo.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import margo.core.calibration.ProgressListener;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;
import margo.dsl.output.TextRenderer;
import margo.dsl.registry.Documentation;
import margo.dsl.registry.Registry;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.run.Shown;
import margo.dsl.run.TablesWarmUp;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.Value;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Margo's Jupyter kernel: JJava's protocol base ({@link BaseKernel}: sockets, signing, the message
 * loop) over one {@link Session} of the language that lives as long as the kernel, so that names bound
 * in one cell are seen by the next. The kernel only translates: a cell becomes a {@link SourceFile}
 * named {@code cell[N]} run in {@link Mode#CELL}; shown values become MIME bundles
 * ({@link DisplayBundles}); warnings go to stderr; errors become one Jupyter error whose traceback is
 * the formatted diagnostics ({@link MargoError}). Completion and inspection read the one
 * {@link Registry}; inspection shows the same entries as {@code margo docs} ({@link Documentation}).
 */
public final class MargoKernel extends BaseKernel {

    private final Session session;
    private final Registry registry = Registry.standard();
    private final Documentation documentation = new Documentation(registry);
    private final CellHistory history;
    /** The display of the running cell's calibration progress; null until its first report. */
    private String progressDisplay;
    private int progressDisplays;
    private int progressEvaluations;

    private MargoKernel(Session session, CellHistory history, String name, String version, JupyterIO io,
                        CommManager comms, Renderer renderer, MagicsRegistry magics, StringStyler errorStyler) {
        super(name, version, languageInfo(version), List.of(), null, io, comms, renderer, null, magics, false, errorStyler);
        this.session = session;
        this.history = history;
        session.onCalibrationProgress(this::showProgress);
    }

    /**
     * Runs the kernel; Jupyter starts it from the kernelspec that {@code margo kernel install} writes,
     * with the connection file as the one argument and the notebook's folder as working directory.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp margo.jar margo.kernel.MargoKernel CONNECTION_FILE"
                    + " (Jupyter runs this; install the kernel with `margo kernel install`)");
            System.exit(2);
        }
        TablesWarmUp.start();
        KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        // Paths in a notebook resolve against the notebook's folder, which Jupyter makes the kernel's working directory.
        MargoKernel kernel = builder().session(new Session(Path.of("").toAbsolutePath())).build();
        JupyterConnection jupyter = new JupyterConnection(connection);
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        // The language may keep worker threads; a shutdown request ends the process all the same.
        System.exit(0);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static LanguageInfo languageInfo(String version) {
        // Margo has no lexer of its own in Pygments or CodeMirror; Python's highlights what the two
        // languages share: `#` comments, strings, numbers, and/or/not/in.
        return new LanguageInfo.Builder("margo")
                .version(version)
                .mimetype("text/x-margo")
                .fileExtension(".margo")
                .pygments("python")
                .codemirror("python")
                .build();
    }

    @Override
    public String getBanner() {
        return "Margo " + version + ": calibration and margin recipes for crypto options";
    }

    /**
     * Runs one cell. JJava has already numbered it (taken {@code executionCount}), so its number is one
     * less than the counter. Every shown value but the last is displayed as it comes; the last is the
     * cell's result ({@code Out[N]}), unless the cell fails, in which case all are displayed and the
     * error follows them.
     */
    @Override
    public Object evalRaw(String code) {
        int cell = executionCount.get() - 1;
        history.record(cell, code);
        synchronized (this) {
            progressDisplay = null;
        }
        Execution execution = session.run(new SourceFile("cell[" + cell + "]", code), Mode.CELL);
        printWarnings(execution.diagnostics());
        List<Shown> shown = execution.shown();
        int displayed = execution.hasErrors() ? shown.size() : shown.size() - 1;
        DisplayBundles bundles = new DisplayBundles();
        for (int i = 0; i < displayed; i++) {
            display(bundles.of(shown.get(i).value()));
        }
        if (execution.hasErrors()) {
            throw new MargoError(execution.diagnostics());
        }
        return shown.isEmpty() ? null : bundles.of(shown.getLast().value());
    }

    /**
     * A calibration's progress, as the session reports it (already throttled): the first report of a cell is
     * published with display_data under a display id of its own, later ones replace it with update_display_data,
     * so that the cell shows one line that changes while the fit runs. Each fit of a cell starts a new line.
     */
    private synchronized void showProgress(ProgressListener.Progress progress) {
        if (!io.display.isAttached()) {
            return;
        }
        DisplayData bundle = new DisplayData(progressText(progress));
        // Evaluations only grow within a fit, so fewer than last time means the cell's next fit.
        boolean first = progressDisplay == null || progress.evaluations() < progressEvaluations;
        progressEvaluations = progress.evaluations();
        if (first) {
            progressDisplay = "margo-progress-" + ProcessHandle.current().pid() + "-" + (++progressDisplays);
        }
        bundle.setDisplayId(progressDisplay);
        if (first) {
            io.display.display(bundle);
        } else {
            io.display.updateDisplay(bundle);
        }
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

    private void printWarnings(List<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            if (!diagnostic.isError()) {
                io.err.print(DiagnosticFormatter.format(diagnostic));
            }
        }
        io.err.flush();
    }

    /** A cell's errors are the formatted diagnostics; anything else is a bug in Margo, shown with its trace. */
    @Override
    public List<String> formatError(Throwable error) {
        if (error instanceof MargoError margoError) {
            return margoError.traceback();
        }
        List<String> lines = new ArrayList<>();
        lines.add("internal error in Margo (a bug, not a mistake in the cell); please report it with this trace:");
        lines.addAll(super.formatError(error));
        return lines;
    }

    /** The names bound in this session, then the registry's built-ins, that start with the word typed so far. */
    @Override
    public ReplacementOptions complete(String code, int cursor) {
        Word word = Word.endingAt(code, cursor);
        Set<String> names = new LinkedHashSet<>();
        session.names().stream().filter(name -> name.startsWith(word.text())).sorted().forEach(names::add);
        names.addAll(registry.namesWithPrefix(word.text()));
        return new ReplacementOptions(List.copyOf(names), word.start(), word.end());
    }

    /** A bound name shows its value; a built-in its entry of {@code margo docs}. */
    @Override
    public DisplayData inspect(String code, int cursor, boolean extraDetail) {
        String name = Word.around(code, cursor).text();
        Value bound = name.isEmpty() ? null : session.valueOf(name);
        if (bound != null) {
            return new DisplayData(name + ": " + bound.kind() + "\n" + TextRenderer.render(bound));
        }
        return documentation.describe(name).map(MargoKernel::markdown).orElse(null);
    }

    /** Markdown as it is written, which reads well as plain text too, and rendered where the front end can. */
    private static DisplayData markdown(String text) {
        DisplayData bundle = new DisplayData(text);
        bundle.putMarkdown(text);
        return bundle;
    }

    /** Answers from {@link CellHistory}, which writes the reply in the protocol's own shape. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new Message(env.getContext(), HistoryReply.MESSAGE_TYPE, history.reply(request.getContent())));
    }

    @Override
    public String isComplete(String code) {
        return CellCompleteness.of(code);
    }

    /** Jupyter's interrupt (kernelspec interrupt_mode "message") stops the running cell, not the kernel. */
    @Override
    public void interrupt() {
        session.interrupt();
    }

    /** Builds a kernel the JJava way; the version is Margo's, from the jar. */
    public static final class Builder extends BaseKernelBuilder<Builder, MargoKernel> {

        private Session session;

        private Builder() {
            name("Margo");
            version(margo.dsl.cli.MargoVersion.current());
        }

        public Builder session(Session session) {
            this.session = session;
            return this;
        }

        @Override
        public MargoKernel build() {
            if (session == null) {
                throw new IllegalStateException("a Margo kernel needs a session");
            }
            return new MargoKernel(session, new CellHistory(), buildName(), buildVersion(), buildJupyterIO(buildJupyterIOEncoding()),
                    buildCommManager(), buildRenderer(), buildMagicsRegistry(), buildErrorStyler());
        }
    }
}
