package margo.dsl.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Report every problem in a recipe without running it or reading its data.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The recipe (.margo).")
    Path file;

    @CommandLine.Mixin
    DataSizeOption dataSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SourceFile source = RecipeFile.read(spec.commandLine(), file);
        Execution execution = new Session(RecipeFile.folderOf(file), dataSize.limit()).check(source, Mode.RECIPE);
        Report.diagnostics(execution.diagnostics(), spec.commandLine().getErr());
        if (execution.hasErrors()) {
            return Main.FAILED;
        }
        spec.commandLine().getOut().println(source.name() + ": no errors"
                + (execution.diagnostics().isEmpty() ? "" : " (" + execution.diagnostics().size() + " warnings)"));
        return Main.OK;
    }
}
