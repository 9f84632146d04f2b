package dev.jmcp.transport.http.common.internal;

import dev.jmcp.core.McpJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Compact JWS (RFC 7515) signing and verification with RS256 and ES256 on {@code java.security}. */
public final class Jwt {
    private Jwt() {}

    /**
     * A parsed but unverified JWT.
     *
     * @param header the JOSE header
     * @param claims the claims set
     * @param signingInput the bytes the signature covers
     * @param signature the raw signature (JOSE form)
     */
    public record Parsed(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
        /** The {@code alg} header, or null. */
        public String alg() {
            return header.path("alg").isString() ? header.path("alg").asString() : null;
        }

        /** The {@code kid} header, or null. */
        public String kid() {
            return header.path("kid").isString() ? header.path("kid").asString() : null;
        }
    }

    /** base64url without padding. */
    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Signs the claims with RS256 or ES256; {@code kid} may be null. */
    public static String sign(String alg, PrivateKey key, String kid, ObjectNode claims) {
        ObjectNode header = McpJson.object();
        header.put("alg", alg);
        header.put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = base64Url(McpJson.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(McpJson.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance(javaAlgorithm(alg, key));
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign a JWT with " + alg + ": " + e.getMessage(), e);
        }
    }

    /**
     * Splits and decodes a compact JWT without checking its signature.
     *
     * @throws IllegalArgumentException when it is not three base64url parts with JSON header and claims
     */
    public static Parsed parse(String jwt) {
        if (jwt == null || jwt.length() > 64 * 1024) {
            throw new IllegalArgumentException("not a JWT");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a JWT has three parts");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode header = McpJson.parse(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode claims = McpJson.parse(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
            if (!header.isObject() || !claims.isObject()) {
                throw new IllegalArgumentException("JWT header and claims must be JSON objects");
            }
            byte[] sig = decoder.decode(parts[2]);
            return new Parsed(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), sig);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed JWT: " + e.getMessage(), e);
        }
    }

    /** Whether the signature is valid for the algorithm and key (false on any mismatch, never throws). */
    public static boolean verify(Parsed jwt, PublicKey key) {
        String alg = jwt.alg();
        try {
            if ("ES256".equals(alg) && jwt.signature().length != 64) {
                return false;
            }
            Signature signature = Signature.getInstance(javaAlgorithm(alg, key));
            signature.initVerify(key);
            signature.update(jwt.signingInput());
            return signature.verify(jwt.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String javaAlgorithm(String alg, Key key) {
        if ("RS256".equals(alg) && key instanceof RSAKey) {
            return "SHA256withRSA";
        }
        if ("ES256".equals(alg)
                && key instanceof ECKey ec
                && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            // JOSE signatures are R||S, which is the IEEE P1363 format
            return "SHA256withECDSAinP1363Format";
        }
        throw new IllegalArgumentException(
                "unsupported JWT algorithm " + alg + " for a " + key.getAlgorithm() + " key");
    }
}
