package margo.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DataFileTest {

    @TempDir
    Path directory;

    private static void readAll(Path path, long maxBytes) throws IOException {
        try (BufferedReader reader = DataFile.open(path, maxBytes)) {
            while (reader.read() >= 0) {
                continue;
            }
        }
    }

    @Test
    @Timeout(10)
    void aDeviceIsRefused() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertEquals("it is a device, not a regular file",
                DataFile.problem(zero, DataFile.DEFAULT_MAX_BYTES).getMessage());
    }

    @Test
    void aFolderAndAMissingFileAreNamedAsSuch() {
        assertEquals("it is a folder, not a file", DataFile.problem(directory, 100).getMessage());
        assertEquals("no such file", DataFile.problem(directory.resolve("nowhere.csv"), 100).getMessage());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeReading() throws IOException {
        Path file = Files.writeString(directory.resolve("big.csv"), "x".repeat(3000));
        DataFile.Refused refused = DataFile.problem(file, 2048);
        assertInstanceOf(DataFile.OverLimit.class, refused);
        assertEquals("it is 2.9 KiB, over the limit of 2 KiB", refused.getMessage());
        assertNull(DataFile.problem(file, 3000));
    }

    @Test
    @Timeout(10)
    void aFileLargerThanItsReportedSizeIsStoppedAtTheLimit() throws IOException {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc with size-0 files here");
        DataFile.Refused refused = assertThrows(DataFile.OverLimit.class, () -> readAll(status, 100));
        assertEquals("it holds more than the limit of 100 bytes", refused.getMessage());
    }

    @Test
    void aByteOrderMarkIsDroppedAndNonUtf8BytesAreNamed() throws IOException {
        Path bom = Files.writeString(directory.resolve("bom.csv"), "\uFEFFexpiry,strike\n");
        try (BufferedReader reader = DataFile.open(bom, 100)) {
            assertEquals("expiry,strike", reader.readLine());
        }
        Path latin1 = Files.write(directory.resolve("latin1.csv"), new byte[] {'a', (byte) 0xE9, '\n'});
        IOException e = assertThrows(CharacterCodingException.class, () -> readAll(latin1, 100));
        assertEquals("it is not UTF-8 text", DataFile.reason(e));
    }

    @Test
    void permissionDeniedSaysSo() throws IOException {
        assertEquals("permission denied", DataFile.reason(new AccessDeniedException("/data/chain.csv")));
        Path locked = Files.writeString(directory.resolve("locked.csv"), "a,b\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        assumeTrue(!Files.isReadable(locked), "running as a user who reads every file (root)");
        assertEquals("permission denied", DataFile.problem(locked, 100).getMessage());
    }

    @Test
    void sizesReadAndPrintInPowersOf1024() {
        assertEquals(512L << 20, DataFile.parseSize("512M"));
        assertEquals(2L << 30, DataFile.parseSize("2GiB"));
        assertEquals(1500, DataFile.parseSize("1500"));
        assertEquals("512 MiB", DataFile.size(512L << 20));
        assertEquals("900 bytes", DataFile.size(900));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFile.parseSize("2X"));
        assertEquals("'2X' is not a size such as 512M or 2G", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataFile.parseSize("0"));
        assertThrows(IllegalArgumentException.class, () -> DataFile.parseSize("99999999T"));
    }
}
