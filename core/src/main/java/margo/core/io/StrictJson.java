package margo.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a JSON document from a stream into Gson's tree, refusing what Gson's own parser lets pass: a key
 * written twice in one object (RFC 8259, section 4, leaves the meaning to the reader; Gson keeps the last, so
 * a file could say two things at once) and nesting deeper than {@link #MAX_DEPTH}. It keeps its own stack
 * rather than recursing, so no input exhausts the Java stack. Numbers keep the text they were written with.
 */
public final class StrictJson {

    /** Deepest nesting of arrays and objects read; data files Margo reads nest three or four levels. */
    public static final int MAX_DEPTH = 64;

    private StrictJson() {
    }

    /**
     * The document {@code reader} holds (not closed here).
     *
     * @param name the file name, for messages
     * @throws FileFormatException when the text is not one JSON value, repeats a key in an object, or nests
     *                             deeper than {@link #MAX_DEPTH}; the message gives the line, column and path
     * @throws IOException         when the reader fails
     */
    public static JsonElement read(String name, Reader reader) throws IOException, FileFormatException {
        JsonReader json = new JsonReader(reader);
        try {
            JsonElement root = null;
            Deque<JsonElement> open = new ArrayDeque<>();
            String key = null;
            do {
                JsonElement value = switch (json.peek()) {
                    case BEGIN_ARRAY -> {
                        json.beginArray();
                        yield new JsonArray();
                    }
                    case BEGIN_OBJECT -> {
                        json.beginObject();
                        yield new JsonObject();
                    }
                    case END_ARRAY -> {
                        json.endArray();
                        open.pop();
                        yield null;
                    }
                    case END_OBJECT -> {
                        json.endObject();
                        open.pop();
                        yield null;
                    }
                    case NAME -> {
                        key = json.nextName();
                        if (((JsonObject) open.peek()).has(key)) {
                            throw new FileFormatException(name + " has the key \"" + MessageText.value(key)
                                    + "\" twice in one object" + location(json));
                        }
                        yield null;
                    }
                    case STRING -> new JsonPrimitive(json.nextString());
                    case NUMBER -> new JsonPrimitive(new TextNumber(json.nextString()));
                    case BOOLEAN -> new JsonPrimitive(json.nextBoolean());
                    case NULL -> {
                        json.nextNull();
                        yield JsonNull.INSTANCE;
                    }
                    case END_DOCUMENT -> throw new EOFException("End of input" + location(json));
                };
                if (value == null) {
                    continue;
                }
                if (open.isEmpty()) {
                    root = value;
                } else if (open.peek() instanceof JsonArray array) {
                    array.add(value);
                } else {
                    ((JsonObject) open.peek()).add(key, value);
                }
                if (value.isJsonArray() || value.isJsonObject()) {
                    if (open.size() == MAX_DEPTH) {
                        throw new FileFormatException(name + " nests arrays and objects deeper than " + MAX_DEPTH
                                + " levels" + location(json).replaceFirst(" path .*", "")
                                + "; a data file nests three or four: is it the right file?");
                    }
                    open.push(value);
                }
            } while (!open.isEmpty());
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("more text after the JSON value" + location(json));
            }
            return root;
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException malformed) {
            throw new FileFormatException(name + " is not valid JSON: " + MessageText.clean(forUsers(malformed)),
                    malformed);
        }
    }

    /**
     * Gson's message without its advice to Java programmers: a reader of a data file cannot set the parser's
     * strictness, and the troubleshooting link is about Gson's API.
     */
    private static String forUsers(Exception malformed) {
        String message = String.valueOf(malformed.getMessage());
        int link = message.indexOf("\nSee https://");
        return (link < 0 ? message : message.substring(0, link))
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "")
                .replaceAll("\\s+", " ").trim();
    }

    /** {@code  at line 3 column 18 path $.result[2].bid_price}, as Gson's reader describes where it is. */
    private static String location(JsonReader json) {
        String described = json.toString();
        int at = described.indexOf(" at line ");
        return at < 0 ? " at " + json.getPath() : described.substring(at);
    }

    /** A JSON number as written, read as a double or long only when asked. */
    private static final class TextNumber extends Number {
        private final String text;

        TextNumber(String text) {
            this.text = text;
        }

        @Override
        public int intValue() {
            return (int) longValue();
        }

        @Override
        public long longValue() {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notWhole) {
                return (long) doubleValue();
            }
        }

        @Override
        public float floatValue() {
            return (float) doubleValue();
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
