package dev.jmcp.server.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A quick "certainly valid" check for the most common tool input schema: an object whose properties are plain
 * strings (perhaps with {@code minLength}/{@code maxLength}), integers, numbers or booleans, some required, others
 * optional, perhaps no additional properties. Built
 * only from a schema that uses nothing but those keywords (and annotations); for such a schema an instance this
 * check passes is valid under every supported dialect. An instance it does not pass (or an integer written as
 * {@code 1.0}) goes to the full validator, which decides and words the errors, so the outcome and the messages are
 * the validator's own.
 */
final class FlatObjectSchema {
    private static final Set<String> TOP_KEYWORDS = Set.of(
            "type",
            "properties",
            "required",
            "additionalProperties",
            "$schema",
            "title",
            "description",
            "$comment",
            "examples");
    private static final Set<String> PROPERTY_KEYWORDS =
            Set.of("type", "title", "description", "$comment", "examples", "default", "minLength", "maxLength");

    private enum Kind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN
    }

    /**
     * One property's check.
     *
     * @param kind its type
     * @param minLength the fewest code points a string may have (0 when unbounded)
     * @param maxLength the most code points a string may have ({@code Integer.MAX_VALUE} when unbounded)
     */
    private record Property(Kind kind, int minLength, int maxLength) {
        boolean accepts(JsonNode v) {
            return switch (kind) {
                case STRING -> v.isString() && lengthFits(v.asString());
                case INTEGER -> v.isIntegralNumber();
                case NUMBER -> v.isNumber();
                case BOOLEAN -> v.isBoolean();
            };
        }

        private boolean lengthFits(String s) {
            if (minLength == 0 && maxLength == Integer.MAX_VALUE) {
                return true;
            }
            // JSON Schema counts code points; a UTF-16 length outside the bounds may still fit, so count exactly
            int n = s.codePointCount(0, s.length());
            return n >= minLength && n <= maxLength;
        }
    }

    private final Map<String, Property> properties;
    private final String[] required;
    private final boolean closed;

    private FlatObjectSchema(Map<String, Property> properties, String[] required, boolean closed) {
        this.properties = properties;
        this.required = required;
        this.closed = closed;
    }

    /** The quick check of {@code schema}, or null when the schema is not of that simple kind. */
    static FlatObjectSchema of(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        for (String key : schema.propertyNames()) {
            if (!TOP_KEYWORDS.contains(key)) {
                return null;
            }
        }
        JsonNode type = schema.get("type");
        if (type == null || !type.isString() || !"object".equals(type.asString())) {
            return null;
        }
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !dialect.isString()) {
            return null;
        }
        Map<String, Property> props = new HashMap<>();
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            if (!properties.isObject()) {
                return null;
            }
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                Property property = propertyOf(e.getValue());
                if (property == null) {
                    return null;
                }
                props.put(e.getKey(), property);
            }
        }
        List<String> req = new ArrayList<>();
        JsonNode required = schema.get("required");
        if (required != null) {
            if (!required.isArray()) {
                return null;
            }
            for (JsonNode r : required) {
                if (!r.isString()) {
                    return null;
                }
                req.add(r.asString());
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            return null;
        }
        boolean closed = additional != null && !additional.asBoolean();
        return new FlatObjectSchema(Map.copyOf(props), req.toArray(String[]::new), closed);
    }

    private static Property propertyOf(JsonNode property) {
        Kind kind = kindOf(property);
        if (kind == null) {
            return null;
        }
        JsonNode min = property.get("minLength");
        JsonNode max = property.get("maxLength");
        if ((min != null || max != null) && kind != Kind.STRING) {
            return null;
        }
        int minLength = min == null ? 0 : length(min);
        int maxLength = max == null ? Integer.MAX_VALUE : length(max);
        return minLength < 0 || maxLength < 0 ? null : new Property(kind, minLength, maxLength);
    }

    /** A length keyword's value: a non-negative integer that fits an int, else -1 (not of the simple kind). */
    private static int length(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0 ? value.asInt() : -1;
    }

    private static Kind kindOf(JsonNode property) {
        if (property == null || !property.isObject()) {
            return null;
        }
        for (String key : property.propertyNames()) {
            if (!PROPERTY_KEYWORDS.contains(key)) {
                return null;
            }
        }
        JsonNode type = property.get("type");
        if (type == null || !type.isString()) {
            return null;
        }
        return switch (type.asString()) {
            case "string" -> Kind.STRING;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            default -> null;
        };
    }

    /** Whether {@code instance} is certainly valid; false means "ask the full validator". */
    boolean certainlyValid(JsonNode instance) {
        if (instance == null || !instance.isObject()) {
            return false;
        }
        for (String r : required) {
            if (!instance.has(r)) {
                return false;
            }
        }
        for (Map.Entry<String, JsonNode> e : instance.properties()) {
            Property property = properties.get(e.getKey());
            if (property == null) {
                if (closed) {
                    return false;
                }
                continue;
            }
            if (!property.accepts(e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
