package dev.jmcp.core.protocol.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code server/discover} (2026-07-28): only the request {@code _meta}, which carries the protocol
 * version, client capabilities and client info (see {@link RequestMeta}).
 *
 * @param meta the {@code _meta} object, null when absent
 */
public record DiscoverRequest(@JsonProperty("_meta") JsonNode meta) {
    /**
     * Params with the given {@code _meta} object.
     *
     * @param meta the {@code _meta} object, null when absent
     * @return the params
     */
    public static DiscoverRequest of(JsonNode meta) {
        return new DiscoverRequest(meta);
    }

    /**
     * Params whose {@code _meta} holds the given reserved keys.
     *
     * @param meta the reserved keys to write into {@code _meta}
     * @return the params
     */
    public static DiscoverRequest of(RequestMeta meta) {
        return new DiscoverRequest(meta.toMeta());
    }
}
