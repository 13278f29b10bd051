package margo.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    private final CellHistory history = new CellHistory();

    @BeforeEach
    void runFourCells() {
        history.record(1, "let x = 1", null);
        history.record(2, "show x", "1");
        history.record(3, "let y = 2", null);
        history.record(4, "show x", "1");
    }

    @Test
    void tailListsTheLastCellsAsSessionCellInputTriples() {
        assertEquals(json("{\"status\": \"ok\", \"history\": [[0, 3, \"let y = 2\"], [0, 4, \"show x\"]]}"),
                history.reply(request("{\"hist_access_type\": \"tail\", \"n\": 2}")));
    }

    @Test
    void withOutputEachEntryPairsTheInputWithItsShownResult() {
        assertEquals(json("[[0, 3, [\"let y = 2\", null]], [0, 4, [\"show x\", \"1\"]]]"),
                history.reply(request("{\"hist_access_type\": \"tail\", \"n\": 2, \"output\": true}")).get("history"));
    }

    @Test
    void rangeListsCellsFromStartUpToStop() {
        assertEquals(json("[[0, 2, \"show x\"], [0, 3, \"let y = 2\"]]"),
                history.reply(request("{\"hist_access_type\": \"range\", \"session\": 0, \"start\": 2, \"stop\": 4}")).get("history"));
    }

    @Test
    void searchWithoutNFindsEveryMatch() {
        assertEquals(json("[[0, 1, \"let x = 1\"], [0, 3, \"let y = 2\"]]"),
                history.reply(request("{\"hist_access_type\": \"search\", \"pattern\": \"let *\"}")).get("history"));
    }

    @Test
    void searchWithNKeepsTheNewestMatches() {
        assertEquals(json("[[0, 3, \"let y = 2\"]]"),
                history.reply(request("{\"hist_access_type\": \"search\", \"pattern\": \"let *\", \"n\": 1}")).get("history"));
    }

    @Test
    void uniqueSearchListsEachInputOnceAtItsNewestRun() {
        assertEquals(json("[[0, 4, \"show x\"]]"),
                history.reply(request("{\"hist_access_type\": \"search\", \"pattern\": \"show ?\", \"unique\": true}")).get("history"));
    }

    private static JsonObject request(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static JsonElement json(String json) {
        return JsonParser.parseString(json);
    }
}
