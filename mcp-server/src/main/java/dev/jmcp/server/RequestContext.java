package dev.jmcp.server;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.TransportMetadata;
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
 *
 * <p>Input calls have keys: the positional forms are keyed {@code input-0}, {@code input-1}... in call order, the
 * keyed forms ({@link #elicit(String, ElicitRequest)}, {@link #sample(String, CreateMessageRequest)}, {@link
 * #roots(String)}) use the handler's own name, which is what the client sees in {@code inputRequests}. A key must be
 * unique within one request. {@link #inputs()} asks several at once, in one round.
 */
public interface RequestContext {
    /**
     * The revision this request is served under.
     *
     * @return the revision this request is served under
     */
    ProtocolVersion protocolVersion();

    /**
     * The id of the server session the request arrived on.
     *
     * @return the id of the server session the request arrived on
     */
    String sessionId();

    /**
     * The JSON-RPC id of the request being served.
     *
     * @return the JSON-RPC id of the request being served
     */
    RequestId requestId();

    /**
     * The authenticated caller, if the transport authenticated one.
     *
     * @return the authenticated caller, if the transport authenticated one
     */
    Optional<AuthInfo> authInfo();

    /**
     * The client's declared capabilities (an empty object when unknown).
     *
     * @return the client's declared capabilities (an empty object when unknown)
     */
    JsonNode clientCapabilities();

    /**
     * The settings the client declared for extension {@code id} (a copy), or empty when it did not declare it: in
     * the handshake era from {@code initialize}, in the 2026-07-28 era from this request's {@code _meta} client
     * capabilities.
     *
     * @param id the extension's identifier
     * @return the settings the client declared for extension {@code id} (a copy), or empty when it did not declare it:
     *     in the handshake era from {@code initialize}, in the 2026-07-28 era from this request's {@code _meta} client
     *     capabilities
     */
    default Optional<JsonNode> clientExtension(String id) {
        JsonNode caps = clientCapabilities();
        JsonNode settings = caps == null ? null : caps.path("extensions").get(id);
        return settings != null && settings.isObject() ? Optional.of(settings.deepCopy()) : Optional.empty();
    }

    /**
     * The request's {@code _meta} object (an empty object when absent).
     *
     * @return the request's {@code _meta} object (an empty object when absent)
     */
    JsonNode meta();

    /**
     * What the transport knows about this request (transport name, remote address, headers, and the network
     * protocol it came over: {@link TransportMetadata#network()}); read-only.
     *
     * @return the transport metadata
     */
    TransportMetadata transport();

    /**
     * Sends {@code notifications/progress} when the client asked for progress. Values that do not increase are
     * dropped (the protocol requires increasing progress).
     *
     * @param progress the progress to report
     */
    void progress(Progress progress);

    /**
     * Sends {@code notifications/message} if the client's log level lets {@code level} through.
     *
     * @param level the message's level
     * @param logger the logger name the client sees
     * @param data the message: a string, or any value Jackson writes as JSON
     */
    void log(LoggingLevel level, String logger, Object data);

    /**
     * Whether the client cancelled the request, the handler timed out, or the session closed.
     *
     * @return whether the client cancelled the request, the handler timed out, or the session closed
     */
    boolean isCancelled();

    /** Throws {@link McpCancelledException} when {@link #isCancelled()}. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new McpCancelledException("request was cancelled");
        }
    }

    /**
     * Asks the transport to close the connection carrying this request's messages now (SEP-1699 polling): the
     * client resumes the stream later ({@code GET} with {@code Last-Event-ID} on Streamable HTTP) and the
     * messages sent afterwards, including the result, are replayed to it. Useful before long work so no
     * connection is held open meanwhile.
     *
     * @return false when the transport has no resumable per-request streams (stdio, in-memory, stateless HTTP)
     *     or the request is not being carried by an open stream
     */
    boolean closeStream();

    /**
     * Asks the user for input (form or URL mode) and returns the answer. A form's schema must keep to the spec's
     * restricted shapes (string {@code format} email, uri, date or date-time; number {@code type} number or
     * integer), else this throws {@link IllegalArgumentException} before anything is sent. In 2026-07-28 a URL
     * request is sent without its {@code elicitationId} (that revision removed it).
     *
     * @param request what to ask the user
     * @return the user's answer: accept (with content), decline or cancel
     */
    ElicitResult elicit(ElicitRequest request);

    /**
     * Asks the user to fill a form and checks accepted content against {@code request.requestedSchema()} (the
     * answer is returned even when it does not match: see {@link ElicitAnswer#validationErrors()}).
     *
     * @param request what to ask the user
     * @return the user's answer, its accepted content checked against the requested schema
     */
    ElicitAnswer elicitForm(FormElicitRequest request);

    /**
     * Tells the client that the URL-mode elicitation {@code elicitationId} (started by this session) is complete
     * ({@code notifications/elicitation/complete}, 2025-11-25).
     *
     * @param elicitationId the elicitation id
     * @return false when the request's revision has no such notification (before 2025-11-25, or 2026-07-28)
     */
    boolean completeUrlElicitation(String elicitationId);

    /**
     * Asks the client's model for a completion (SEP-1577: may carry tools) and returns it. An {@code includeContext}
     * other than {@code none} needs the client's {@code sampling.context} capability, else this fails before
     * anything is sent.
     *
     * @param request the messages and model preferences for the client's model
     * @return the model's message
     */
    CreateMessageResult sample(CreateMessageRequest request);

    /**
     * The client's roots.
     *
     * @return the client's roots
     */
    List<Root> roots();

    /**
     * {@link #elicit(ElicitRequest)} under the handler's own input key.
     *
     * @param key the key the answer is filed under
     * @param request what to ask the user
     * @return {@link #elicit(ElicitRequest)} under the handler's own input key
     */
    ElicitResult elicit(String key, ElicitRequest request);

    /**
     * {@link #sample(CreateMessageRequest)} under the handler's own input key.
     *
     * @param key the key the answer is filed under
     * @param request the messages and model preferences for the client's model
     * @return {@link #sample(CreateMessageRequest)} under the handler's own input key
     */
    CreateMessageResult sample(String key, CreateMessageRequest request);

    /**
     * {@link #roots()} under the handler's own input key.
     *
     * @param key the key the answer is filed under
     * @return {@link #roots()} under the handler's own input key
     */
    List<Root> roots(String key);

    /**
     * Starts a batch of keyed input requests asked in one round.
     *
     * @return a new, empty batch
     */
    InputBatch inputs();
}
