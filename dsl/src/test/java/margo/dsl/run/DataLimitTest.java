package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import margo.core.io.DataFile;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLimitTest {

    @TempDir
    Path folder;

    @Test
    void theKernelReadsItsLimitFromItsEnvironmentVariable() {
        assertEquals(2L << 30, DataLimit.kernel("2G").maxBytes());
        assertEquals(DataFile.DEFAULT_MAX_BYTES, DataLimit.kernel(null).maxBytes());
        assertEquals(DataFile.DEFAULT_MAX_BYTES, DataLimit.kernel("").maxBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataLimit.kernel("lots"));
        assertEquals("MARGO_MAX_DATA_SIZE: 'lots' is not a size such as 512M or 2G", e.getMessage());
    }

    @Test
    void aFileOverTheLimitGetsTheHintOfWhereMargoRuns() throws IOException {
        Files.writeString(folder.resolve("chain.csv"), "x".repeat(2048));
        SourceFile recipe = new SourceFile("r.margo", "data chain = options(\"chain.csv\")\nshow chain\n");
        for (DataLimit limit : new DataLimit[] {DataLimit.commandLine(1024), DataLimit.kernel("1K")}) {
            Diagnostic error = new Session(folder, limit).run(recipe, Mode.RECIPE).diagnostics().getFirst();
            assertEquals("cannot read chain.csv: it is 2 KiB, over the limit of 1 KiB (" + folder.resolve("chain.csv")
                    + ")", error.message());
            assertEquals(limit.howToRaise(), error.hint());
        }
    }
}
