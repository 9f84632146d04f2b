package dev.jmcp.client;

import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;

/**
 * Samples the application's LLM for the server ({@code sampling/createMessage}). Serves a handshake-era request and
 * a 2026-07-28 {@code input_required} input request alike. The request may carry {@code tools} and
 * {@code toolChoice} only if the client declared sampling with tools; the result may then be a {@code tool_use}.
 * Runs on the client's handler executor; throw {@link dev.jmcp.core.McpRpcException} to answer with an error.
 */
@FunctionalInterface
public interface SamplingHandler {
    /**
     * Produces the model's message.
     *
     * @param request the messages and model preferences for the client's model
     * @return the model's message
     * @throws Exception any failure; the server gets a JSON-RPC error
     */
    CreateMessageResult createMessage(CreateMessageRequest request) throws Exception;
}
