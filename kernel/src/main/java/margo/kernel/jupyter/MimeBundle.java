package margo.kernel.jupyter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * One value as Jupyter shows it: the same thing in several MIME types ({@code text/plain} always), of which
 * the front end draws the richest it can, and optionally a display id under which a later update replaces it.
 */
public final class MimeBundle {

    private final JsonObject data = new JsonObject();
    private String displayId;

    public MimeBundle(String plainText) {
        data.addProperty("text/plain", plainText);
    }

    public MimeBundle put(String mimeType, String text) {
        return put(mimeType, new JsonPrimitive(text));
    }

    /** A JSON MIME type ({@code application/...+json}) holds JSON, not a string of it. */
    public MimeBundle put(String mimeType, JsonElement value) {
        data.add(mimeType, value);
        return this;
    }

    public MimeBundle displayId(String id) {
        this.displayId = id;
        return this;
    }

    public String plainText() {
        return data.get("text/plain").getAsString();
    }

    /** The {@code data} of a display_data or execute_result message. */
    public JsonObject data() {
        return data.deepCopy();
    }

    /** The content of a display_data or update_display_data message. */
    JsonObject displayContent() {
        JsonObject content = new JsonObject();
        content.add("data", data());
        content.add("metadata", new JsonObject());
        JsonObject transientPart = new JsonObject();
        if (displayId != null) {
            transientPart.addProperty("display_id", displayId);
        }
        content.add("transient", transientPart);
        return content;
    }
}
