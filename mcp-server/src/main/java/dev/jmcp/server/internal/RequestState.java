package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-07-28 {@code requestState}: the answers gathered so far for one request (by input key), the keys the
 * server is waiting for with a digest of each pending input call, and a digest of the request, signed with
 * HMAC-SHA256 under the server secret. A state that was altered, that belongs to another request, or that is
 * older than the maximum age is refused with -32602.
 */
final class RequestState {
    private static final long MAX_AGE_MS = 24L * 60 * 60 * 1000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * One recorded answer.
     *
     * @param digest the digest of the input call it answers
     * @param result the client's result
     */
    record Answer(String digest, JsonNode result) {}

    /**
     * A decoded state.
     *
     * @param answers the answers so far by input key
     * @param pending the digest of each input call awaiting an answer, by input key
     */
    record Decoded(Map<String, Answer> answers, Map<String, String> pending) {}

    private RequestState() {}

    static String encode(
            byte[] secret, String requestDigest, Map<String, Answer> answers, Map<String, String> pending) {
        ObjectNode s = McpJson.object();
        s.put("v", 2);
        s.put("d", requestDigest);
        s.put("t", System.currentTimeMillis());
        ObjectNode a = s.putObject("a");
        for (Map.Entry<String, Answer> e : answers.entrySet()) {
            ObjectNode o = a.putObject(e.getKey());
            o.put("h", e.getValue().digest());
            o.set("r", e.getValue().result());
        }
        ObjectNode p = s.putObject("p");
        pending.forEach(p::put);
        byte[] body = McpJson.write(s).getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(secret, body));
    }

    static Decoded decode(byte[] secret, String state, String requestDigest) {
        int dot = state.indexOf('.');
        if (dot < 0) {
            throw Errors.invalidParams("invalid requestState");
        }
        byte[] body;
        byte[] sig;
        try {
            body = Base64.getUrlDecoder().decode(state.substring(0, dot));
            sig = Base64.getUrlDecoder().decode(state.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidParams("invalid requestState");
        }
        if (!MessageDigest.isEqual(sig, mac(secret, body))) {
            throw Errors.invalidParams("requestState failed its integrity check");
        }
        JsonNode s = McpJson.parse(new String(body, StandardCharsets.UTF_8));
        if (s.path("v").asInt(0) != 2) {
            throw Errors.invalidParams("requestState has an unknown format");
        }
        if (!requestDigest.equals(s.path("d").asString(""))) {
            throw Errors.invalidParams("requestState belongs to another request");
        }
        if (System.currentTimeMillis() - s.path("t").asLong(0) > MAX_AGE_MS) {
            throw Errors.invalidParams("requestState has expired");
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.path("a").properties()) {
            answers.put(
                    e.getKey(),
                    new Answer(e.getValue().path("h").asString(""), e.getValue().get("r")));
        }
        Map<String, String> pending = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.path("p").properties()) {
            pending.put(e.getKey(), e.getValue().asString(""));
        }
        return new Decoded(answers, pending);
    }

    /** SHA-256 of a canonical form (object keys sorted) of the given values, base64url. */
    static String digest(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof JsonNode n) {
                canonical(n, sb);
            } else {
                sb.append(p);
            }
            sb.append('\u0000');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return B64.encodeToString(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n == null) {
            sb.append("null");
        } else if (n.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                sorted.put(e.getKey(), e.getValue());
            }
            sb.append('{');
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                sb.append(McpJson.write(e.getKey())).append(':');
                canonical(e.getValue(), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            Iterator<JsonNode> it = n.iterator();
            while (it.hasNext()) {
                canonical(it.next(), sb);
                sb.append(',');
            }
            sb.append(']');
        } else {
            sb.append(McpJson.write(n));
        }
    }

    private static byte[] mac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
