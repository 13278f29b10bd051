package margo.kernel.jupyter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages as the Jupyter wire protocol says ("The Wire Protocol"): the signature is the
 * hex HMAC, under the connection file's key and scheme, of the header, parent header, metadata and content
 * frames in that order. With an empty key nothing is signed and every signature is accepted. The check is
 * constant-time ({@link MessageDigest#isEqual}), so its timing tells a forger nothing about a signature.
 */
public final class MessageSigner {

    private final Mac prototype;

    /** @param scheme {@code hmac-sha256} and the like ({@code hmac-} and a JCA digest name); @param key the key */
    public MessageSigner(String scheme, String key) {
        if (key.isEmpty()) {
            prototype = null;
            return;
        }
        if (!scheme.startsWith("hmac-")) {
            throw new IllegalArgumentException("signature scheme \"" + scheme + "\" is not an HMAC (hmac-sha256 and the like)");
        }
        String algorithm = "Hmac" + scheme.substring("hmac-".length()).toUpperCase(java.util.Locale.ROOT);
        try {
            prototype = Mac.getInstance(algorithm);
            prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("signature scheme \"" + scheme + "\" is not supported: " + e.getMessage(), e);
        }
    }

    /** Whether messages carry signatures (a non-empty key). */
    public boolean signs() {
        return prototype != null;
    }

    /** The hex signature of the four frames; empty when nothing is signed. */
    public String sign(byte[] header, byte[] parentHeader, byte[] metadata, byte[] content) {
        if (prototype == null) {
            return "";
        }
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HMAC cannot be cloned", e);
        }
        mac.update(header);
        mac.update(parentHeader);
        mac.update(metadata);
        mac.update(content);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Whether {@code signature} is the signature of the four frames, compared in constant time. */
    public boolean verify(byte[] signature, byte[] header, byte[] parentHeader, byte[] metadata, byte[] content) {
        if (prototype == null) {
            return true;
        }
        byte[] expected = sign(header, parentHeader, metadata, content).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature);
    }
}
