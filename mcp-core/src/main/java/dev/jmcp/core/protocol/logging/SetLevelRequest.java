package dev.jmcp.core.protocol.logging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code logging/setLevel} (handshake era).
 *
 * @param level the minimum level to send
 * @param meta the {@code _meta} object, null when absent
 */
public record SetLevelRequest(LoggingLevel level, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code level} is required.
     *
     * @param level the minimum level to send
     * @param meta the {@code _meta} object, null when absent
     */
    public SetLevelRequest {
        Objects.requireNonNull(level, "level");
    }

    /**
     * Params for the given level.
     *
     * @param level the minimum level to send
     * @return the params of {@code logging/setLevel}
     */
    public static SetLevelRequest of(LoggingLevel level) {
        return new SetLevelRequest(level, null);
    }
}
