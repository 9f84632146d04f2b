package dev.jmcp.client.internal;

import dev.jmcp.core.protocol.mrtr.InputResponse;
import tools.jackson.databind.JsonNode;

/**
 * Answers one kind of server-to-client request ({@code roots/list}, {@code sampling/createMessage},
 * {@code elicitation/create}) from its params. The same handler serves a handshake-era request and a 2026-07-28
 * {@code input_required} input request; on the wire its answer is the bare result either way.
 */
@FunctionalInterface
public interface InputHandler {
    /** Returns the result for the request's params; never null. */
    InputResponse answer(JsonNode params) throws Exception;
}
