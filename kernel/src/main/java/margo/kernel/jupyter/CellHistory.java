package margo.kernel.jupyter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel has run with history on, for Jupyter's history requests (a console's up-arrow,
 * searches), answered as the messaging spec's history_request describes and IPython does. Only the running
 * session is kept, as session 0; nothing is written to disk. Thread-safe.
 */
public final class CellHistory {

    private static final int CURRENT_SESSION = 0;

    /** @param output the text/plain of the cell's result, or null when it showed none */
    private record Cell(int number, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    public synchronized void record(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    /**
     * The content of a history_reply to a request's content: {@code {"status": "ok", "history": [...]}} with
     * entries {@code [session, cell, input]}, or {@code [session, cell, [input, output]]} when the request asks
     * for {@code output}. {@code tail} gives the last {@code n} cells; {@code range} the cells of a session from
     * {@code start} up to but not including {@code stop}; {@code search} the cells matching a glob, the newest
     * {@code n} when {@code n} is given, all otherwise, and with {@code unique} each input once (its newest run).
     */
    public synchronized JsonObject reply(JsonObject request) {
        String access = text(request, "hist_access_type", "tail");
        Integer n = number(request, "n");
        List<Cell> found = switch (access) {
            case "tail" -> newest(cells, n);
            case "range" -> range(number(request, "session"), number(request, "start"), number(request, "stop"));
            case "search" -> newest(search(text(request, "pattern", "*"), flag(request, "unique")), n);
            default -> List.of();
        };
        boolean withOutput = flag(request, "output");
        JsonArray history = new JsonArray();
        for (Cell cell : found) {
            JsonArray entry = new JsonArray();
            entry.add(CURRENT_SESSION);
            entry.add(cell.number());
            if (withOutput) {
                JsonArray inputAndOutput = new JsonArray();
                inputAndOutput.add(cell.input());
                inputAndOutput.add(cell.output());
                entry.add(inputAndOutput);
            } else {
                entry.add(cell.input());
            }
            history.add(entry);
        }
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.add("history", history);
        return content;
    }

    /** The last {@code n} of {@code list}; all of it when {@code n} is absent. */
    private static List<Cell> newest(List<Cell> list, Integer n) {
        return n == null ? List.copyOf(list) : List.copyOf(list.subList(Math.max(0, list.size() - Math.max(0, n)), list.size()));
    }

    private List<Cell> range(Integer session, Integer start, Integer stop) {
        if (session != null && session != CURRENT_SESSION) {
            return List.of();
        }
        int from = start == null ? 0 : start;
        return cells.stream().filter(cell -> cell.number() >= from && (stop == null || stop <= 0 || cell.number() < stop)).toList();
    }

    /** The cells whose input matches a glob ({@code *} any text, {@code ?} one character), oldest first. */
    private List<Cell> search(String glob, boolean unique) {
        Pattern pattern = globPattern(glob);
        List<Cell> matches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = cells.size() - 1; i >= 0; i--) {
            Cell cell = cells.get(i);
            if (pattern.matcher(cell.input()).matches() && (!unique || seen.add(cell.input()))) {
                matches.addFirst(cell);
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

    private static String text(JsonObject request, String name, String absent) {
        JsonElement value = request.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : absent;
    }

    private static Integer number(JsonObject request, String name) {
        JsonElement value = request.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsInt() : null;
    }

    private static boolean flag(JsonObject request, String name) {
        JsonElement value = request.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
    }
}
