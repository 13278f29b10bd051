package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code margo kernel install} run from the packaged all-in-one jar, as a user runs it. */
class KernelInstallIT {

    /** The all-in-one jar this module packages; failsafe runs after the package phase. */
    private static final Path BUILT_JAR = Path.of(System.getProperty("margo.jar", "target/margo.jar")).toAbsolutePath();

    @TempDir
    Path folder;

    private record Process(int exit, String out) {}

    private static Process java(Path jar, List<String> args, String jupyterDataDir) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (jupyterDataDir != null) {
            builder.environment().put("JUPYTER_DATA_DIR", jupyterDataDir);
        }
        java.lang.Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Process(process.exitValue(), out);
    }

    @Test
    void theJarInstallsAKernelspecThatRunsItsOwnCopyOnThisJdk() throws Exception {
        Process run = java(BUILT_JAR, List.of("kernel", "install", "--prefix", folder.toString()), null);
        assertEquals(0, run.exit(), run.out());
        Path spec = folder.resolve("share/jupyter/kernels/margo");
        assertTrue(run.out().contains("Installed the Margo kernel in " + spec), run.out());
        assertTrue(run.out().contains("jupyter kernelspec list"), run.out());
        JsonObject kernel = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = kernel.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        // The Unsafe option silences JDK 25's warning about Tablesaw's classgraph on every kernel start.
        assertEquals(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-cp", spec.resolve("margo.jar").toString(),
                "margo.kernel.MargoKernel", "{connection_file}"), argv);
        assertEquals("Margo", kernel.get("display_name").getAsString());
        assertEquals("margo", kernel.get("language").getAsString());
        assertEquals(Files.size(BUILT_JAR), Files.size(spec.resolve("margo.jar")));
        byte[] png = Files.readAllBytes(spec.resolve("logo-64x64.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void theDefaultIsTheUsersJupyterDataFolder() throws Exception {
        Process run = java(BUILT_JAR, List.of("kernel", "install"), folder.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(Files.isRegularFile(folder.resolve("kernels/margo/kernel.json")), run.out());
    }
}
