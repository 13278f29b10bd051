package margo.dsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of the terminal.")
    Path outFile;

    @Option(names = "--timings", negatable = true, paramLabel = "TIMINGS",
            description = "Include how long each fit took (default: in text and json, not in html, so that a page"
                    + " is the same on every run; --no-timings makes json the same too).")
    Boolean timings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SourceFile source = RecipeFile.read(spec.commandLine(), file);
        Execution execution = new Session(RecipeFile.folderOf(file)).run(source, Mode.RECIPE);
        boolean withTimings = timings != null ? timings : format != Report.Format.html;
        String output = switch (format) {
            case text -> Report.text(execution, withTimings);
            case html -> Report.html(source.name(), execution, withTimings);
            case json -> Report.json(source.name(), execution, withTimings);
        };
        if (format != Report.Format.json) {
            Report.diagnostics(execution.diagnostics(), spec.commandLine().getErr());
        }
        if (outFile == null) {
            spec.commandLine().getOut().print(output);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(outFile, output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("margo: cannot write " + outFile + ": " + e.getMessage());
                return Main.FAILED;
            }
        }
        return execution.hasErrors() ? Main.FAILED : Main.OK;
    }
}
