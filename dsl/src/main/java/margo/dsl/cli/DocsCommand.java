package margo.dsl.cli;

import java.util.concurrent.Callable;
import margo.dsl.diagnostic.Suggestions;
import margo.dsl.registry.Documentation;
import margo.dsl.registry.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Print the reference of every built-in, or of one by name.")
final class DocsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "A function, statement, setting or chain column, e.g. black or mid_iv.")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Documentation documentation = new Documentation(Registry.standard());
        if (name == null) {
            spec.commandLine().getOut().print(documentation.all());
            return Main.OK;
        }
        String entry = documentation.describe(name).orElseThrow(() -> {
            String hint = Suggestions.didYouMean(name, documentation.names());
            return new CommandLine.ParameterException(spec.commandLine(), "no built-in named '" + name + "'"
                    + (hint == null ? "; run 'margo docs' for the list" : "; " + hint));
        });
        spec.commandLine().getOut().print(entry);
        return Main.OK;
    }
}
