package dev.jmcp.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens {@code requestState} with AES-GCM: {@code <key id>.<base64url(iv || ciphertext || tag)>}. The
 * key id and a format label are authenticated as associated data, so a state cannot be moved to another key id.
 */
final class StateCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String LABEL = "jmcp-request-state/3:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private StateCipher() {}

    /** Encrypts {@code plain} under the current key. */
    static String seal(StateKeys keys, byte[] plain) {
        StateKeys.Key key = keys.current();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance(TRANSFORMATION);
            c.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(key.id()));
            byte[] sealed = c.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length);
            out.put(iv).put(sealed);
            return key.id() + "." + B64.encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal requestState", e);
        }
    }

    /**
     * Decrypts a state sealed by {@link #seal} with a key that is current or within its grace period.
     *
     * @throws dev.jmcp.core.McpRpcException -32602 naming why the state cannot be opened
     */
    static byte[] open(StateKeys keys, String state, Instant now) {
        int dot = state.indexOf('.');
        if (dot <= 0) {
            throw Errors.invalidParams("invalid requestState");
        }
        String id = state.substring(0, dot);
        byte[] blob;
        try {
            StateKeys.checkId(id);
            blob = Base64.getUrlDecoder().decode(state.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidParams("invalid requestState");
        }
        if (blob.length < IV_BYTES + TAG_BITS / 8) {
            throw Errors.invalidParams("invalid requestState");
        }
        StateKeys.Key key = keys.find(id, now);
        if (key == null) {
            throw Errors.invalidParams(
                    keys.retired(id)
                            ? "requestState was sealed with the retired key '" + id + "' whose grace period ended;"
                                    + " start the request again without requestState"
                            : "requestState was sealed with the key '" + id + "', which this server does not have"
                                    + " (instances serving retries must share the request-state key)");
        }
        try {
            Cipher c = Cipher.getInstance(TRANSFORMATION);
            c.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES));
            c.updateAAD(aad(id));
            return c.doFinal(blob, IV_BYTES, blob.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw Errors.invalidParams(
                    "requestState failed authentication (altered, or sealed with a different key under the same id)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open requestState", e);
        }
    }

    private static byte[] aad(String keyId) {
        return (LABEL + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
