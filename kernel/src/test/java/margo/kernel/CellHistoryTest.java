package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    private final CellHistory history = new CellHistory();

    @BeforeEach
    void runFourCells() {
        history.record(1, "let x = 1");
        history.record(2, "show x");
        history.record(3, "let y = 2");
        history.record(4, "show x");
    }

    @Test
    void tailListsTheLastCellsAsSessionCellInputTriples() {
        assertEquals(JsonParser.parseString("{\"status\": \"ok\", \"history\": [[0, 3, \"let y = 2\"], [0, 4, \"show x\"]]}"),
                history.reply(new HistoryRequest.Tail(false, true, 2)));
    }

    @Test
    void rangeListsCellsFromStartUpToStop() {
        assertEquals(JsonParser.parseString("[[0, 2, \"show x\"], [0, 3, \"let y = 2\"]]"),
                history.reply(new HistoryRequest.Range(false, true, 0, 2, 4)).get("history"));
    }

    @Test
    void searchMatchesAGlobAndCanDropRepeats() {
        assertEquals(JsonParser.parseString("[[0, 1, \"let x = 1\"], [0, 3, \"let y = 2\"]]"),
                history.reply(new HistoryRequest.Search(false, true, 10, "let *", false)).get("history"));
        assertEquals(JsonParser.parseString("[[0, 4, \"show x\"]]"),
                history.reply(new HistoryRequest.Search(false, true, 10, "show ?", true)).get("history"));
    }
}
