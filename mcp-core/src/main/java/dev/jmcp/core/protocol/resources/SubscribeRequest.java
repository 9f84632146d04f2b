package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code resources/subscribe} and {@code resources/unsubscribe} (handshake era).
 *
 * @param uri the resource URI
 * @param meta the {@code _meta} object, null when absent
 */
public record SubscribeRequest(String uri, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code uri} is required.
     *
     * @param uri the resource URI
     * @param meta the {@code _meta} object, null when absent
     */
    public SubscribeRequest {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * Params for the given URI.
     *
     * @param uri the resource URI
     * @return the params of {@code resources/subscribe}
     */
    public static SubscribeRequest of(String uri) {
        return new SubscribeRequest(uri, null);
    }
}
