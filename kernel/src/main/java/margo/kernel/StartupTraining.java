package margo.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import margo.dsl.cli.Main;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.run.Shown;
import margo.dsl.syntax.SourceFile;

/**
 * The training run of Margo's ahead-of-time cache. The build runs it once under
 * {@code -XX:AOTCacheOutput=target/margo.aot} (JEP 483, 514): the classes it loads and links are stored in
 * the cache, which {@code ./margo} and the kernelspec then start with ({@code -XX:AOTCache}). It runs with C1
 * only (kernel/pom.xml says why), so the cache holds no method profiles (JEP 515) for C2. It runs every example recipe once and renders what it shows as the kernel
 * does (text, HTML, Plotly and SVG), then runs the quickstart through the CLI in each output format and
 * through a kernel over its sockets ({@link KernelTraining}), so that the cache holds what a first
 * {@code margo run} or a first notebook cell needs: the language, the loaders, the pricers, a Heston
 * calibration, the renderers, the command line and the Jupyter protocol. Outputs go nowhere, and
 * whether a recipe succeeds is not its business ({@code errors.margo} fails by design): the tests judge that.
 * Each recipe runs once, since the training adds to every build's time.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    /** args[0]: the folder of example recipes. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: java -XX:AOTCacheOutput=margo.aot -cp margo.jar margo.kernel.StartupTraining"
                    + " EXAMPLES_FOLDER");
            System.exit(2);
        }
        Path examples = Path.of(args[0]).toAbsolutePath();
        for (Path recipe : recipes(examples)) {
            runAndRender(examples, new SourceFile(recipe.toString(), Files.readString(recipe, StandardCharsets.UTF_8)));
        }
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        String quickstart = examples.resolve("quickstart.margo").toString();
        for (String format : List.of("text", "json", "html")) {
            Main.execute(new String[] {"run", quickstart, "--format", format}, discard, discard);
        }
        Main.execute(new String[] {"check", quickstart}, discard, discard);
        Main.execute(new String[] {"docs", "black"}, discard, discard);
        try {
            KernelTraining.run(examples, List.of(Files.readString(examples.resolve("quickstart.margo"),
                    StandardCharsets.UTF_8), "show one_month_call"));
        } catch (IOException | InterruptedException | RuntimeException kernelFailed) {
            // A machine that cannot open loopback sockets still gets a cache, without the protocol's classes;
            // the kernel tests judge the kernel.
            System.err.println("margo: the kernel's part of the AOT training failed (" + kernelFailed
                    + "); the cache is made without it");
        }
        // The kernel's worker threads would keep the JVM alive; the cache is written as it exits.
        System.exit(0);
    }

    /** What a notebook cell of the recipe's text does, but for the sockets: run, then every output's bundle. */
    private static void runAndRender(Path folder, SourceFile recipe) {
        Execution execution = new Session(folder).run(recipe, Mode.RECIPE);
        for (Diagnostic diagnostic : execution.diagnostics()) {
            DiagnosticFormatter.format(diagnostic);
        }
        DisplayBundles bundles = new DisplayBundles();
        for (Shown shown : execution.shown()) {
            bundles.of(shown);
        }
    }

    /**
     * The example recipes, less those with a script: ./margo runs them with the Graal compiler on the upgrade module
     * path, where the JDK uses no cache (docs/scripts.md), and training on them would load GraalVM for nothing.
     */
    private static List<Path> recipes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> recipes = files.filter(file -> file.getFileName().toString().endsWith(".margo")).sorted().toList();
            List<Path> withoutScripts = new java.util.ArrayList<>();
            for (Path recipe : recipes) {
                if (Files.readString(recipe, StandardCharsets.UTF_8).lines()
                        .noneMatch(line -> line.strip().startsWith("script "))) {
                    withoutScripts.add(recipe);
                }
            }
            return withoutScripts;
        }
    }
}
