package dev.jmcp.server;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A {@code resources/read} as a handler sees it.
 *
 * @param uri the requested URI
 * @param variables the template variables matched from the URI (empty for a static resource)
 * @param meta the request's {@code _meta} (an empty object when absent)
 */
public record ResourceRequest(String uri, Map<String, String> variables, JsonNode meta) {
    /**
     * Copies the variables.
     *
     * @param uri the requested URI
     * @param variables the template variables matched from the URI (empty for a static resource)
     * @param meta the request's {@code _meta} (an empty object when absent)
     */
    public ResourceRequest {
        variables = Map.copyOf(variables);
    }
}
