package margo.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The cells this kernel has run, for Jupyter's history requests (a console's up-arrow, searches).
 * Only the running session is kept, as session 0; nothing is written to disk.
 */
final class CellHistory {

    private static final int CURRENT_SESSION = 0;

    private record Cell(int number, String input) {}

    private final List<Cell> cells = new ArrayList<>();

    synchronized void record(int number, String input) {
        cells.add(new Cell(number, input));
    }

    /**
     * The content of a history_reply: {@code {"status": "ok", "history": [[session, cell, input], ...]}}.
     * Built as JSON here because JJava 1.0-a6 writes its HistoryEntry objects as
     * {@code {"session": 0, "cellNumber": 1, ...}}, which Jupyter front ends cannot read.
     */
    synchronized JsonObject reply(HistoryRequest request) {
        List<Cell> found = switch (request) {
            case HistoryRequest.Tail tail -> tail(tail.getMaxReturnLength());
            case HistoryRequest.Range range -> range(range.getSessionIndex(), range.getStart(), range.getStop());
            case HistoryRequest.Search search -> search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique());
            default -> List.of();
        };
        JsonArray history = new JsonArray();
        for (Cell cell : found) {
            JsonArray entry = new JsonArray();
            entry.add(CURRENT_SESSION);
            entry.add(cell.number());
            entry.add(cell.input());
            history.add(entry);
        }
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.add("history", history);
        return content;
    }

    private List<Cell> tail(int length) {
        return List.copyOf(cells.subList(Math.max(0, cells.size() - length), cells.size()));
    }

    /** Cells numbered from {@code start} up to but not including {@code stop} (no limit when stop is 0 or less). */
    private List<Cell> range(int session, int start, int stop) {
        return cells.stream()
                .filter(cell -> session == CURRENT_SESSION && cell.number() >= start && (stop <= 0 || cell.number() < stop))
                .toList();
    }

    /** The newest {@code length} cells whose input matches a glob ({@code *} any text, {@code ?} one character). */
    private List<Cell> search(String glob, int length, boolean unique) {
        Pattern pattern = globPattern(glob);
        List<Cell> matches = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = cells.size() - 1; i >= 0 && matches.size() < length; i--) {
            Cell cell = cells.get(i);
            if (pattern.matcher(cell.input()).matches() && !(unique && seen.contains(cell.input()))) {
                matches.addFirst(cell);
                seen.add(cell.input());
            }
        }
        return matches;
    }

    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
