package margo.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margo.core.io.MessageText;
import java.util.Map;
import margo.dsl.engine.Engine;
import margo.dsl.engine.EngineProvider;
import margo.dsl.engine.Engines;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Check a recipe, then run it and print what it shows.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The recipe (.margo); data paths in it are relative to its folder.")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), json (outputs and diagnostics on stdout) or html.")
    Report.Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the output to FILE instead of the terminal, replacing it only when the run succeeds;"
                    + " never the recipe or a data file it reads.")
    Path outFile;

    @Option(names = "--follow-symlinks",
            description = "Let --out write through a symbolic link to the file it points to (refused otherwise).")
    boolean followSymlinks;

    @CommandLine.Mixin
    DataSizeOption dataSize;

    @Option(names = "--timings", negatable = true, paramLabel = "TIMINGS",
            description = "Include how long each fit took (default: in text and json, not in html, so that a page"
                    + " is the same on every run; --no-timings makes json the same too).")
    Boolean timings;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Run the per-account statements (margin, stress, attribution, backtest of a book) as jobs"
                    + " of a distributed engine: spark (the spark module, docs/scale-out.md). Default: in this"
                    + " process.")
    String engineName;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark, the cluster to run on: local[4], spark://host:7077, k8s://...;"
                    + " default local[*], or what spark-submit set.")
    String master;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The engine {@code --engine} names, started; null without the option. */
    private Engine startEngine() {
        if (engineName == null) {
            if (master != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--master needs --engine spark");
            }
            return null;
        }
        EngineProvider provider = Engines.find(engineName).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "the " + engineName + " engine is not installed"
                + (Engines.names().isEmpty() ? "" : " (installed: " + String.join(", ", Engines.names()) + ")")
                + ": build the spark module (mvn -pl spark -am package), then run ./margo run RECIPE --engine "
                + engineName + ", or spark-submit spark/target/margo-spark.jar RECIPE (docs/scale-out.md)"));
        try {
            return provider.start(master == null ? Map.of() : Map.of("master", master));
        } catch (IllegalArgumentException badSetting) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the " + engineName
                    + " engine cannot start: " + badSetting.getMessage());
        }
    }

    @Override
    public Integer call() {
        SourceFile source = RecipeFile.read(spec.commandLine(), file);
        OutputFile out = outFile == null ? null : OutputFile.choose(spec.commandLine(), outFile, file, followSymlinks);
        boolean withTimings = timings != null ? timings : format != Report.Format.html;
        Execution execution;
        String output;
        // rendered before the engine stops: a book it holds is gathered only when a shown value needs it whole
        try (Engine engine = startEngine()) {
            execution = new Session(RecipeFile.folderOf(file), dataSize.limit(), engine).run(source, Mode.RECIPE);
            output = switch (format) {
                case text -> Report.text(execution, withTimings);
                case html -> Report.html(source.name(), execution, withTimings);
                case json -> Report.json(source.name(), execution, withTimings);
            };
        }
        PrintWriter err = spec.commandLine().getErr();
        if (format != Report.Format.json || out != null) {
            Report.diagnostics(execution.diagnostics(), err);
        }
        if (out == null) {
            spec.commandLine().getOut().print(output);
            spec.commandLine().getOut().flush();
            return execution.hasErrors() ? Main.FAILED : Main.OK;
        }
        if (execution.hasErrors()) {
            err.println("margo: the run failed, so --out " + MessageText.escape(outFile.toString())
                    + " is left as it was");
            return Main.FAILED;
        }
        String overwrites = out.overwrites(execution.filesRead());
        if (overwrites != null) {
            err.println(overwrites);
            return Main.FAILED;
        }
        try {
            out.write(output);
        } catch (IOException failed) {
            err.println(out.writeFailure(failed));
            return Main.FAILED;
        }
        return Main.OK;
    }
}
