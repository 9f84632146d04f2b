package dev.jmcp.loadtest.internal;

import dev.jmcp.core.McpJson;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Arguments generated from a tool's {@code inputSchema} with a seeded random stream, for {@code discover} mode: the
 * same seed and schema always give the same arguments. Respects {@code const}, {@code enum}, {@code default} (used
 * half of the time), {@code required} (always present; optional properties half of the time), {@code type} (the
 * first of a list), string {@code minLength}/{@code maxLength}, number {@code minimum}/{@code maximum} (and the
 * exclusive forms), array {@code minItems}/{@code maxItems} (at most 3 items beyond the minimum) and nested objects
 * (depth at most 4). Anything else (patterns, formats, {@code oneOf}) falls back to a plain value of the type, which a
 * strict server may reject: that shows as a {@code jsonrpc:-32602} error class in the report.
 */
public final class SchemaArguments {
    private static final int MAX_DEPTH = 4;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private SchemaArguments() {}

    /** Arguments for {@code schema} (an object schema; {@code null} gives an empty object). */
    public static ObjectNode generate(JsonNode schema, long seed) {
        JsonNode v = value(schema, new SplittableRandom(seed), 0);
        return v instanceof ObjectNode o ? o : McpJson.mapper().createObjectNode();
    }

    private static JsonNode value(JsonNode s, SplittableRandom r, int depth) {
        if (s == null || !s.isObject()) {
            return McpJson.mapper().getNodeFactory().stringNode(word(r, 1, 8));
        }
        if (s.has("const")) {
            return s.get("const");
        }
        JsonNode en = s.get("enum");
        if (en != null && en.isArray() && !en.isEmpty()) {
            return en.get(r.nextInt(en.size()));
        }
        if (s.has("default") && r.nextBoolean()) {
            return s.get("default");
        }
        String type = type(s);
        var f = McpJson.mapper().getNodeFactory();
        return switch (type) {
            case "object" -> object(s, r, depth);
            case "array" -> array(s, r, depth);
            case "integer" -> f.numberNode((long) Math.floor(number(s, r, true)));
            case "number" -> f.numberNode(Math.round(number(s, r, false) * 1000) / 1000.0);
            case "boolean" -> f.booleanNode(r.nextBoolean());
            case "null" -> f.nullNode();
            default -> f.stringNode(string(s, r));
        };
    }

    private static String type(JsonNode s) {
        JsonNode t = s.get("type");
        if (t != null && t.isString()) {
            return t.asString();
        }
        if (t != null && t.isArray() && !t.isEmpty()) {
            return t.get(0).asString();
        }
        return s.has("properties") ? "object" : "string";
    }

    private static ObjectNode object(JsonNode s, SplittableRandom r, int depth) {
        ObjectNode o = McpJson.mapper().createObjectNode();
        if (depth >= MAX_DEPTH) {
            return o;
        }
        JsonNode props = s.get("properties");
        JsonNode required = s.get("required");
        if (props == null || !props.isObject()) {
            return o;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean req = required != null && required.isArray() && contains(required, e.getKey());
            boolean include = r.nextBoolean(); // drawn for every property, so the stream does not depend on required
            if (req || include) {
                o.set(e.getKey(), value(e.getValue(), r, depth + 1));
            }
        }
        return o;
    }

    private static ArrayNode array(JsonNode s, SplittableRandom r, int depth) {
        ArrayNode a = McpJson.mapper().createArrayNode();
        int min = s.path("minItems").asInt(0);
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 3;
        int n = min + (max > min ? r.nextInt(Math.min(max, min + 3) - min + 1) : 0);
        for (int i = 0; i < n && depth < MAX_DEPTH; i++) {
            a.add(value(s.get("items"), r, depth + 1));
        }
        return a;
    }

    private static double number(JsonNode s, SplittableRandom r, boolean integer) {
        double lo = s.has("minimum") ? s.get("minimum").asDouble() : 0;
        double hi = s.has("maximum") ? s.get("maximum").asDouble() : lo + 100;
        if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
            lo = s.get("exclusiveMinimum").asDouble() + (integer ? 1 : 1e-3);
        }
        if (s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()) {
            hi = s.get("exclusiveMaximum").asDouble() - (integer ? 1 : 1e-3);
        }
        if (hi < lo) {
            hi = lo;
        }
        if (integer) {
            long a = (long) Math.ceil(lo);
            long b = (long) Math.floor(hi);
            return b <= a ? a : a + r.nextLong(b - a + 1);
        }
        return lo + r.nextDouble() * (hi - lo);
    }

    private static String string(JsonNode s, SplittableRandom r) {
        int min = s.path("minLength").asInt(1);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : Math.max(min, 12);
        return word(r, min, Math.max(min, max));
    }

    private static String word(SplittableRandom r, int min, int max) {
        int n = min + (max > min ? r.nextInt(Math.min(max, min + 16) - min + 1) : 0);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static boolean contains(JsonNode arr, String name) {
        for (JsonNode n : arr) {
            if (name.equals(n.asString())) {
                return true;
            }
        }
        return false;
    }

    /** A stable seed for one tool: the run's seed mixed with the tool's name. */
    public static long seedFor(long runSeed, String toolName) {
        long h = runSeed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < toolName.length(); i++) {
            h = (h ^ toolName.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }
}
