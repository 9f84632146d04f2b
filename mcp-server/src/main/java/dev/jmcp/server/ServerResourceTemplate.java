package dev.jmcp.server;

import dev.jmcp.core.protocol.resources.ResourceTemplate;
import java.util.Objects;

/**
 * A resource template (RFC 6570) with the handler that reads the URIs it matches and an optional completion
 * handler for its variables.
 *
 * @param template the definition listed by {@code resources/templates/list}
 * @param handler reads a matched URI
 * @param completion completes variable values, or null
 */
public record ServerResourceTemplate(ResourceTemplate template, ResourceHandler handler, CompletionHandler completion) {
    /**
     * Checks the template parses and the handler is present.
     *
     * @param template the definition listed by {@code resources/templates/list}
     * @param handler reads a matched URI
     * @param completion completes variable values, or null
     */
    public ServerResourceTemplate {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
        UriTemplate.parse(template.uriTemplate());
    }

    /**
     * A template without completion.
     *
     * @param template the template
     * @param handler the handler that reads the resources whose URIs the template matches
     */
    public ServerResourceTemplate(ResourceTemplate template, ResourceHandler handler) {
        this(template, handler, null);
    }
}
