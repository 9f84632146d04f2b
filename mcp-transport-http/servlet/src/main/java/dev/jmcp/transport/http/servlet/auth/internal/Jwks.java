package dev.jmcp.transport.http.servlet.auth.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.common.internal.Jwt;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Web Keys (RFC 7517): RSA and EC P-256 public keys. */
public final class Jwks {
    private Jwks() {}

    /**
     * One usable public key.
     *
     * @param kid the key id, or null
     * @param alg the JWS algorithm the key is for (RS256 or ES256)
     * @param key the public key
     */
    public record Key(String kid, String alg, PublicKey key) {}

    /** The signing keys of a JWKS document; keys of unknown type, curve or use are skipped. */
    public static List<Key> parse(String json) {
        JsonNode root = McpJson.parse(json);
        List<Key> keys = new ArrayList<>();
        for (JsonNode jwk : root.path("keys")) {
            String use = text(jwk, "use");
            if (use != null && !"sig".equals(use)) {
                continue;
            }
            try {
                Key key = toKey(jwk);
                if (key != null) {
                    keys.add(key);
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // a malformed key is skipped; the others stay usable
            }
        }
        return keys;
    }

    private static Key toKey(JsonNode jwk) throws GeneralSecurityException {
        String kty = text(jwk, "kty");
        String kid = text(jwk, "kid");
        String alg = text(jwk, "alg");
        if ("RSA".equals(kty) && (alg == null || "RS256".equals(alg))) {
            RSAPublicKeySpec spec = new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e"));
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
            if (key.getModulus().bitLength() < 2048) {
                return null;
            }
            return new Key(kid, "RS256", key);
        }
        if ("EC".equals(kty) && "P-256".equals(text(jwk, "crv")) && (alg == null || "ES256".equals(alg))) {
            ECPublicKeySpec spec = new ECPublicKeySpec(new ECPoint(number(jwk, "x"), number(jwk, "y")), p256());
            return new Key(kid, "ES256", KeyFactory.getInstance("EC").generatePublic(spec));
        }
        return null;
    }

    /** The JWK JSON of a public key (RSA or EC P-256). */
    public static ObjectNode toJwk(PublicKey key, String kid) {
        ObjectNode jwk = McpJson.object();
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("alg", "RS256");
            jwk.put("n", unsigned(rsa.getModulus(), 0));
            jwk.put("e", unsigned(rsa.getPublicExponent(), 0));
        } else if (key instanceof ECPublicKey ec) {
            jwk.put("kty", "EC");
            jwk.put("crv", "P-256");
            jwk.put("alg", "ES256");
            jwk.put("x", unsigned(ec.getW().getAffineX(), 32));
            jwk.put("y", unsigned(ec.getW().getAffineY(), 32));
        } else {
            throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
        }
        jwk.put("use", "sig");
        if (kid != null) {
            jwk.put("kid", kid);
        }
        return jwk;
    }

    /** A JWKS document holding the given JWKs. */
    public static String toJwks(List<ObjectNode> jwks) {
        ObjectNode root = McpJson.object();
        ArrayNode keys = root.putArray("keys");
        jwks.forEach(keys::add);
        return McpJson.write(root);
    }

    /** The P-256 curve parameters. */
    public static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Jwt.base64Url(bytes);
    }

    private static BigInteger number(JsonNode jwk, String name) {
        String value = text(jwk, name);
        if (value == null) {
            throw new IllegalArgumentException("JWK lacks " + name);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isString() ? v.asString() : null;
    }
}
