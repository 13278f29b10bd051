package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        List<String> command = new ArrayList<>(List.of(
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
        // Run as `java -jar` with no option, the install prints no JVM warning: the classgraph Tablesaw scans the
        // class path with used to call sun.misc.Unsafe::invokeCleaner, which JDK 25 warns about (see the parent POM).
        assertFalse(run.out().contains("WARNING"), run.out());
        // The Unsafe option keeps Truffle (scripts) from that warning; the kernel starts with its copy of the
        // build's ahead-of-time cache, and says nothing if it does not fit.
        List<String> expected = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow"));
        if (!Boolean.getBoolean("margo.aot.skip")) {
            expected.addAll(List.of("-XX:AOTCache=" + spec.resolve("margo.aot"), "-Xlog:aot=off"));
        }
        // Scripts' engine is copied beside the jar, and loaded from there by the first script.
        expected.add("-Dmargo.scripts.path=" + spec.resolve("engine"));
        // The proofs' jar too; their circuits and Node.js tooling stay in the repository's zk folder.
        expected.add("-Dmargo.zk.path=" + spec.resolve("zk"));
        expected.add("-Dmargo.zk.home=" + BUILT_JAR.toAbsolutePath().getParent().getParent().getParent().resolve("zk"));
        expected.addAll(List.of("-cp", spec.resolve("margo.jar").toString(), "margo.kernel.MargoKernel", "{connection_file}"));
        assertEquals(expected, argv);
        assertEquals("Margo", kernel.get("display_name").getAsString());
        assertEquals("margo", kernel.get("language").getAsString());
        assertEquals(Files.size(BUILT_JAR), Files.size(spec.resolve("margo.jar")));
        byte[] png = Files.readAllBytes(spec.resolve("logo-64x64.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void compiledScriptsPutTheGraalCompilerOnTheUpgradeModulePathInsteadOfTheCache() throws Exception {
        Process run = java(BUILT_JAR, List.of("kernel", "install", "--compiled-scripts", "--prefix", folder.toString()),
                null);
        assertEquals(0, run.exit(), run.out());
        Path spec = folder.resolve("share/jupyter/kernels/margo");
        JsonObject kernel = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = kernel.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(argv.contains("-XX:+EnableJVMCI") && argv.contains("--enable-native-access=ALL-UNNAMED"),
                argv.toString());
        String modulePath = argv.get(argv.indexOf("--upgrade-module-path") + 1);
        assertTrue(modulePath.contains(spec.resolve("graal-compiler").toString()), modulePath);
        for (String jar : modulePath.split(java.io.File.pathSeparator)) {
            assertTrue(Files.isRegularFile(Path.of(jar)), jar);
        }
        assertTrue(argv.stream().noneMatch(option -> option.startsWith("-XX:AOTCache")), argv.toString());
    }

    @Test
    void theInstalledKernelStartsWithItsCopyOfTheCache() throws Exception {
        assumeFalse(Boolean.getBoolean("margo.aot.skip"), "built with -Dmargo.aot.skip: no cache to install");
        Process run = java(BUILT_JAR, List.of("kernel", "install", "--prefix", folder.toString()), null);
        assertEquals(0, run.exit(), run.out());
        Path spec = folder.resolve("share/jupyter/kernels/margo");
        JsonObject kernel = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = new ArrayList<>(kernel.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList());
        // Started as Jupyter would but made to stop if the cache does not fit, and without a connection file.
        argv.set(argv.indexOf("-Xlog:aot=off"), "-XX:AOTMode=on");
        argv.removeLast();
        java.lang.Process kernelProcess = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(kernelProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kernelProcess.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, kernelProcess.exitValue(), out);
        assertTrue(out.startsWith("usage: java -cp margo.jar margo.kernel.MargoKernel CONNECTION_FILE"), out);
    }

    @Test
    void aCacheThatDoesNotFitTheJarIsLeftOutOfTheKernelspecWithANote() throws Exception {
        assumeFalse(Boolean.getBoolean("margo.aot.skip"), "built with -Dmargo.aot.skip: no cache to install");
        // A copy with a new modification time is another jar to the JVM, and a cache made after it looks current.
        Path jar = Files.copy(BUILT_JAR, folder.resolve("margo.jar"));
        Files.copy(BUILT_JAR.resolveSibling("margo.aot"), folder.resolve("margo.aot"));
        Process run = java(jar, List.of("kernel", "install", "--prefix", folder.resolve("prefix").toString()), null);
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("Note: the ahead-of-time cache beside " + jar + " was made by another JDK or for"
                + " another jar, so the kernel starts without it"), run.out());
        Path spec = folder.resolve("prefix/share/jupyter/kernels/margo");
        assertFalse(Files.exists(spec.resolve("margo.aot")));
        assertFalse(Files.readString(spec.resolve("kernel.json")).contains("AOT"));
    }

    @Test
    void theDefaultIsTheUsersJupyterDataFolder() throws Exception {
        Process run = java(BUILT_JAR, List.of("kernel", "install"), folder.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(Files.isRegularFile(folder.resolve("kernels/margo/kernel.json")), run.out());
    }

    /**
     * The kernelspec's {@code kernel.js}, run in headless Chromium as the classic Notebook loads it (an AMD module
     * whose {@code onload} defines the CodeMirror mode), its mode's rules applied to recipe lines the way
     * CodeMirror's simple mode applies them: at each position, the first rule that matches there.
     */
    @Test
    void theKernelspecsKernelJsHighlightsRecipeLinesByKindOfWord() throws Exception {
        Process run = java(BUILT_JAR, List.of("kernel", "install", "--prefix", folder.toString()), null);
        assertEquals(0, run.exit(), run.out());
        JsonArray lines = tokens(folder.resolve("share/jupyter/kernels/margo/kernel.js"),
                "data chain = options(\"data/x.csv\") { keep bid > 0 and expiry >= 7d }  # two-sided",
                "fit hf = calibrate hs to near {",
                "  method levenberg_marquardt { max_iterations 15 }",
                "show black(61000, 65000, 28d, 58%, \"call\")");
        assertEquals("[[\"data\",\"keyword\"],[\"chain\",\"variable\"],[\"=\",\"operator\"],[\"options\",\"builtin\"],"
                + "[\"\\\"data/x.csv\\\"\",\"string\"],[\"keep\",\"keyword\"],[\"bid\",\"variable\"],[\">\",\"operator\"],"
                + "[\"0\",\"number\"],[\"and\",\"keyword\"],[\"expiry\",\"variable\"],[\">=\",\"operator\"],[\"7d\",\"number\"],"
                + "[\"# two-sided\",\"comment\"]]", lines.get(0).toString());
        assertEquals("[[\"fit\",\"keyword\"],[\"hf\",\"variable\"],[\"=\",\"operator\"],[\"calibrate\",\"keyword\"],"
                + "[\"hs\",\"variable\"],[\"to\",\"keyword\"],[\"near\",\"variable\"]]", lines.get(1).toString());
        assertEquals("[[\"method\",\"property\"],[\"levenberg_marquardt\",\"atom\"],[\"max_iterations\",\"property\"],"
                + "[\"15\",\"number\"]]", lines.get(2).toString());
        assertEquals("[[\"show\",\"keyword\"],[\"black\",\"builtin\"],[\"61000\",\"number\"],[\"65000\",\"number\"],"
                + "[\"28d\",\"number\"],[\"58%\",\"number\"],[\"\\\"call\\\"\",\"string\"]]", lines.get(3).toString());
    }

    /** The tokens, with their CodeMirror styles, of each line as the installed mode reads it (unstyled text left out). */
    private JsonArray tokens(Path kernelJs, String... lines) throws Exception {
        assertTrue(Files.isRegularFile(kernelJs), "margo kernel install writes kernel.js");
        JsonArray input = new JsonArray();
        for (String line : lines) {
            input.add(line);
        }
        String page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><script>
                var defined = [];
                var simpleModes = {};
                var CodeMirror = {defineSimpleMode: function (name, mode) { simpleModes[name] = mode; },
                                  defineMIME: function () {}};
                function define(dependencies, factory) { defined.push(factory(CodeMirror, {}, {})); }
                </script><script src="%s"></script></head><body><pre id="tokens"></pre><script>
                defined[0].onload();
                var rules = simpleModes.margo.start;
                function tokens(line) {
                  var out = [];
                  var at = 0;
                  while (at < line.length) {
                    var matched = false;
                    for (var i = 0; i < rules.length && !matched; i++) {
                      if (rules[i].sol && at !== 0) { continue; }
                      var m = new RegExp("^(?:" + rules[i].regex.source + ")", rules[i].regex.flags).exec(line.slice(at));
                      if (m && m[0].length > 0) {
                        if (rules[i].token) { out.push([m[0], rules[i].token]); }
                        at += m[0].length;
                        matched = true;
                      }
                    }
                    if (!matched) { at++; }
                  }
                  return out;
                }
                document.getElementById("tokens").textContent = JSON.stringify(%s.map(tokens));
                </script></body></html>
                """.formatted(kernelJs.toUri(), input);
        Path html = Files.writeString(folder.resolve("mode.html"), page);
        Matcher tokens = Pattern.compile("<pre id=\"tokens\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(HeadlessChromium.renderedDocument(html, folder));
        assertTrue(tokens.find(), "the page ran no script");
        String json = tokens.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertTrue(json.startsWith("["), "kernel.js failed in the browser: " + json);
        return JsonParser.parseString(json).getAsJsonArray();
    }
}
