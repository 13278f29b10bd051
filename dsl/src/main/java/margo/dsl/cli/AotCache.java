package margo.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's ahead-of-time cache that the build writes beside {@code margo.jar} (kernel/pom.xml; JEP 483 and 514):
 * the classes a training run over the examples loaded and linked. A JVM started with it skips that work. It fits one JDK build and one jar, known by path, size and modification time (a copy
 * that keeps the time and moves with its cache still fits); a JVM that it does not fit runs without it.
 *
 * @param file the cache, {@code margo.aot}
 */
record AotCache(Path file) {

    static final String FILE_NAME = "margo.aot";

    /**
     * The JVM options that start with the cache. The JVM reports a cache that does not fit on stdout, where it would
     * mix with a command's output or a kernel's log, though all it means is a slower start: the report is off.
     */
    List<String> jvmOptions() {
        return List.of("-XX:AOTCache=" + file, "-Xlog:aot=off");
    }

    /** The cache beside {@code jar}, when the build made one after the jar; otherwise null. */
    static AotCache besideJar(Path jar) {
        Path file = jar.resolveSibling(FILE_NAME);
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) >= 0
                    ? new AotCache(file) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    /**
     * Whether {@code java} starts {@code jar} with this cache: asks a JVM run with {@code -XX:AOTMode=on}, which
     * stops when the cache does not fit instead of running without it.
     */
    boolean fits(Path java, Path jar) {
        try {
            Process probe = new ProcessBuilder(java.toString(), "-XX:AOTCache=" + file, "-XX:AOTMode=on",
                    "-Xlog:aot=off", "-cp", jar.toString(), "-version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException notStarted) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
