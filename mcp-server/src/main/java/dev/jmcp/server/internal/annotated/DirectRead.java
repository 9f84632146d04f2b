package dev.jmcp.server.internal.annotated;

import java.util.Optional;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Reads the most common argument types straight from a JSON node whose type matches exactly, so a call to an
 * annotated method costs about what hand-written {@code JsonNode} access costs. Anything else (a coercion such as
 * {@code "3"} for an {@code int}, an out-of-range number, a structured type) returns null and goes through Jackson,
 * which keeps its conversions and its error messages.
 */
@FunctionalInterface
interface DirectRead {
    /** The value of {@code node}, or null when Jackson must bind it. */
    Object read(JsonNode node);

    /** The direct reader for {@code type}, or null when there is none. */
    static DirectRead of(JavaType type) {
        Class<?> c = type.getRawClass();
        if (c == Optional.class) {
            DirectRead inner = of(type.getReferencedType());
            if (inner == null) {
                return null;
            }
            return node -> {
                Object v = inner.read(node);
                return v == null ? null : Optional.of(v);
            };
        }
        if (c == String.class) {
            return node -> node.isString() ? node.stringValue() : null;
        }
        if (c == int.class || c == Integer.class) {
            return node -> node.isIntegralNumber() && node.canConvertToInt() ? Integer.valueOf(node.intValue()) : null;
        }
        if (c == long.class || c == Long.class) {
            return node -> node.isIntegralNumber() && node.canConvertToLong() ? Long.valueOf(node.longValue()) : null;
        }
        if (c == double.class || c == Double.class) {
            return node -> node.isDouble() || node.isIntegralNumber() && node.canConvertToInt()
                    ? Double.valueOf(node.doubleValue())
                    : null;
        }
        if (c == boolean.class || c == Boolean.class) {
            return node -> node.isBoolean() ? Boolean.valueOf(node.booleanValue()) : null;
        }
        return null;
    }
}
