package dev.jmcp.core.protocol.mrtr;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.internal.InputRequestDeserializer;
import dev.jmcp.core.protocol.roots.ListRootsRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A server-to-client request embedded in an {@code input_required} result (2026-07-28): {@code {method,
 * params}} without a JSON-RPC id, discriminated by {@code method}.
 */
@JsonDeserialize(using = InputRequestDeserializer.class)
public sealed interface InputRequest permits InputRequest.Sampling, InputRequest.Elicitation, InputRequest.ListRoots {
    /**
     * The method name.
     *
     * @return the method name
     */
    String method();

    /**
     * Asks the client to sample.
     *
     * @param params the params of the {@code sampling/createMessage} request
     * @return an input request carrying {@code sampling/createMessage} params
     */
    static InputRequest sampling(CreateMessageRequest params) {
        return new Sampling(params);
    }

    /**
     * Asks the user for input.
     *
     * @param params the params of the {@code elicitation/create} request
     * @return an input request carrying {@code elicitation/create} params
     */
    static InputRequest elicitation(ElicitRequest params) {
        return new Elicitation(params);
    }

    /**
     * Asks for the client's roots.
     *
     * @return an input request for {@code roots/list}
     */
    static InputRequest listRoots() {
        return new ListRoots(null);
    }

    /**
     * A {@code sampling/createMessage} input request.
     *
     * @param params the params of the {@code sampling/createMessage} request
     */
    @JsonDeserialize(using = ValueDeserializer.None.class)
    record Sampling(CreateMessageRequest params) implements InputRequest {
        /**
         * Creates the request; {@code params} is required.
         *
         * @param params the params of the {@code sampling/createMessage} request
         */
        public Sampling {
            Objects.requireNonNull(params, "params");
        }

        @Override
        @JsonProperty("method")
        public String method() {
            return McpMethods.SAMPLING_CREATE_MESSAGE;
        }
    }

    /**
     * An {@code elicitation/create} input request.
     *
     * @param params the params of the {@code elicitation/create} request
     */
    @JsonDeserialize(using = ValueDeserializer.None.class)
    record Elicitation(ElicitRequest params) implements InputRequest {
        /**
         * Creates the request; {@code params} is required.
         *
         * @param params the params of the {@code elicitation/create} request
         */
        public Elicitation {
            Objects.requireNonNull(params, "params");
        }

        @Override
        @JsonProperty("method")
        public String method() {
            return McpMethods.ELICITATION_CREATE;
        }
    }

    /**
     * A {@code roots/list} input request.
     *
     * @param params the params of the {@code roots/list} request, null when absent
     */
    @JsonDeserialize(using = ValueDeserializer.None.class)
    record ListRoots(ListRootsRequest params) implements InputRequest {
        @Override
        @JsonProperty("method")
        public String method() {
            return McpMethods.ROOTS_LIST;
        }
    }
}
