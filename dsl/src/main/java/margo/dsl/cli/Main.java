package margo.dsl.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import margo.core.io.MessageText;
import margo.dsl.diagnostic.DiagnosticFormatter;
import margo.dsl.diagnostic.InternalFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code margo} command: {@code run}, {@code check}, {@code docs} and {@code kernel install}. Exit codes: 0 when
 * all went well (warnings allowed), 1 when the recipe has errors or a command could not do its job, 2 for a usage
 * error; output that cannot be written to standard output is a failure too. No user error prints a stack trace; an internal error prints one line, and its stack only with
 * {@code --debug}.
 */
@Command(name = "margo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Calibration and margin recipes for crypto options.",
        subcommands = {RunCommand.class, CheckCommand.class, DocsCommand.class, KernelCommand.class})
public final class Main implements Runnable {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print its stack trace.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line in this process, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler((problem, arguments) -> {
                    CommandLine command = problem.getCommandLine();
                    command.getErr().println("margo: " + MessageText.clean(problem.getMessage()));
                    command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
                    return USAGE;
                })
                .setExecutionExceptionHandler((exception, command, parsed) -> failed(exception, debug, command.getErr()));
        try {
            int exitCode = commandLine.execute(args);
            // PrintWriter and PrintStream swallow write errors; output lost (a full disk, a closed pipe) is a failure.
            if (outWriter.checkError()) {
                errWriter.println("margo: the output could not be written to standard output (a full disk, or a"
                        + " reader that closed the pipe?); it is incomplete");
                return exitCode == OK ? FAILED : exitCode;
            }
            return exitCode;
        } catch (RuntimeException | Error escaped) {
            // picocli hands only Exceptions to the handler above; an Error (a stack overflow, no memory left) ends here.
            return failed(escaped, debug, errWriter);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * Reports a failure that is not the user's in a few lines: at the statement it happened in when that is known,
     * with its stack trace only under {@code --debug}.
     */
    static int failed(Throwable failure, boolean debug, PrintWriter err) {
        if (failure instanceof InternalFailure located) {
            err.print(DiagnosticFormatter.format(located.diagnostic()));
        } else if (failure instanceof OutOfMemoryError) {
            err.println("margo: out of memory (" + failure.getMessage() + "): give Java more, e.g. MARGO_JAVA_OPTS=-Xmx8g,"
                    + " or load less data");
        } else {
            err.println("margo: internal error: " + failure
                    + " — this is a bug in Margo; please report it with the recipe and the command.");
        }
        if (debug) {
            failure.printStackTrace(err);
        } else if (!(failure instanceof OutOfMemoryError)) {
            err.println("Run again with --debug for details.");
        }
        err.flush();
        return FAILED;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, check, docs or kernel");
    }

    /** The version Maven built. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"margo " + MargoVersion.current()};
        }
    }
}
