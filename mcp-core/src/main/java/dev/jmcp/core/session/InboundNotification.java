package dev.jmcp.core.session;

import dev.jmcp.core.transport.InboundContext;
import tools.jackson.databind.JsonNode;

/**
 * An inbound notification.
 *
 * @param method the notification method, e.g. {@code notifications/initialized}
 * @param params the params, or null
 * @param context what the transport knows about the message
 */
public record InboundNotification(String method, JsonNode params, InboundContext context) {}
