package dev.jmcp.core.jsonrpc;

import java.util.Objects;

/**
 * A JSON-RPC request id: a string or an integer, never null. Ids are compared by value and JSON type, so
 * {@code RequestId.of(1)} equals {@code RequestId.of(1L)} but not {@code RequestId.of("1")}, and an id is
 * echoed with the JSON type it arrived with.
 */
public sealed interface RequestId permits RequestId.StringId, RequestId.NumberId {

    /** A string id. */
    static RequestId of(String value) {
        return new StringId(value);
    }

    /** An integer id. */
    static RequestId of(long value) {
        return new NumberId(value);
    }

    /** The id as a plain Java value: a {@link String} or a {@link Long}. */
    Object value();

    /** A string id. */
    record StringId(String value) implements RequestId {
        /** Creates a string id; null is refused. */
        public StringId {
            Objects.requireNonNull(value, "value");
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
        public String toString() {
            return Long.toString(number);
        }
    }
}
