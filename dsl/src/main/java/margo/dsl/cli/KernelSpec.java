package margo.dsl.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import margo.dsl.proof.MarginProvers;
import margo.dsl.registry.Registry;
import margo.dsl.run.DataLimit;
import margo.dsl.script.ScriptEngines;

/**
 * A Jupyter kernelspec for Margo (Jupyter client docs, "Kernel specs"): a folder {@code margo} holding
 * {@code kernel.json}, the jar it runs, its ahead-of-time cache, a 64x64 logo and {@code kernel.js}, the classic
 * Notebook's syntax highlighting for recipes ({@link CodeMirrorMode}). The kernel is named only by its class, so the language
 * module never depends on the kernel module.
 */
final class KernelSpec {

    /** The kernel's main class, in the kernel module; args[0] is the connection file. */
    static final String KERNEL_CLASS = "margo.kernel.MargoKernel";
    static final String JAR_NAME = "margo.jar";
    /** The JVM option that lets GraalVM's Truffle runtime (scripts) use sun.misc.Unsafe without a warning. */
    static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";

    /**
     * Truffle loads native code as it starts; the jar's manifest allows it for -jar, the kernel runs with -cp. Only
     * without the cache: the JVM refuses a cache dumped without this option.
     */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** The folder, beside the kernelspec's jar, of the Graal compiler jars that compile scripts. */
    static final String COMPILER_FOLDER = "graal-compiler";
    /** The folder, beside the kernelspec's jar, of the scripts' engine (GraalVM JavaScript), loaded by a script. */
    static final String ENGINE_FOLDER = "engine";
    /** The kernelspec's folder of the zk module's jar (proofs of margin). */
    static final String ZK_FOLDER = "zk";
    private static final String POLYGLOT = "polyglot";
    private static final String ZK = "zk";

    private final Path jar;
    private final Path java;
    private final boolean compiledScripts;
    private final Long maxDataBytes;

    /**
     * @param compiledScripts whether the kernel compiles scripts with the Graal compiler (JVMCI and the compiler on
     *     the upgrade module path, which disables the ahead-of-time cache) rather than start with the cache and
     *     interpret them
     * @param maxDataBytes the kernel's data size limit, written into the spec's environment; null for the default
     */
    KernelSpec(Path jar, Path java, boolean compiledScripts, Long maxDataBytes) {
        this.jar = jar;
        this.java = java;
        this.compiledScripts = compiledScripts;
        this.maxDataBytes = maxDataBytes;
    }

    /**
     * Whether the installed kernel starts with the build's ahead-of-time cache ({@link AotCache}); SCRIPTS when it
     * compiles scripts instead, which the JDK runs without the cache.
     */
    enum StartCache { USED, DOES_NOT_FIT, NOT_BUILT, SCRIPTS }

