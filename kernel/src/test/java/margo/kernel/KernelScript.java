package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A script of requests for kernel_client.py, which sends them to one real kernel through jupyter_client, and the
 * report it writes back: each request's reply and the IOPub outputs it caused, by the request's name.
 */
final class KernelScript {

    private final JsonArray requests = new JsonArray();
    private JsonObject report;

    /** A report that a script of its own drove (MargoKernelIT's), read by request name. */
    static KernelScript reading(JsonObject report) {
        KernelScript read = new KernelScript();
        read.report = report;
        return read;
    }

    KernelScript execute(String name, String code) {
        requests.add(request(name, "execute", code));
        return this;
    }

    KernelScript complete(String name, String code, int cursor) {
        JsonObject request = request(name, "complete", code);
        request.addProperty("cursor_pos", cursor);
        requests.add(request);
        return this;
    }

    /** A completion with the cursor where {@code |} stands in {@code marked} (the bar itself is not sent). */
    KernelScript completeAt(String name, String marked) {
        return complete(name, marked.replace("|", ""), marked.indexOf('|'));
    }

    /** An inspection with the cursor where {@code |} stands in {@code marked}. */
    KernelScript inspectAt(String name, String marked, int detailLevel) {
        JsonObject request = request(name, "inspect", marked.replace("|", ""));
        request.addProperty("cursor_pos", marked.indexOf('|'));
        request.addProperty("detail_level", detailLevel);
        requests.add(request);
        return this;
    }

    KernelScript isComplete(String name, String code) {
        requests.add(request(name, "is_complete", code));
        return this;
    }

    /** Starts a kernel in {@code folder}, sends every request in order, shuts it down and keeps the report. */
    KernelScript drive(JupyterTestBed jupyter, Path folder, Duration timeout) throws Exception {
        JsonObject script = new JsonObject();
        script.add("requests", requests);
        report = jupyter.driveKernel(folder, script, timeout);
        return this;
    }

    JsonObject result(String name) {
        JsonObject result = report.getAsJsonObject("results").getAsJsonObject(name);
        assertTrue(result != null, "no result for request " + name + ": " + report);
        return result;
    }

    JsonObject reply(String name) {
        return result(name).getAsJsonObject("reply");
    }

    List<JsonObject> outputsOfType(String name, String outputType) {
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement output : result(name).getAsJsonArray("outputs")) {
            if (output.getAsJsonObject().get("output_type").getAsString().equals(outputType)) {
                outputs.add(output.getAsJsonObject());
            }
        }
        return outputs;
    }

    /** Everything the request's cell printed on the stream {@code stdout} or {@code stderr}. */
    String stream(String name, String stream) {
        StringBuilder text = new StringBuilder();
        for (JsonObject output : outputsOfType(name, "stream")) {
            if (output.get("name").getAsString().equals(stream)) {
                text.append(output.get("text").getAsString());
            }
        }
        return text.toString();
    }

    /** The text/plain of every value the request's cell showed, in order. */
    List<String> plainTexts(String name) {
        List<String> texts = new ArrayList<>();
        for (JsonElement output : result(name).getAsJsonArray("outputs")) {
            JsonObject data = output.getAsJsonObject().getAsJsonObject("data");
            if (data != null && data.has("text/plain")) {
                texts.add(data.get("text/plain").getAsString().strip());
            }
        }
        return texts;
    }

    /** The matches of a complete_reply. */
    List<String> matches(String name) {
        return strings(reply(name).getAsJsonArray("matches"));
    }

    static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.getAsString()));
        return strings;
    }

    private static JsonObject request(String name, String type, String code) {
        JsonObject request = new JsonObject();
        request.addProperty("name", name);
        request.addProperty("type", type);
        request.addProperty("code", code);
        return request;
    }
}
