package margo.dsl.cli;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SourceFile source = RecipeFile.read(spec.commandLine(), file);
        Execution execution = new Session(RecipeFile.folderOf(file)).run(source, Mode.RECIPE);
        var out = spec.commandLine().getOut();
        switch (format) {
            case text -> {
                out.print(Report.text(execution));
                Report.diagnostics(execution.diagnostics(), spec.commandLine().getErr());
            }
            case html -> {
                out.print(Report.html(source.name(), execution));
                Report.diagnostics(execution.diagnostics(), spec.commandLine().getErr());
            }
            case json -> out.print(Report.json(source.name(), execution));
        }
        out.flush();
        return execution.hasErrors() ? Main.FAILED : Main.OK;
    }
}