    /**
     * Writes {@code folder} (created if needed): the jar, kernel.json pointing at it and at this JDK, the logo,
     * kernel.js, and
     * the ahead-of-time cache beside the jar when this JDK can start the installed jar with it.
     */
    StartCache installInto(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path installedJar = folder.resolve(JAR_NAME).toAbsolutePath();
        // The cache knows the jar by its modification time too, so the copy keeps it.
        Files.copy(jar, installedJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        List<Path> compiler = compiledScripts ? copyBuilt(POLYGLOT, COMPILER_FOLDER, folder, COMPILER_FOLDER) : List.of();
        Path engine = null;
        if (builtFolder(POLYGLOT, ENGINE_FOLDER) != null) {
            copyBuilt(POLYGLOT, ENGINE_FOLDER, folder, ENGINE_FOLDER);
            engine = folder.resolve(ENGINE_FOLDER).toAbsolutePath();
        }
        // Proofs of margin: the zk module's jar is copied too, but its circuits and Node.js tooling stay in the
        // repository's zk folder, which the kernel is pointed at.
        Path proofs = null;
        if (builtFolder(ZK, "jars") != null) {
            copyBuilt(ZK, "jars", folder, ZK_FOLDER);
            proofs = folder.resolve(ZK_FOLDER).toAbsolutePath();
        }
        AotCache built = compiledScripts ? null : AotCache.besideJar(jar);
        AotCache installed = new AotCache(folder.resolve(AotCache.FILE_NAME).toAbsolutePath());
        StartCache startCache = compiledScripts ? StartCache.SCRIPTS : StartCache.NOT_BUILT;
        if (built != null) {
            Files.copy(built.file(), installed.file(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            if (Files.isRegularFile(built.identityFile())) {
                Files.copy(built.identityFile(), installed.identityFile(), StandardCopyOption.REPLACE_EXISTING);
            }
            startCache = installed.fits(java, installedJar) ? StartCache.USED : StartCache.DOES_NOT_FIT;
        }
        if (startCache != StartCache.USED) {
            Files.deleteIfExists(installed.file());
            Files.deleteIfExists(installed.identityFile());
        }
        Files.writeString(folder.resolve("kernel.json"),
                kernelJson(installedJar, startCache == StartCache.USED ? installed : null, compiler, engine, proofs),
                StandardCharsets.UTF_8);
        System.setProperty("java.awt.headless", "true");
        ImageIO.write(logo(), "png", folder.resolve("logo-64x64.png").toFile());
        Files.writeString(folder.resolve("kernel.js"), CodeMirrorMode.kernelJs(Registry.standard()), StandardCharsets.UTF_8);
        return startCache;
    }

    /** The repository the running jar was built in: kernel/target/margo.jar's grandparent. */
    private Path repository() {
        return jar.toAbsolutePath().getParent().getParent().getParent();
    }

    /** A folder of jars that the build puts in MODULE/target (beside kernel/target, where the running jar is), or null. */
    private Path builtFolder(String module, String name) {
        Path built = repository().resolve(module).resolve("target").resolve(name);
        return Files.isDirectory(built) ? built : null;
    }

    /** Copies the jars of the built folder {@code name} into the kernelspec's folder {@code as}; their paths. */
    private List<Path> copyBuilt(String module, String name, Path folder, String as) throws IOException {
        Path built = builtFolder(module, name);
        if (built == null) {
            throw new IOException("the jars of " + module + "/target/" + name + " are not beside " + jar + "; build"
                    + " Margo with 'mvn -pl kernel -am package' (./margo does) before installing with --compiled-scripts");
        }
        Path target = folder.resolve(as);
        Files.createDirectories(target);
        List<Path> copied = new ArrayList<>();
        try (var jars = Files.list(built)) {
            for (Path builtJar : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                copied.add(Files.copy(builtJar, target.resolve(builtJar.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING).toAbsolutePath());
            }
        }
        return copied;
    }

    private String kernelJson(Path installedJar, AotCache cache, List<Path> compiler, Path engine, Path proofs) {
        JsonObject spec = new JsonObject();
        JsonArray argv = new JsonArray();
        argv.add(java.toAbsolutePath().toString());
        // Truffle reads field offsets with sun.misc.Unsafe; without this JDK 25 warns when a notebook runs a script.
        argv.add(UNSAFE_MEMORY_ACCESS);
        if (cache != null) {
            cache.jvmOptions().forEach(argv::add);
        }
        if (!compiler.isEmpty()) {
            argv.add(NATIVE_ACCESS);
            argv.add("-XX:+UnlockExperimentalVMOptions");
            argv.add("-XX:+EnableJVMCI");
            argv.add("--upgrade-module-path");
            argv.add(String.join(File.pathSeparator, compiler.stream().map(Path::toString).toList()));
        }
        if (engine != null) {
            argv.add("-D" + ScriptEngines.PATH_PROPERTY + "=" + engine);
        }
        if (proofs != null) {
            argv.add("-D" + MarginProvers.PATH_PROPERTY + "=" + proofs);
            argv.add("-D" + MarginProvers.HOME_PROPERTY + "=" + repository().resolve(ZK).toAbsolutePath());
        }
        argv.add("-cp");
        argv.add(installedJar.toString());
        argv.add(KERNEL_CLASS);
        argv.add("{connection_file}");
        spec.add("argv", argv);
        if (maxDataBytes != null) {
            JsonObject env = new JsonObject();
            env.addProperty(DataLimit.KERNEL_VARIABLE, maxDataBytes.toString());
            spec.add("env", env);
        }
        spec.addProperty("display_name", "Margo");
        spec.addProperty("language", "margo");
        // A JVM would stop on SIGINT; interrupts go as interrupt_request messages instead.
        spec.addProperty("interrupt_mode", "message");
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** A white "M" on a dark teal disc. */
    private static BufferedImage logo() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x0B, 0x5E, 0x6B));
        g.fillOval(0, 0, 64, 64);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {16, 16, 32, 48, 48}, new int[] {46, 18, 36, 18, 46}, 5);
        g.dispose();
        return image;
    }

    /** The jar {@code type} was loaded from, or null when it was loaded from a folder of classes. */
    static Path runningJar(Class<?> type) {
        Path location = codeLocation(type);
        return location != null && Files.isRegularFile(location)
                && location.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") ? location : null;
    }

    static Path codeLocation(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The user's kernelspec folder as Jupyter finds it (jupyter_core.paths.jupyter_data_dir): JUPYTER_DATA_DIR if
     * set; ~/Library/Jupyter on macOS; %APPDATA%\jupyter on Windows; else $XDG_DATA_HOME/jupyter or
     * ~/.local/share/jupyter.
     */
    static Path userKernelsFolder() {
        String explicit = System.getenv("JUPYTER_DATA_DIR");
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path data;
        if (explicit != null && !explicit.isBlank()) {
            data = Path.of(explicit);
        } else if (os.contains("mac")) {
            data = home.resolve("Library").resolve("Jupyter");
        } else if (os.contains("win") && System.getenv("APPDATA") != null) {
            data = Path.of(System.getenv("APPDATA"), "jupyter");
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            data = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                    .resolve("jupyter");
        }
        return data.resolve("kernels").resolve("margo");
    }

    static Path prefixKernelsFolder(Path prefix) {
        return prefix.toAbsolutePath().normalize().resolve("share").resolve("jupyter").resolve("kernels").resolve("margo");
    }
}
