package dev.jmcp.server.internal;

import dev.jmcp.server.ServerInterceptor;

/**
 * A {@link ServerInterceptor} of jmcp's own that never blocks and runs no application code (the MCP Apps filter).
 * It does not count as an interceptor that may block: {@code ping} is still answered on the thread that delivered
 * it (a user's interceptor, which may block, sends ping to a handler thread like any request).
 */
interface NonBlockingInterceptor extends ServerInterceptor {}
