package com.example.jmcp.server;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.stdio.StdioServer;

/** Runs an {@link McpServer} over stdio or on embedded Jetty. */
public final class Serving {
    private Serving() {}

    /**
     * Starts {@code server} at {@code http://host:port/mcp} (port 0 picks a free one) with stateful sessions and
     * DNS-rebinding protection (the servlet's defaults). The caller closes the result.
     */
    public static McpHttpServer http(McpServer server, String host, int port) {
        return McpHttpServer.builder(server).host(host).port(port).path("/mcp").start();
    }

    /** Serves {@code server} on stdin/stdout until the client closes stdin. */
    public static void stdio(McpServer server) {
        StdioServer.serve(server);
    }
}
