package dev.jmcp.core.protocol;

import dev.jmcp.core.internal.StringOrInteger;
import dev.jmcp.core.protocol.internal.ProgressTokenDeserializer;
import dev.jmcp.core.protocol.internal.ProgressTokenSerializer;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A progress token: a string or an integer. Tokens compare by value and JSON type, so {@code of(1)} equals
 * {@code of(1L)} but not {@code of("1")}, and a token is echoed with the JSON type it arrived with.
 */
@JsonSerialize(using = ProgressTokenSerializer.class)
@JsonDeserialize(using = ProgressTokenDeserializer.class)
public sealed interface ProgressToken permits ProgressToken.StringToken, ProgressToken.NumberToken {

    /**
     * A string token.
     *
     * @param value the token's value
     * @return a string token
     */
    static ProgressToken of(String value) {
        return new StringToken(value);
    }

    /**
     * An integer token.
     *
     * @param value the token's value
     * @return an integer token
     */
    static ProgressToken of(long value) {
        return new NumberToken(value);
    }

    /**
     * The token a JSON value holds: a string, or an integer (a number with an integral value such as {@code 1.0}
     * counts).
     *
     * @param node the JSON value, or null
     * @return the token, or null when {@code node} is null, JSON null or holds no valid token
     */
    static ProgressToken fromJson(JsonNode node) {
        return StringOrInteger.fromJson(node, ProgressToken::of, ProgressToken::of);
    }

    /**
     * The token as a plain Java value: a {@link String} or a {@link Long}.
     *
     * @return the token as a plain Java value: a {@link String} or a {@link Long}
     */
    Object value();

    /**
     * The token as a JSON string or integer node, with the JSON type it arrived with.
     *
     * @return the token as a JSON string or integer node, with the JSON type it arrived with
     */
    JsonNode toJson();

    /**
     * A string token.
     *
     * @param value the token's value
     */
    record StringToken(String value) implements ProgressToken {
        /**
         * Creates a string token; null is refused.
         *
         * @param value the token's value
         */
        public StringToken {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public JsonNode toJson() {
            return StringOrInteger.toJson(value);
        }

        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /**
     * An integer token.
     *
     * @param number the token's value
     */
    record NumberToken(long number) implements ProgressToken {
        @Override
        public Object value() {
            return number;
        }

        @Override
        public JsonNode toJson() {
            return StringOrInteger.toJson(number);
        }

        @Override
        public String toString() {
            return Long.toString(number);
        }
    }
}
