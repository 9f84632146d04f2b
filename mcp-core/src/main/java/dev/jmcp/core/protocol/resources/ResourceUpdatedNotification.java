package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/resources/updated}.
 *
 * @param uri the changed resource (maybe a sub-resource of the subscribed one)
 * @param meta the {@code _meta} object, null when absent
 */
public record ResourceUpdatedNotification(String uri, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code uri} is required.
     *
     * @param uri the changed resource (maybe a sub-resource of the subscribed one)
     * @param meta the {@code _meta} object, null when absent
     */
    public ResourceUpdatedNotification {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * Params for the given URI.
     *
     * @param uri the changed resource (maybe a sub-resource of the subscribed one)
     * @return the params of {@code notifications/resources/updated}
     */
    public static ResourceUpdatedNotification of(String uri) {
        return new ResourceUpdatedNotification(uri, null);
    }
}
