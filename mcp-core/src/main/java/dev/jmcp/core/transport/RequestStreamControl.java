package dev.jmcp.core.transport;

import dev.jmcp.core.jsonrpc.RequestId;

/**
 * Optionally implemented by a server-side {@link Transport} whose requests have their own resumable streams
 * (Streamable HTTP, SEP-1699 polling): closes the connection carrying one request's messages before its answer.
 * The stream itself lives on: messages sent afterwards are kept and replayed when the client resumes it (HTTP:
 * {@code GET} with {@code Last-Event-ID}).
 */
public interface RequestStreamControl {
    /**
     * Closes the connection currently carrying the messages of {@code requestId}, after writing what is queued.
     *
     * @param requestId the id of the request whose stream to close
     * @return false when there is no such open stream or the transport cannot resume streams
     */
    boolean closeRequestStream(RequestId requestId);

    /**
     * The peer cancelled {@code requestId}, so it gets no answer: the stream carrying it ends once it awaits nothing
     * else. The default does nothing (transports whose streams do not wait for answers).
     *
     * @param requestId the id of the cancelled inbound request
     */
    default void requestAbandoned(RequestId requestId) {}
}
