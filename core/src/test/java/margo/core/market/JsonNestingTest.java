package margo.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonNestingTest {

    @TempDir
    Path directory;

    @Test
    void jsonNestedDeeperThanTheLimitIsAFormatErrorAtTheBracketPastIt() throws Exception {
        Path file = ChainFiles.write(directory, "deep.json", "{\"result\": [\n" + "[".repeat(100_000) + "]".repeat(100_000) + "]}");
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainFiles.load(file));
        assertEquals(file + " nests arrays and objects more than 64 deep (line 2, column 63); a Deribit book summary"
                + " nests 3 deep: is it the right file?", e.getMessage());
    }

    @Test
    void bracketsInsideStringsDoNotCount() throws Exception {
        JsonNesting.requireShallow("names.json", "[{\"instrument_name\": \"" + "[{".repeat(1000) + "\\\"\"}]");
        ChainFormatException e = assertThrows(ChainFormatException.class,
                () -> JsonNesting.requireShallow("x.json", "[\"\\\\\"" + "[".repeat(64) + "]"));
        assertEquals("x.json nests arrays and objects more than 64 deep (line 1, column 69); a Deribit book summary"
                + " nests 3 deep: is it the right file?", e.getMessage(), "an escaped backslash ends before the quote");
    }
}
