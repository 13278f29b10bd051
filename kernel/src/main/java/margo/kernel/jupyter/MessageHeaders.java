package margo.kernel.jupyter;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The headers of the messages this kernel sends: a fresh {@code msg_id}, this kernel's session id and user,
 * the date in ISO 8601 with microseconds in UTC (as jupyter_client writes and parses it), the type, and the
 * protocol version.
 */
public final class MessageHeaders {

    /** The messaging protocol this kernel speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final String session = UUID.randomUUID().toString();
    private final String username;
    private final Clock clock;

    /** @param username the user the kernel runs as, as ipykernel reports it */
    public MessageHeaders(String username, Clock clock) {
        this.username = username;
        this.clock = clock;
    }

    public String session() {
        return session;
    }

    public JsonObject header(String msgType) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", username);
        header.addProperty("date", DATE.format(clock.instant()));
        header.addProperty("msg_type", msgType);
        header.addProperty("version", PROTOCOL_VERSION);
        return header;
    }
}
