package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Jupyter installation in a temporary folder with Margo's kernel installed in it by
 * {@code margo kernel install --prefix}, and the real Debian Jupyter ({@code /usr/bin/python3}
 * with jupyter_client, nbconvert and nbclient) pointed at it through {@code JUPYTER_PATH}.
 * Nothing here is mocked: every test runs the packaged {@code margo.jar} as a kernel process.
 */
final class JupyterTestBed {

    static final String PYTHON = "/usr/bin/python3";
    static final String JUPYTER = "/usr/bin/jupyter";
    private static final Duration SHORT = Duration.ofSeconds(60);

    private final Path root;
    private final Path jar;

    private JupyterTestBed(Path root, Path jar) {
        this.root = root;
        this.jar = jar;
    }

    /**
     * Checks that Jupyter is here, then installs the kernel from the packaged jar under {@code root}, with
     * {@code options} added to {@code margo kernel install}.
     */
    static JupyterTestBed install(Path root, String... options) throws IOException, InterruptedException {
        requireJupyter(root);
        Path jar = Path.of(requiredProperty("margo.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " is missing; run `mvn verify` (or ./run-tests), which packages it before the kernel tests");
        JupyterTestBed bed = new JupyterTestBed(root, jar);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString(), "kernel", "install",
                "--prefix", bed.prefix().toString()));
        command.addAll(List.of(options));
        ProcessResult installed = bed.run(SHORT, root, command);
        installed.requireSuccess("margo kernel install --prefix " + bed.prefix());
        assertTrue(Files.isRegularFile(bed.kernelSpecDirectory().resolve("kernel.json")),
                "`margo kernel install --prefix` wrote no kernel.json under " + bed.kernelSpecDirectory() + "\n" + installed);
        return bed;
    }

    private static void requireJupyter(Path scratch) throws IOException, InterruptedException {
        for (String program : List.of(PYTHON, JUPYTER)) {
            if (!Files.isExecutable(Path.of(program))) {
                fail(program + " is missing. The kernel tests drive Margo's kernel with Debian's Jupyter; run ./run-tests, which installs it (python3-jupyter-client, python3-nbconvert, python3-nbclient, jupyter-client).");
            }
        }
        ProcessResult imports = run(SHORT, scratch, Map.of(), List.of(PYTHON, "-c", "import jupyter_client, nbconvert, nbclient"));
        if (imports.exitCode() != 0) {
            fail("/usr/bin/python3 cannot import jupyter_client, nbconvert and nbclient, which the kernel tests need; run ./run-tests, which installs python3-jupyter-client, python3-nbconvert and python3-nbclient.\n" + imports);
        }
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            fail("system property " + name + " is not set; run the kernel tests through Maven (mvn verify or ./run-tests), whose failsafe configuration sets it");
        }
        return value;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Path prefix() {
        return root.resolve("prefix");
    }

    Path kernelSpecDirectory() {
        return prefix().resolve("share/jupyter/kernels/margo");
    }

    Path jar() {
        return jar;
    }

    /**
     * The environment of every Jupyter command: the private kernelspec first on JUPYTER_PATH, and the
     * user's own Jupyter data, config and runtime folders replaced by private ones, so that a Margo
     * kernel the developer installed with {@code --user} can neither shadow nor be disturbed by the tests.
     */
    Map<String, String> jupyterEnvironment() {
        return Map.of(
                "JUPYTER_PATH", prefix().resolve("share/jupyter").toString(),
                "JUPYTER_DATA_DIR", root.resolve("jupyter-data").toString(),
                "JUPYTER_CONFIG_DIR", root.resolve("jupyter-config").toString(),
                "JUPYTER_RUNTIME_DIR", root.resolve("jupyter-runtime").toString());
    }

    /** Runs a Jupyter command (python3 or the jupyter CLI) in the private installation. */
    ProcessResult run(Duration timeout, Path workingDirectory, List<String> command) throws IOException, InterruptedException {
        return run(timeout, workingDirectory, jupyterEnvironment(), command);
    }

    /**
     * Starts a kernel through jupyter_client's KernelManager with {@code cwd} as its working directory,
     * sends it {@code script}'s requests with kernel_client.py and returns that script's report.
     */
    JsonObject driveKernel(Path cwd, JsonObject script, Duration timeout) throws IOException, InterruptedException {
        script.addProperty("cwd", cwd.toString());
        Path scriptFile = Files.writeString(root.resolve("kernel-script.json"), script.toString());
        Path report = root.resolve("kernel-report.json");
        Path driver = Path.of(requiredProperty("margo.python.drivers"), "kernel_client.py");
        run(timeout, root, List.of(PYTHON, driver.toString(), scriptFile.toString(), report.toString()))
                .requireSuccess("kernel_client.py");
        return JsonParser.parseString(Files.readString(report)).getAsJsonObject();
    }

    static ProcessResult run(Duration timeout, Path workingDirectory, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        // Not in the working directory, which may be examples/ in the checkout.
        Path stdout = Files.createTempFile("margo-test-out", ".txt");
        Path stderr = Files.createTempFile("margo-test-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        ProcessResult result = new ProcessResult(String.join(" ", command), finished ? process.exitValue() : -1,
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        Files.delete(stdout);
        Files.delete(stderr);
        if (!finished) {
            fail("timed out after " + timeout.toSeconds() + " s: " + result);
        }
        return result;
    }

    record ProcessResult(String command, int exitCode, String stdout, String stderr) {

        void requireSuccess(String what) {
            if (exitCode != 0) {
                fail(what + " failed: " + this);
            }
        }

        @Override
        public String toString() {
            return "`" + command + "` exited with " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }
}
