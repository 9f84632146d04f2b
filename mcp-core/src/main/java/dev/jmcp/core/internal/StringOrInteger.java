package dev.jmcp.core.internal;

import java.util.function.Function;
import java.util.function.LongFunction;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one implementation of the specification's string-or-integer unions (request ids and progress tokens):
 * reading them from a JSON tree or a parser, and writing them back with the JSON type they arrived with. A
 * number with an integral value ({@code 1.0}) reads as that integer; anything else (fractions, integers beyond
 * {@code long}, booleans, objects, null) is not a member of the union.
 */
public final class StringOrInteger {
    private StringOrInteger() {}

    /** The union member {@code node} holds, or null when it holds none (or is null). */
    public static <T> T fromJson(JsonNode node, Function<String, T> ofString, LongFunction<T> ofInteger) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return ofString.apply(node.stringValue());
        }
        if (node.isNumber()
                && node.canConvertToLong()
                && (node.isIntegralNumber() || node.canConvertToExactIntegral())) {
            return ofInteger.apply(node.longValue());
        }
        return null;
    }

    /** A JSON string node. */
    public static JsonNode toJson(String value) {
        return JsonNodeFactory.instance.stringNode(value);
    }

    /** A JSON integer node. */
    public static JsonNode toJson(long value) {
        return JsonNodeFactory.instance.numberNode(value);
    }

    /**
     * Reads a union from JSON; a value that is no member fails with an input mismatch naming {@code what}.
     *
     * @param <T> the union type
     */
    public abstract static class Deserializer<T> extends ValueDeserializer<T> {
        private final String what;
        private final Function<String, T> ofString;
        private final LongFunction<T> ofInteger;

        /** A deserializer of the union {@code what} built by the two factories. */
        protected Deserializer(String what, Function<String, T> ofString, LongFunction<T> ofInteger) {
            this.what = what;
            this.ofString = ofString;
            this.ofInteger = ofInteger;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                return ofString.apply(p.getString());
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return ofInteger.apply(p.getLongValue());
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == Math.rint(p.getDoubleValue())) {
                return ofInteger.apply((long) p.getDoubleValue());
            }
            return ctxt.reportInputMismatch(this, "%s must be a string or an integer, got %s", what, t);
        }
    }

    /**
     * Writes a union as a JSON string or integer.
     *
     * @param <T> the union type
     */
    public abstract static class Serializer<T> extends ValueSerializer<T> {
        private final Function<T, Object> value;

        /** A serializer reading the member's plain value (a {@link String} or a {@link Long}) with {@code value}. */
        protected Serializer(Function<T, Object> value) {
            this.value = value;
        }

        @Override
        public void serialize(T union, JsonGenerator gen, SerializationContext ctxt) {
            Object v = value.apply(union);
            if (v instanceof Long n) {
                gen.writeNumber(n);
            } else {
                gen.writeString((String) v);
            }
        }
    }
}
