package dev.jmcp.transport.http.servlet.auth.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.servlet.auth.InsufficientScopeException;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Checks shared by JWT and introspection validation: issuer, audience, time window, scopes. */
public final class Claims {
    /** 0001-01-01T00:00:00Z. */
    private static final double MIN_NUMERIC_DATE = -62_135_596_800d;
    /** 9999-12-31T23:59:59Z. */
    private static final double MAX_NUMERIC_DATE = 253_402_300_799d;

    private Claims() {}

    /** Whether {@code aud} (a string or an array) contains the audience. */
    public static boolean audienceContains(JsonNode aud, String audience) {
        if (aud == null || audience == null) {
            return false;
        }
        if (aud.isString()) {
            return sameResource(aud.asString(), audience);
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isString() && sameResource(a.asString(), audience)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameResource(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The scopes from {@code scope} (space-separated) or {@code scp} (array or string). */
    public static Set<String> scopes(JsonNode claims) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : new String[] {"scope", "scp"}) {
            JsonNode v = claims.get(name);
            if (v == null) {
                continue;
            }
            if (v.isString()) {
                for (String s : v.asString().trim().split("\\s+")) {
                    if (!s.isEmpty()) {
                        out.add(s);
                    }
                }
            } else if (v.isArray()) {
                v.forEach(s -> {
                    if (s.isString()) {
                        out.add(s.asString());
                    }
                });
            }
        }
        return out;
    }

    /**
     * A NumericDate claim ({@code exp}, {@code nbf}, {@code iat}), or null when absent.
     *
     * @throws TokenValidationException when it is not a number or lies outside the years 1 to 9999 (so an absurd
     *     value is a 401, never an arithmetic failure)
     */
    public static Instant instant(JsonNode claims, String name) {
        JsonNode v = claims.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new TokenValidationException("token claim " + name + " is not a NumericDate");
        }
        double seconds = v.asDouble();
        if (!Double.isFinite(seconds) || seconds < MIN_NUMERIC_DATE || seconds > MAX_NUMERIC_DATE) {
            throw new TokenValidationException("token claim " + name + " is out of range");
        }
        return Instant.ofEpochSecond((long) Math.floor(seconds));
    }

    /** A string claim, or null. */
    public static String text(JsonNode claims, String name) {
        JsonNode v = claims.get(name);
        return v != null && v.isString() ? v.asString() : null;
    }

    /**
     * Checks issuer, audience, expiry and not-before, then the required scopes, and builds the principal.
     *
     * @param requireExp whether an absent {@code exp} is refused
     */
    public static AuthInfo check(
            String token,
            JsonNode claims,
            String issuer,
            String audience,
            boolean requireAudience,
            boolean requireExp,
            Instant now,
            Duration skew,
            Set<String> requiredScopes) {
        if (issuer != null && !issuer.equals(text(claims, "iss"))) {
            throw new TokenValidationException("token issuer is not " + issuer);
        }
        JsonNode aud = claims.get("aud");
        if (audience != null && (aud != null || requireAudience) && !audienceContains(aud, audience)) {
            throw new TokenValidationException("token audience does not include " + audience);
        }
        Instant exp = instant(claims, "exp");
        if (exp == null && requireExp) {
            throw new TokenValidationException("token has no expiry");
        }
        if (exp != null && !now.minus(skew).isBefore(exp)) {
            throw new TokenValidationException("token expired");
        }
        Instant nbf = instant(claims, "nbf");
        if (nbf != null && now.plus(skew).isBefore(nbf)) {
            throw new TokenValidationException("token not valid yet");
        }
        String clientId = text(claims, "client_id");
        if (clientId == null) {
            clientId = text(claims, "azp");
        }
        AuthInfo info = new AuthInfo(token, clientId, text(claims, "sub"), scopes(claims), exp, plainValues(claims));
        if (requiredScopes != null && !info.scopes().containsAll(requiredScopes)) {
            throw new InsufficientScopeException(info, requiredScopes);
        }
        return info;
    }

    /** The claims as plain Java values (strings, numbers, booleans, lists, maps), nulls left out. */
    private static Map<String, Object> plainValues(JsonNode claims) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : claims.properties()) {
            if (e.getValue() != null && !e.getValue().isNull()) {
                values.put(e.getKey(), McpJson.fromTree(e.getValue(), Object.class));
            }
        }
        return values;
    }
}
