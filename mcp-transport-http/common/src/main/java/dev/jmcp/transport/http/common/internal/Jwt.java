package dev.jmcp.transport.http.common.internal;

import dev.jmcp.core.McpJson;
import java.math.BigInteger;
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
    /** The order n of the P-256 group: ES256 signature values r and s must lie in [1, n-1]. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

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

        /** The {@code typ} header, or null. */
        public String typ() {
            return header.path("typ").isString() ? header.path("typ").asString() : null;
        }

        /** Whether the header has a {@code crit} member (extensions the recipient must understand). */
        public boolean hasCrit() {
            return header.has("crit");
        }
    }

    /** base64url without padding. */
    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Signs the claims with RS256 or ES256 and {@code typ} {@code JWT}; {@code kid} may be null. */
    public static String sign(String alg, PrivateKey key, String kid, ObjectNode claims) {
        return sign(alg, key, kid, "JWT", claims);
    }

    /** Signs the claims with RS256 or ES256; {@code kid} and {@code typ} (e.g. {@code at+jwt}) may be null. */
    public static String sign(String alg, PrivateKey key, String kid, String typ, ObjectNode claims) {
        ObjectNode header = McpJson.object();
        header.put("alg", alg);
        if (typ != null) {
            header.put("typ", typ);
        }
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

    /**
     * Whether the signature is valid for the algorithm and key (false on any mismatch, never throws). ES256
     * signatures must be 64 bytes with r and s in [1, n-1], checked here so that JDKs with CVE-2022-21449 (17.0.0 to
     * 17.0.2) cannot accept a zero signature.
     */
    public static boolean verify(Parsed jwt, PublicKey key) {
        String alg = jwt.alg();
        try {
            if ("ES256".equals(alg) && !es256ValuesInRange(jwt.signature())) {
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

    /** Whether a JOSE ES256 signature (r || s, 32 bytes each) has both values in [1, n-1]. */
    static boolean es256ValuesInRange(byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(P256_ORDER) < 0 && s.compareTo(P256_ORDER) < 0;
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
