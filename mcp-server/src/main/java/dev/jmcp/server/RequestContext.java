package dev.jmcp.server;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.transport.AuthInfo;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a handler can do while it serves one request: report progress, log, notice cancellation, and ask the user
 * or the client for input.
 *
 * <p>{@link #elicit}, {@link #sample} and {@link #roots} work in both eras. In a handshake-era session they send a
 * request to the client and wait for its answer (the client must have declared the capability, else they throw
 * {@link dev.jmcp.core.McpException} with a clear message). In a 2026-07-28 request the server answers
 * {@code input_required} and the client's retry runs the handler again from the start, with each input call
 * returning the answer recorded for it: keep handlers deterministic up to their last input call, and do side
 * effects after it.
 */
public interface RequestContext {
    /** The revision this request is served under. */
    ProtocolVersion protocolVersion();

    /** The id of the server session the request arrived on. */
    String sessionId();

    /**
     * The JSON-RPC id of the request being served, e.g. to close its HTTP stream early with
     * {@code HttpStreamControl.closeRequestStream} (SEP-1699 polling).
     */
    RequestId requestId();

    /** The authenticated caller, if the transport authenticated one. */
    Optional<AuthInfo> authInfo();

    /** The client's declared capabilities (an empty object when unknown). */
    JsonNode clientCapabilities();

    /** The request's {@code _meta} object (an empty object when absent). */
    JsonNode meta();

    /**
     * Sends {@code notifications/progress} when the client asked for progress. Values that do not increase are
     * dropped (the protocol requires increasing progress).
     */
    void progress(double progress, Double total, String message);

    /** Sends {@code notifications/message} if the client's log level lets {@code level} through. */
    void log(LoggingLevel level, String logger, Object data);

    /** Whether the client cancelled the request, the handler timed out, or the session closed. */
    boolean isCancelled();

    /** Throws {@link McpCancelledException} when {@link #isCancelled()}. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new McpCancelledException("request was cancelled");
        }
    }

    /** Asks the user for input (form or URL mode) and returns the answer. */
    ElicitResult elicit(ElicitRequest request);

    /** Asks the client's model for a completion (SEP-1577: may carry tools) and returns it. */
    CreateMessageResult sample(CreateMessageRequest request);

    /** The client's roots. */
    List<Root> roots();
}
