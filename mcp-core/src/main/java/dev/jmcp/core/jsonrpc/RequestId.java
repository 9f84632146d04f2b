package dev.jmcp.core.jsonrpc;

import dev.jmcp.core.internal.StringOrInteger;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC request id: a string or an integer, never null. Ids are compared by value and JSON type, so
 * {@code RequestId.of(1)} equals {@code RequestId.of(1L)} but not {@code RequestId.of("1")}, and an id is
 * echoed with the JSON type it arrived with.
 */
public sealed interface RequestId permits RequestId.StringId, RequestId.NumberId {

    /**
     * A string id.
     *
     * @param value the id string
     * @return a string id
     */
    static RequestId of(String value) {
        return new StringId(value);
    }

    /**
     * An integer id.
     *
     * @param value the id number
     * @return an integer id
     */
    static RequestId of(long value) {
        return new NumberId(value);
    }

    /**
     * The id a JSON value holds: a string, or an integer (a number with an integral value such as {@code 1.0}
     * counts). The one place ids are read from JSON trees.
     *
     * @param node the JSON value, or null
     * @return the id, or null when {@code node} is null, JSON null or holds no valid id
     */
    static RequestId fromJson(JsonNode node) {
        return StringOrInteger.fromJson(node, RequestId::of, RequestId::of);
    }

    /**
     * The id as a plain Java value: a {@link String} or a {@link Long}.
     *
     * @return the id as a plain Java value: a {@link String} or a {@link Long}
     */
    Object value();

    /**
     * The id as a JSON string or integer node, with the JSON type it arrived with.
     *
     * @return the id as a JSON string or integer node, with the JSON type it arrived with
     */
    JsonNode toJson();

    /*
     * equals and hashCode are written out in both records: a record's generated ones bootstrap
     * java.lang.runtime.ObjectMethods on first use, which spins ~35 method-handle classes (and their JIT work)
     * while the first request is delivered (ids are map keys). Same results as the generated ones.
     */

    /** A string id. */
    record StringId(String value) implements RequestId {
        /**
         * Creates a string id; null is refused.
         *
         * @param value the id string
         */
        public StringId {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public JsonNode toJson() {
            return StringOrInteger.toJson(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StringId other && value.equals(other.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /** An integer id. */
    record NumberId(long number) implements RequestId {
        @Override
        public Object value() {
            return number;
        }

        @Override
        public JsonNode toJson() {
            return StringOrInteger.toJson(number);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NumberId other && number == other.number;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(number);
        }

        @Override
        public String toString() {
            return Long.toString(number);
        }
    }
}
