package dev.jmcp.transport.http.servlet;

import dev.jmcp.core.transport.RequestStreamControl;

/**
 * The servlet transport's stream control: the core {@link RequestStreamControl} (close one request's SSE
 * connection before its result, SEP-1699 polling) plus the standalone GET stream.
 *
 * @deprecated use the core {@link RequestStreamControl} ({@code transport instanceof RequestStreamControl}), or
 *     from an {@code McpServer} handler simply {@code RequestContext.closeStream()}; this twin stays only until
 *     its last callers move.
 */
@Deprecated
public interface HttpStreamControl extends RequestStreamControl {

    /** Closes the connection of the standalone GET stream, if one is open; the client reconnects. */
    boolean closeStandaloneStream();
}
