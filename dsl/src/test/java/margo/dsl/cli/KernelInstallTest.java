package margo.dsl.cli;

import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallTest {

    @TempDir
    Path folder;

    @Test
    void installingFromClassesRatherThanTheJarFailsWithAClearMessage() {
        MainTest.Result result = margo("kernel", "install", "--prefix", folder.toString());
        assertEquals(1, result.exit());
        assertTrue(result.err().startsWith("margo: kernel install copies the margo.jar it runs from"), result.err());
        assertTrue(result.err().contains("mvn -pl kernel -am package"), result.err());
        assertFalse(Files.exists(folder.resolve("share")), "nothing is written");
    }

    @Test
    void userAndPrefixCannotBothBeGiven() {
        assertEquals(2, margo("kernel", "install", "--user", "--prefix", folder.toString()).exit());
    }
}
