package margo.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import margo.dsl.run.DataLimit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the Margo kernelspec so that Jupyter lists a \"Margo\" kernel.")
final class KernelInstallCommand implements Callable<Integer> {

    static final class Where {
        @Option(names = "--user", description = "Into your Jupyter data folder (the default).")
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR",
                description = "Into DIR/share/jupyter/kernels/margo, e.g. a virtual environment's prefix.")
        Path prefix;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where;

    @Option(names = "--compiled-scripts", description = "Compile the notebook's JavaScript with the Graal compiler"
            + " (4 to 10 times faster scripts) instead of starting with the ahead-of-time cache (faster start).")
    boolean compiledScripts;

    @Option(names = "--max-data-size", paramLabel = "SIZE", converter = DataSizeOption.Converter.class,
            description = "The largest data file a notebook may read, such as 512M or 2G; default 512M. Written"
                    + " into the kernelspec as " + DataLimit.KERNEL_VARIABLE + ".")
    Long maxDataBytes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path running = KernelSpec.runningJar(Main.class);
        if (running == null) {
            err.println("margo: kernel install copies the margo.jar it runs from, but this Margo runs from "
                    + KernelSpec.codeLocation(Main.class) + ", not a jar; build the jar with"
                    + " 'mvn -pl kernel -am package' and run it with ./margo or java -jar kernel/target/margo.jar");
            return Main.FAILED;
        }
        Path prefix = where == null ? null : where.prefix;
        Path folder = prefix == null ? KernelSpec.userKernelsFolder() : KernelSpec.prefixKernelsFolder(prefix);
        KernelSpec.StartCache startCache;
        try {
            startCache = new KernelSpec(running, Path.of(System.getProperty("java.home"), "bin", "java"),
                    compiledScripts, maxDataBytes)
                    .installInto(folder);
        } catch (IOException e) {
            err.println("margo: cannot install the kernel into " + folder + ": " + e.getMessage());
            return Main.FAILED;
        }
        out.println("Installed the Margo kernel in " + folder);
        if (startCache == KernelSpec.StartCache.DOES_NOT_FIT) {
            out.println("Note: the ahead-of-time cache beside " + running + " was made by another JDK or for another"
                    + " jar, so the kernel starts without it (slower); rebuild Margo with this JDK to make one.");
        }
        out.println("Check with: jupyter kernelspec list");
        if (prefix != null) {
            out.println("Jupyter finds it when " + prefix.toAbsolutePath().normalize()
                    + " is its environment's prefix or its share/jupyter folder is on JUPYTER_PATH.");
        }
        return Main.OK;
    }
}
