package margo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK 25 runs a one-step cache's classes with whatever jar it is given (JDK-8377932), so Margo uses a cache only
 * for the jar named beside it, by size and modification time.
 */
class AotCacheTest {

    @TempDir
    Path folder;

    private AotCache cacheFor(Path jar) throws IOException {
        AotCache cache = new AotCache(Files.writeString(folder.resolve(AotCache.FILE_NAME), "cache"));
        Files.writeString(cache.identityFile(), AotCache.identity(jar) + "\n", StandardCharsets.US_ASCII);
        return cache;
    }

    @Test
    void aCacheIsForTheJarItsIdentityNamesAndNoOther() throws IOException {
        Path jar = Files.writeString(folder.resolve("margo.jar"), "the jar");
        AotCache cache = cacheFor(jar);
        assertTrue(cache.madeFor(jar));
        Path copy = Files.copy(jar, folder.resolve("copy.jar"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        assertTrue(cache.madeFor(copy), "a copy that keeps its time is the same jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2_000));
        assertFalse(cache.madeFor(jar), "a rebuilt jar, same size");
        Files.writeString(copy, "another jar");
        assertFalse(cache.madeFor(copy), "another size");
    }

    @Test
    void aCacheWithoutItsIdentityFitsNoJarAndNoJvmIsAsked() throws IOException {
        Path jar = Files.writeString(folder.resolve("margo.jar"), "the jar");
        AotCache cache = cacheFor(jar);
        Files.delete(cache.identityFile());
        assertFalse(cache.madeFor(jar));
        assertFalse(cache.fits(folder.resolve("no-such-java"), jar));
    }
}
