package margo.kernel;

import static margo.kernel.JupyterTestBed.requiredProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import margo.kernel.JupyterTestBed.ProcessResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ahead-of-time cache the build writes beside margo.jar (kernel/pom.xml) as {@code ./margo} and the kernelspec
 * start with it: it fits the jar it was made for and moves with it; one that does not fit (another JDK build, a
 * damaged file) costs start-up time and nothing else, not a line of output. A rebuilt jar the JVM of JDK 25 does not
 * notice; the build names the cache's jar beside it for Margo to check (margo.dsl.cli.AotCacheTest).
 */
class AotCacheIT {

    private static final Path JAR = Path.of(requiredProperty("margo.jar")).toAbsolutePath();
    private static final Path CACHE = JAR.resolveSibling("margo.aot");
    private static final Path QUICKSTART = Path.of(requiredProperty("margo.examples")).resolve("quickstart.margo");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** What ./margo and the kernelspec add to start with the cache. */
    private static final List<String> LAUNCHER_OPTIONS = List.of("-Xlog:aot=off");

    @TempDir
    Path folder;

    @BeforeAll
    static void theBuildMadeTheCache() {
        assumeFalse(Boolean.getBoolean("margo.aot.skip"), "built with -Dmargo.aot.skip: no cache to test");
        assertTrue(Files.isRegularFile(CACHE), "the build writes " + CACHE + " after the jar (kernel/pom.xml)");
    }

    @Test
    void theBuildsCacheFitsItsJarAndChangesNothingARunPrints() throws Exception {
        ProcessResult without = quickstart(JAR, List.of());
        assertEquals(0, without.exitCode(), without.toString());
        ProcessResult with = quickstart(JAR, List.of("-XX:AOTCache=" + CACHE, "-XX:AOTMode=on"));
        assertEquals(0, with.exitCode(), with.toString());
        assertEquals(without.stdout(), with.stdout());
        assertEquals(without.stderr(), with.stderr());
    }

    @Test
    void aCacheMovedWithItsJarStillFits() throws Exception {
        Path jar = Files.copy(JAR, folder.resolve("margo.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path cache = Files.copy(CACHE, folder.resolve("margo.aot"), StandardCopyOption.COPY_ATTRIBUTES);
        ProcessResult moved = quickstart(jar, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"));
        assertEquals(0, moved.exitCode(), moved.toString());
    }

    @Test
    void theBuildNamesTheJarItsCacheIsFor() throws Exception {
        // JDK 25 starts a cache made in one step with any jar (JDK-8377932, fixed in 27) and runs the cached classes,
        // so ./margo and margo kernel install use the cache only for the jar that margo.aot.jar-id names.
        assertEquals(Files.size(JAR) + " " + Files.getLastModifiedTime(JAR).to(TimeUnit.SECONDS),
                Files.readString(CACHE.resolveSibling("margo.aot.jar-id"), StandardCharsets.US_ASCII).strip());
    }

    @Test
    void aCacheMadeByAnotherJdkBuildIsIgnoredWithoutAWord() throws Exception {
        // The cache's header names the JVM that wrote it (e.g. "25.0.3+9-LTS"); one digit changed is another build.
        byte[] bytes = Files.readAllBytes(CACHE);
        String vm = System.getProperty("java.vm.version");
        int at = indexOf(bytes, vm.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at >= 0 && at < 4096, "the cache's header names JVM " + vm);
        int digit = at + Math.max(vm.indexOf('+'), 1) - 1;
        bytes[digit] = (byte) (bytes[digit] == '9' ? '8' : bytes[digit] + 1);
        assertSilentFallback(JAR, Files.write(folder.resolve("other-jdk.aot"), bytes));
    }

    @Test
    void aDamagedCacheIsIgnoredWithoutAWord() throws Exception {
        byte[] bytes = Files.readAllBytes(CACHE);
        assertSilentFallback(JAR, Files.write(folder.resolve("truncated.aot"), Arrays.copyOf(bytes, bytes.length / 3)));
    }

    private void assertSilentFallback(Path jar, Path cache) throws IOException, InterruptedException {
        ProcessResult refused = quickstart(jar, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"));
        assertEquals(1, refused.exitCode(), "the JVM refuses this cache when it must use it:\n" + refused);
        ProcessResult without = quickstart(jar, List.of());
        List<String> options = new ArrayList<>(List.of("-XX:AOTCache=" + cache));
        options.addAll(LAUNCHER_OPTIONS);
        ProcessResult fallback = quickstart(jar, options);
        assertEquals(0, fallback.exitCode(), fallback.toString());
        assertEquals(without.stdout(), fallback.stdout());
        assertEquals(without.stderr(), fallback.stderr());
    }

    private ProcessResult quickstart(Path jar, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "run", QUICKSTART.toString()));
        return JupyterTestBed.run(TIMEOUT, folder, Map.of(), command);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
