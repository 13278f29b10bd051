package margo.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static JsonElement read(String text) throws Exception {
        return StrictJson.read("chain.json", new StringReader(text));
    }

    @Test
    void readsAnObjectWithNumbersAsWritten() throws Exception {
        JsonElement root = read("{\"result\": [{\"bid_price\": 0.0125, \"n\": null, \"ok\": true}]}");
        JsonElement entry = root.getAsJsonObject().getAsJsonArray("result").get(0);
        assertEquals("0.0125", entry.getAsJsonObject().get("bid_price").getAsString());
        assertEquals(0.0125, entry.getAsJsonObject().get("bid_price").getAsDouble());
        assertTrue(entry.getAsJsonObject().get("n").isJsonNull());
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNamingTheKeyAndWhereItIs() {
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> read("{\"result\": [{\"bid_price\": 1},\n {\"bid_price\": 1, \"bid_price\": 2}]}"));
        assertEquals("chain.json has the key \"bid_price\" twice in one object at line 2 column 30"
                + " path $.result[1].bid_price", e.getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        FileFormatException e = assertThrows(FileFormatException.class, () -> read("[".repeat(1_000_000)));
        assertEquals("chain.json nests arrays and objects deeper than 64 levels at line 1 column 66; a data file"
                + " nests three or four: is it the right file?", e.getMessage());
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() throws Exception {
        JsonElement root = read("[{\"instrument_name\": \"" + "[{".repeat(1000) + "\\\"\"}]");
        assertEquals("[{".repeat(1000) + "\"", root.getAsJsonArray().get(0).getAsJsonObject()
                .get("instrument_name").getAsString());
    }

    @Test
    void textAfterTheValueAndTruncatedTextAreInvalidJson() {
        FileFormatException after = assertThrows(FileFormatException.class, () -> read("{} {}"));
        assertTrue(after.getMessage().startsWith("chain.json is not valid JSON: "), after.getMessage());
        FileFormatException truncated = assertThrows(FileFormatException.class, () -> read("{\"result\": ["));
        assertTrue(truncated.getMessage().startsWith("chain.json is not valid JSON: "), truncated.getMessage());
        FileFormatException comma = assertThrows(FileFormatException.class, () -> read("{\"result\": [1,2,}"));
        assertEquals("chain.json is not valid JSON: Expected value at line 1 column 17 path $.result[2]",
                comma.getMessage());
        FileFormatException unquoted = assertThrows(FileFormatException.class, () -> read("{result: 1}"));
        assertFalse(unquoted.getMessage().contains("setStrictness") || unquoted.getMessage().contains("https"),
                unquoted.getMessage());
    }
}
