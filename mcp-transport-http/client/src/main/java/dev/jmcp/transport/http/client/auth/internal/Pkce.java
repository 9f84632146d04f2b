package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.transport.http.common.internal.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * PKCE (RFC 7636) with the S256 method.
 *
 * @param verifier the code verifier (43 characters, base64url of 32 random bytes)
 * @param challenge BASE64URL(SHA-256(verifier)) without padding
 */
public record Pkce(String verifier, String challenge) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh random verifier and its challenge. */
    public static Pkce generate() {
        return fromVerifier(randomToken(32));
    }

    /** The challenge for a given verifier. */
    public static Pkce fromVerifier(String verifier) {
        return new Pkce(verifier, Jwt.base64Url(sha256(verifier.getBytes(StandardCharsets.US_ASCII))));
    }

    /** base64url (no padding) of {@code bytes} random bytes from a {@link SecureRandom}. */
    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Jwt.base64Url(b);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[verifier=<redacted>, challenge=" + challenge + "]";
    }
}
