package margo.kernel.jupyter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The connection file Jupyter writes for a kernel it starts (Jupyter client docs, "Connection files"): where
 * to bind the five sockets and the key that signs every message.
 *
 * @param transport        {@code tcp} or {@code ipc}
 * @param ip               the address to bind, e.g. {@code 127.0.0.1}
 * @param signatureScheme  e.g. {@code hmac-sha256}
 * @param key              the HMAC key; empty when messages are not signed
 */
public record ConnectionFile(String transport, String ip, int shellPort, int controlPort, int stdinPort,
                             int heartbeatPort, int iopubPort, String signatureScheme, String key) {

    /**
     * A loopback connection with a random key whose ports the kernel chooses as it binds them ({@link
     * KernelServer#connection()} then gives them): ports chosen free beforehand race with every other socket.
     */
    public static ConnectionFile loopbackOnAnyPorts() {
        return new ConnectionFile("tcp", "127.0.0.1", 0, 0, 0, 0, 0, "hmac-sha256", UUID.randomUUID().toString());
    }

    /** Reads and checks {@code file}; a missing or malformed entry is an exception naming it and the file. */
    public static ConnectionFile read(Path file) throws IOException {
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file));
            if (!parsed.isJsonObject()) {
                throw new IOException(file + " is not a Jupyter connection file: it holds no JSON object");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(file + " is not a Jupyter connection file: " + e.getMessage(), e);
        }
        return new ConnectionFile(text(json, "transport", file), text(json, "ip", file),
                port(json, "shell_port", file), port(json, "control_port", file), port(json, "stdin_port", file),
                port(json, "hb_port", file), port(json, "iopub_port", file),
                json.has("signature_scheme") ? text(json, "signature_scheme", file) : "hmac-sha256",
                json.has("key") ? text(json, "key", file) : "");
    }

    /** The ZeroMQ endpoint of one of the ports, e.g. {@code tcp://127.0.0.1:54321}. */
    public String endpoint(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }

    private static String text(JsonObject json, String name, Path file) throws IOException {
        JsonElement value = json.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IOException(file + ": \"" + name + "\" must be a string");
        }
        return value.getAsString();
    }

    private static int port(JsonObject json, String name, Path file) throws IOException {
        JsonElement value = json.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || value.getAsDouble() != Math.rint(value.getAsDouble())
                || value.getAsDouble() < 1 || value.getAsDouble() > 65535) {
            throw new IOException(file + ": \"" + name + "\" must be a port number from 1 to 65535");
        }
        return value.getAsInt();
    }
}
