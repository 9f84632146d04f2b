package dev.jmcp.transport.http.servlet;

import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.RequestStreamControl;

/**
 * Implemented by the server-side HTTP transport (reach it with {@code session.transport()}): lets a handler
 * close the SSE connection of a request before the result (SEP-1699 polling). The stream itself lives on; its
 * later events are kept and the client resumes with {@code GET} and {@code Last-Event-ID} after the
 * {@code retry} delay.
 */
public interface HttpStreamControl extends RequestStreamControl {

    /**
     * Closes the connection currently carrying the stream of {@code requestId}, after writing what is queued.
     *
     * @return false when there is no such open stream or the transport cannot resume streams (stateless)
     */
    @Override
    boolean closeRequestStream(RequestId requestId);

    /** Closes the connection of the standalone GET stream, if one is open; the client reconnects. */
    boolean closeStandaloneStream();
}
