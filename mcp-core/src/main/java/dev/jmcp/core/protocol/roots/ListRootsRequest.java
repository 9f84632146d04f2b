package dev.jmcp.core.protocol.roots;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code roots/list}.
 *
 * @param meta the {@code _meta} object, null when absent
 */
public record ListRootsRequest(@JsonProperty("_meta") JsonNode meta) {
    /**
     * Params without {@code _meta}.
     *
     * @return the params
     */
    public static ListRootsRequest empty() {
        return new ListRootsRequest(null);
    }
}
