package dev.jmcp.server.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.McpJson;
import dev.jmcp.server.Description;
import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Generates JSON Schemas (2020-12 vocabulary, no {@code $schema} key) from Java records. */
public final class RecordSchemas {
    private RecordSchemas() {}

    /** The schema of a record type: an object with a property per component. */
    public static ObjectNode schemaOf(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record");
        }
        return schema(record, new HashSet<>());
    }

    private static ObjectNode schema(Type type, Set<Class<?>> seen) {
        ObjectNode s = McpJson.object();
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Optional.class.equals(raw)) {
                return schema(args[0], seen);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                s.put("type", "array");
                s.set("items", schema(args[0], seen));
                if (Set.class.isAssignableFrom(raw)) {
                    s.put("uniqueItems", true);
                }
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object");
                s.set("additionalProperties", schema(args[1], seen));
                return s;
            }
            return schema(raw, seen);
        }
        if (type instanceof GenericArrayType g) {
            s.put("type", "array");
            s.set("items", schema(g.getGenericComponentType(), seen));
            return s;
        }
        if (!(type instanceof Class<?> c)) {
            return s;
        }
        if (c == String.class || c == char.class || c == Character.class) {
            s.put("type", "string");
        } else if (c == boolean.class || c == Boolean.class) {
            s.put("type", "boolean");
        } else if (c == int.class
                || c == long.class
                || c == short.class
                || c == byte.class
                || c == Integer.class
                || c == Long.class
                || c == Short.class
                || c == Byte.class
                || c == BigInteger.class
                || c == OptionalInt.class
                || c == OptionalLong.class) {
            s.put("type", "integer");
        } else if (c == double.class
                || c == float.class
                || c == Double.class
                || c == Float.class
                || c == BigDecimal.class
                || c == Number.class
                || c == OptionalDouble.class) {
            s.put("type", "number");
        } else if (c.isEnum()) {
            s.put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (c.isArray()) {
            s.put("type", "array");
            s.set("items", schema(c.getComponentType(), seen));
        } else if (c.isRecord()) {
            if (!seen.add(c)) {
                s.put("type", "object");
                return s;
            }
            recordSchema(c, s, seen);
            seen.remove(c);
        } else if (JsonNode.class.isAssignableFrom(c) || c == Object.class) {
            return s;
        } else {
            s.put("type", "object");
        }
        Description d = c.getAnnotation(Description.class);
        if (d != null) {
            s.put("description", d.value());
        }
        return s;
    }

    private static void recordSchema(Class<?> c, ObjectNode s, Set<Class<?>> seen) {
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = McpJson.mapper().createArrayNode();
        for (RecordComponent rc : c.getRecordComponents()) {
            JsonProperty jp = rc.getAnnotation(JsonProperty.class);
            String name = jp != null && !jp.value().isEmpty() ? jp.value() : rc.getName();
            ObjectNode ps = schema(rc.getGenericType(), seen);
            Description desc = rc.getAnnotation(Description.class);
            if (desc != null) {
                ps.put("description", desc.value());
            }
            props.set(name, ps);
            if (!optional(rc)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            s.set("required", required);
        }
    }

    private static boolean optional(RecordComponent rc) {
        Class<?> t = rc.getType();
        if (t == Optional.class || t == OptionalInt.class || t == OptionalLong.class || t == OptionalDouble.class) {
            return true;
        }
        for (Annotation a : rc.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        for (Annotation a : rc.getAnnotatedType().getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
