package dev.jmcp.server;

import dev.jmcp.core.protocol.resources.Resource;
import java.util.Objects;

/**
 * A static resource with its handler.
 *
 * @param resource the definition listed by {@code resources/list}
 * @param handler reads it
 */
public record ServerResource(Resource resource, ResourceHandler handler) {
    /**
     * Checks both are present.
     *
     * @param resource the definition listed by {@code resources/list}
     * @param handler reads it
     */
    public ServerResource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(handler, "handler");
    }
}
