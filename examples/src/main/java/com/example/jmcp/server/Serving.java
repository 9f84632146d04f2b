package com.example.jmcp.server;

import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerSession;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.HttpStreamControl;
import dev.jmcp.transport.stdio.StdioServer;

/** Runs an {@link McpServer} over stdio or on embedded Jetty. */
public final class Serving {
    private Serving() {}

    /** The adapter the HTTP module needs: one session per connection, stateless exchanges for 2026-07-28. */
    public static ServerConnector connector(McpServer server) {
        return new ServerConnector() {
            @Override
            public ServerConnection connect(Transport transport) {
                ServerSession session = server.connect(transport);
                if (transport instanceof HttpStreamControl) {
                    SessionStreams.register(session.id(), (HttpStreamControl) transport);
                    session.closeFuture().whenComplete((v, e) -> SessionStreams.unregister(session.id()));
                }
                return session;
            }

            @Override
            public ServerConnection connectStateless(Transport transport) {
                return server.connectStateless(transport);
            }
        };
    }

    /**
     * Starts {@code server} at {@code http://host:port/mcp} (port 0 picks a free one) with stateful sessions and
     * DNS-rebinding protection (the servlet's defaults). The caller closes the result.
     */
    public static McpHttpServer http(McpServer server, String host, int port) {
        return McpHttpServer.builder(connector(server))
                .host(host)
                .port(port)
                .path("/mcp")
                .start();
    }

    /** Serves {@code server} on stdin/stdout until the client closes stdin. */
    public static void stdio(McpServer server) {
        StdioServer.serve(server);
    }
}
