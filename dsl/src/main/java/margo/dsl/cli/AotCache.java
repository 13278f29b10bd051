package margo.dsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's ahead-of-time cache that the build writes beside {@code margo.jar} (kernel/pom.xml; JEP 483 and 514):
 * the classes a training run over the examples loaded and linked. A JVM started with it skips that work. It fits one
 * JDK build and one jar, known by size and modification time (a copy that keeps the time and moves with its cache
 * still fits); a JVM that it does not fit runs without it.
 *
 * <p>The JVM checks the JDK build, but JDK 25 does not check the jar of a cache made in one step
 * ({@code -XX:AOTCacheOutput}) once every class in it could be stored (JDK-8377932, fixed in JDK 27): it would run
 * the classes of the jar the cache was made for, whatever jar it is given. So the build writes the jar's size and
 * modification time beside the cache ({@code margo.aot.jar-id}, kernel/src/build/RewriteJarForStartup.java), and
 * Margo uses a cache only for the jar it names; ./margo checks the same.
 *
 * @param file the cache, {@code margo.aot}
 */
record AotCache(Path file) {

    static final String FILE_NAME = "margo.aot";
    /** The file beside the cache that names its jar, {@code margo.aot.jar-id}: "SIZE MTIME" (bytes, seconds). */
    static final String IDENTITY_SUFFIX = ".jar-id";

    /**
     * The JVM options that start with the cache. The JVM reports a cache that does not fit on stdout, where it would
     * mix with a command's output or a kernel's log, though all it means is a slower start: the report is off.
     */
    List<String> jvmOptions() {
        return List.of("-XX:AOTCache=" + file, "-Xlog:aot=off");
    }

    /** The file that names the cache's jar. */
    Path identityFile() {
        return file.resolveSibling(file.getFileName() + IDENTITY_SUFFIX);
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

    /** Whether the file beside the cache names {@code jar}: its size and modification time, to the second. */
    boolean madeFor(Path jar) {
        try {
            return Files.readString(identityFile(), StandardCharsets.US_ASCII).strip().equals(identity(jar));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** "SIZE MTIME": the jar's size in bytes and its modification time in seconds, as ./margo writes them. */
    static String identity(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS);
    }

    /**
     * Whether {@code java} starts {@code jar} with this cache: the cache names the jar, and a JVM run with
     * {@code -XX:AOTMode=on}, which stops when the cache does not fit instead of running without it, starts.
     */
    boolean fits(Path java, Path jar) {
        if (!madeFor(jar)) {
            return false;
        }
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
