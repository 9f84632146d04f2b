package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-07-28 {@code requestState}: the answers gathered so far for one request (by input key), the keys the
 * server is waiting for with a digest of each pending input call, a digest of the request (method, name or URI,
 * arguments), a digest of the caller, and when it was issued, encrypted and authenticated with AES-GCM
 * ({@link StateCipher}) under the server's current key. A state that was altered, sealed with a key the server
 * does not have, issued to another caller or for another request, or older than the maximum age is refused with
 * -32602.
 */
final class RequestState {
    private static final int FORMAT = 3;
    /** How far in the future an issue time may lie (clock skew between instances). */
    private static final long MAX_SKEW_MS = 60_000;

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

    /**
     * What a state is bound to and checked against.
     *
     * @param keys the keys that seal and open states
     * @param maxAge how long after it was issued a state is accepted
     * @param requestDigest the digest of the request (method, target, arguments)
     * @param callerDigest the digest of the caller (principal, or anonymous)
     */
    record Binding(StateKeys keys, Duration maxAge, String requestDigest, String callerDigest) {}

    private RequestState() {}

    static String encode(Binding binding, Map<String, Answer> answers, Map<String, String> pending) {
        ObjectNode s = McpJson.object();
        s.put("v", FORMAT);
        s.put("d", binding.requestDigest());
        s.put("c", binding.callerDigest());
        s.put("t", System.currentTimeMillis());
        ObjectNode a = s.putObject("a");
        for (Map.Entry<String, Answer> e : answers.entrySet()) {
            ObjectNode o = a.putObject(e.getKey());
            o.put("h", e.getValue().digest());
            o.set("r", e.getValue().result());
        }
        ObjectNode p = s.putObject("p");
        pending.forEach(p::put);
        return StateCipher.seal(binding.keys(), McpJson.write(s).getBytes(StandardCharsets.UTF_8));
    }

    static Decoded decode(Binding binding, String state) {
        long now = System.currentTimeMillis();
        byte[] body = StateCipher.open(binding.keys(), state, Instant.ofEpochMilli(now));
        JsonNode s = McpJson.parse(new String(body, StandardCharsets.UTF_8));
        if (s.path("v").asInt(0) != FORMAT) {
            throw Errors.invalidParams("requestState has an unknown format");
        }
        long issued = s.path("t").asLong(0);
        if (now - issued > binding.maxAge().toMillis()) {
            throw Errors.invalidParams("requestState has expired (it is accepted for "
                    + binding.maxAge().toMillis()
                    + " ms after it was issued); start the request again without requestState");
        }
        if (issued - now > MAX_SKEW_MS) {
            throw Errors.invalidParams("requestState was issued in the future");
        }
        if (!binding.callerDigest().equals(s.path("c").asString(""))) {
            throw Errors.invalidParams("requestState was issued to another caller");
        }
        if (!binding.requestDigest().equals(s.path("d").asString(""))) {
            throw Errors.invalidParams(
                    "requestState belongs to another request (the method, name or URI, or arguments differ)");
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
}
