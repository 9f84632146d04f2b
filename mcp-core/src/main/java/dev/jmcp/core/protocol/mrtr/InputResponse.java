package dev.jmcp.core.protocol.mrtr;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.internal.InputResponseDeserializer;
import dev.jmcp.core.protocol.roots.ListRootsResult;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The client's answer to one {@link InputRequest}, sent in {@code inputResponses} on the retry (2026-07-28).
 * On the wire it is the bare result; reading tells the kinds apart by shape ({@code action} for elicitation,
 * {@code roots} for roots, otherwise a sampling result).
 */
@JsonDeserialize(using = InputResponseDeserializer.class)
public sealed interface InputResponse
        permits InputResponse.Sampling, InputResponse.Elicitation, InputResponse.ListRoots {

    /**
     * Wraps a sampling result.
     *
     * @param result the {@code sampling/createMessage} result
     * @return the input response
     */
    static InputResponse of(CreateMessageResult result) {
        return new Sampling(result);
    }

    /**
     * Wraps an elicitation result.
     *
     * @param result the {@code elicitation/create} result
     * @return the input response
     */
    static InputResponse of(ElicitResult result) {
        return new Elicitation(result);
    }

    /**
     * Wraps a roots result.
     *
     * @param result the {@code roots/list} result
     * @return the input response
     */
    static InputResponse of(ListRootsResult result) {
        return new ListRoots(result);
    }

    /**
     * A sampling answer.
     *
     * @param result the {@code sampling/createMessage} result
     */
    record Sampling(@JsonValue CreateMessageResult result) implements InputResponse {
        /**
         * Creates the answer; {@code result} is required.
         *
         * @param result the {@code sampling/createMessage} result
         */
        public Sampling {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * An elicitation answer.
     *
     * @param result the {@code elicitation/create} result
     */
    record Elicitation(@JsonValue ElicitResult result) implements InputResponse {
        /**
         * Creates the answer; {@code result} is required.
         *
         * @param result the {@code elicitation/create} result
         */
        public Elicitation {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A roots answer.
     *
     * @param result the {@code roots/list} result
     */
    record ListRoots(@JsonValue ListRootsResult result) implements InputResponse {
        /**
         * Creates the answer; {@code result} is required.
         *
         * @param result the {@code roots/list} result
         */
        public ListRoots {
            Objects.requireNonNull(result, "result");
        }
    }
}
