package dev.jmcp.client.internal;

import tools.jackson.databind.JsonNode;

/**
 * Answers one kind of server-to-client request ({@code roots/list}, {@code sampling/createMessage},
 * {@code elicitation/create}) from its params. The same handler serves a handshake-era request and a 2026-07-28
 * {@code input_required} input request.
 */
@FunctionalInterface
public interface InputHandler {
    /** Returns the result object for the request's params. */
    JsonNode answer(JsonNode params) throws Exception;
}
