package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/elicitation/complete} (2025-11-25).
 *
 * @param elicitationId the completed URL elicitation
 * @param meta the {@code _meta} object, null when absent
 */
public record ElicitationCompleteNotification(String elicitationId, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code elicitationId} is required.
     *
     * @param elicitationId the completed URL elicitation
     * @param meta the {@code _meta} object, null when absent
     */
    public ElicitationCompleteNotification {
        Objects.requireNonNull(elicitationId, "elicitationId");
    }

    /**
     * Params for the given elicitation.
     *
     * @param elicitationId the completed URL elicitation
     * @return the params of {@code notifications/elicitation/complete}
     */
    public static ElicitationCompleteNotification of(String elicitationId) {
        return new ElicitationCompleteNotification(elicitationId, null);
    }
}
