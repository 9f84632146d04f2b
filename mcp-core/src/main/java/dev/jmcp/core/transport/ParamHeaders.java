package dev.jmcp.core.transport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * SEP-2243 custom headers: tool parameters annotated with {@code x-mcp-header} in a tool's {@code inputSchema} are
 * mirrored into {@code Mcp-Param-<name>} HTTP headers (2026-07-28 Streamable HTTP). This class reads and
 * validates the annotations, and converts values in both directions.
 */
public final class ParamHeaders {
    /** The schema keyword. */
    public static final String KEYWORD = "x-mcp-header";
    /** The header name prefix. */
    public static final String PREFIX = "Mcp-Param-";

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    private ParamHeaders() {}

    /**
     * One annotated parameter.
     *
     * @param name the {@code x-mcp-header} value (the header is {@code Mcp-Param-<name>})
     * @param path the chain of {@code properties} keys from the schema root to the parameter
     * @param type the parameter's JSON type: {@code string}, {@code integer} or {@code boolean}
     */
    public record Declaration(String name, List<String> path, String type) {
        /**
         * The full header name, {@code Mcp-Param-<name>}.
         *
         * @return the full header name, {@code Mcp-Param-<name>}
         */
        public String headerName() {
            return PREFIX + name;
        }

        /**
         * The value at this parameter's path in {@code arguments}; empty when absent or null.
         *
         * @param arguments the {@code arguments} object of a {@code tools/call} request
         * @return the value at this parameter's path in {@code arguments}; empty when absent or null
         */
        public Optional<JsonNode> valueIn(JsonNode arguments) {
            JsonNode at = arguments;
            for (String key : path) {
                if (at == null || !at.isObject()) {
                    return Optional.empty();
                }
                at = at.get(key);
            }
            return at == null || at.isNull() || at.isMissingNode() ? Optional.empty() : Optional.of(at);
        }
    }

    /**
     * The annotated parameters of a tool input schema.
     *
     * @param inputSchema the tool's {@code inputSchema}
     * @return the annotated parameters of a tool input schema
     * @throws IllegalArgumentException naming the first violation when an annotation is invalid: empty, not an
     *     HTTP token, duplicated (case-insensitively), on a parameter that is not a string, integer or boolean, or
     *     not reachable from the root through {@code properties} alone
     */
    public static List<Declaration> of(JsonNode inputSchema) {
        List<Declaration> found = new ArrayList<>();
        if (inputSchema == null || !inputSchema.isObject()) {
            return found;
        }
        walkProperties(inputSchema, new ArrayList<>(), found);
        int everywhere = countAnnotations(inputSchema, false);
        if (everywhere != found.size()) {
            throw new IllegalArgumentException(KEYWORD + " is only allowed on properties reachable from the schema"
                    + " root through 'properties' (not inside items, composition, conditionals, $defs or $ref)");
        }
        Set<String> seen = new HashSet<>();
        for (Declaration d : found) {
            if (!seen.add(d.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(KEYWORD + " '" + d.name() + "' is used twice (case-insensitively)");
            }
        }
        return found;
    }

    /**
     * The declarations of a tool input schema, or empty when it has none or they are invalid.
     *
     * @param inputSchema the tool's {@code inputSchema}, or null
     * @return the declarations of a tool input schema, or empty when it has none or they are invalid
     */
    public static List<Declaration> ofOrEmpty(JsonNode inputSchema) {
        try {
            return of(inputSchema);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The header value for a parameter value: strings as they are, integers in decimal, booleans as {@code true}
     * or {@code false}; Base64-wrapped when not header-safe ({@link HeaderValues#encode}). Empty for other JSON
     * types and for integers outside the JavaScript-safe range.
     *
     * @param value the argument's value
     * @return the header value for a parameter value
     */
    public static Optional<String> headerValue(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(HeaderValues.encode(value.asString()));
        }
        if (value.isBoolean()) {
            return Optional.of(value.asBoolean() ? "true" : "false");
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && Math.abs(value.longValue()) <= MAX_SAFE_INTEGER) {
            return Optional.of(Long.toString(value.longValue()));
        }
        if (value.isNumber()) {
            BigDecimal d = value.decimalValue();
            if (d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(MAX_SAFE_INTEGER)) <= 0) {
                return Optional.of(d.toBigInteger().toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a received header (raw, possibly Base64-wrapped) carries {@code value}: strings compare exactly after
     * decoding, integers numerically ({@code 42.0} equals {@code 42}), booleans by their lower-case names.
     *
     * @param d the declaration of the parameter
     * @param header the header value as received
     * @param value the parameter's value in the request body
     * @return empty when they match, else why not
     */
    public static Optional<String> mismatch(Declaration d, String header, JsonNode value) {
        Optional<String> decoded = HeaderValues.decode(header);
        if (decoded.isEmpty()) {
            return Optional.of(d.headerName() + " is not a valid header value");
        }
        String h = decoded.get();
        boolean same;
        if (value.isString()) {
            same = h.equals(value.asString());
        } else if (value.isNumber()) {
            try {
                same = new BigDecimal(h).compareTo(value.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                same = false;
            }
        } else if (value.isBoolean()) {
            same = h.equals(value.asBoolean() ? "true" : "false");
        } else {
            same = false;
        }
        return same
                ? Optional.empty()
                : Optional.of(d.headerName() + " does not match arguments." + String.join(".", d.path()));
    }

    private static void walkProperties(JsonNode schema, List<String> path, List<Declaration> found) {
        JsonNode props = schema.get("properties");
        if (props == null || !props.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            JsonNode prop = e.getValue();
            if (!prop.isObject()) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            here.add(e.getKey());
            JsonNode annotation = prop.get(KEYWORD);
            if (annotation != null) {
                found.add(declaration(annotation, here, prop));
            }
            walkProperties(prop, here, found);
        }
    }

    private static Declaration declaration(JsonNode annotation, List<String> path, JsonNode prop) {
        String where = "property '" + String.join(".", path) + "'";
        if (!annotation.isString() || annotation.asString().isEmpty()) {
            throw new IllegalArgumentException(KEYWORD + " of " + where + " must be a non-empty string");
        }
        String name = annotation.asString();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean tchar = c < 0x80 && (Character.isLetterOrDigit(c) || TCHAR_SYMBOLS.indexOf(c) >= 0);
            if (!tchar) {
                throw new IllegalArgumentException(
                        KEYWORD + " '" + name + "' of " + where + " is not an HTTP field-name token");
            }
        }
        String type = primitiveType(prop.get("type"));
        if (type == null) {
            throw new IllegalArgumentException(
                    KEYWORD + " '" + name + "' is on " + where + ", which is not a string, integer or boolean");
        }
        return new Declaration(name, List.copyOf(path), type);
    }

    private static String primitiveType(JsonNode type) {
        String single = null;
        if (type != null && type.isString()) {
            single = type.asString();
        } else if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isString() && t.asString().equals("null")) {
                    continue;
                }
                if (single != null || !t.isString()) {
                    return null;
                }
                single = t.asString();
            }
        }
        return single != null && Set.of("string", "integer", "boolean").contains(single) ? single : null;
    }

    /** Counts annotations anywhere in a schema; the keys of a {@code properties} map are names, not keywords. */
    private static int countAnnotations(JsonNode node, boolean isPropertyMap) {
        int n = 0;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!isPropertyMap && e.getKey().equals(KEYWORD)) {
                    n++;
                }
                n += countAnnotations(e.getValue(), !isPropertyMap && e.getKey().equals("properties"));
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                n += countAnnotations(item, false);
            }
        }
        return n;
    }
}
