package margo.kernel.jupyter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Jupyter message as it travels over ZeroMQ ("The Wire Protocol" of the Jupyter messaging docs): the
 * routing identities, the delimiter {@code <IDS|MSG>}, the signature, then header, parent header, metadata
 * and content as JSON, then any binary buffers.
 *
 * @param identities the ROUTER's routing frames, sent back in front of a reply (empty for IOPub topics aside)
 */
public record WireMessage(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                          JsonObject content, List<byte[]> buffers) {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    public WireMessage {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    /** The message type, e.g. {@code execute_request}. */
    public String type() {
        return header.get("msg_type").getAsString();
    }

    /**
     * Reads the frames of one received message. A message that is not well formed, not signed with the
     * session's key, or a copy of one already received is rejected with the reason, to be logged and dropped.
     */
    public static WireMessage decode(List<byte[]> frames, MessageSigner signer, SeenSignatures seen) throws RejectedMessage {
        int delimiter = 0;
        while (delimiter < frames.size() && !Arrays.equals(DELIMITER, frames.get(delimiter))) {
            delimiter++;
        }
        if (delimiter == frames.size()) {
            throw new RejectedMessage("no <IDS|MSG> delimiter in " + frames.size() + " frames");
        }
        if (frames.size() - delimiter - 1 < 5) {
            throw new RejectedMessage("truncated: " + (frames.size() - delimiter - 1)
                    + " frames after the delimiter, where signature, header, parent header, metadata and content make 5");
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            throw new RejectedMessage(signature.length == 0 ? "unsigned, and this session signs its messages" : "invalid signature");
        }
        if (signer.signs() && !seen.firstSight(new String(signature, StandardCharsets.US_ASCII))) {
            throw new RejectedMessage("duplicate signature: a replay of a message already received");
        }
        JsonObject headerJson = object(header, "header");
        if (!isString(headerJson.get("msg_type")) || !isString(headerJson.get("msg_id"))) {
            throw new RejectedMessage("the header has no msg_type or msg_id string");
        }
        return new WireMessage(frames.subList(0, delimiter), headerJson, object(parent, "parent header"),
                object(metadata, "metadata"), object(content, "content"), frames.subList(delimiter + 6, frames.size()));
    }

    /** The frames to send: identities, delimiter, signature, the four JSON parts, buffers. */
    public List<byte[]> encode(MessageSigner signer) {
        byte[] headerBytes = utf8(header);
        byte[] parentBytes = utf8(parentHeader);
        byte[] metadataBytes = utf8(metadata);
        byte[] contentBytes = utf8(content);
        List<byte[]> frames = new ArrayList<>(identities);
        frames.add(DELIMITER);
        frames.add(signer.sign(headerBytes, parentBytes, metadataBytes, contentBytes).getBytes(StandardCharsets.US_ASCII));
        frames.add(headerBytes);
        frames.add(parentBytes);
        frames.add(metadataBytes);
        frames.add(contentBytes);
        frames.addAll(buffers);
        return frames;
    }

    private static byte[] utf8(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isString(JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
    }

    private static JsonObject object(byte[] frame, String part) throws RejectedMessage {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(frame)).toString();
            JsonElement json = JsonParser.parseString(text);
            if (!json.isJsonObject()) {
                throw new RejectedMessage("the " + part + " is not a JSON object");
            }
            return json.getAsJsonObject();
        } catch (CharacterCodingException e) {
            throw new RejectedMessage("the " + part + " is not UTF-8");
        } catch (JsonParseException | StackOverflowError e) {
            throw new RejectedMessage("the " + part + " is not JSON");
        }
    }
}
