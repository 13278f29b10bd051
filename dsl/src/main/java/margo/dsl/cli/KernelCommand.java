package margo.dsl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "kernel", mixinStandardHelpOptions = true, description = "Manage the Margo Jupyter kernel.",
        subcommands = KernelInstallCommand.class)
final class KernelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: margo kernel install");
    }
}
