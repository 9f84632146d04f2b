package dev.jmcp.loadtest.target;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty on 127.0.0.1 serving {@link TestServers#server()} over HTTP/1.1 and h2c (upgrade and prior
 * knowledge), counting the TCP connections it accepted and those that spoke HTTP/2.
 */
final class ConnectionCountingServer implements AutoCloseable {
    private final McpServer mcp = TestServers.server();
    private final Server jetty = new Server();
    private final ServerConnector connector;
    private final Set<EndPoint> connections = ConcurrentHashMap.newKeySet();
    private final Set<EndPoint> http2 = ConcurrentHashMap.newKeySet();

    ConnectionCountingServer() throws Exception {
        HttpConfiguration config = new HttpConfiguration();
        connector = new ServerConnector(
                jetty, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connections.add(connection.getEndPoint());
                if (connection.getClass().getSimpleName().startsWith("HTTP2")) {
                    http2.add(connection.getEndPoint());
                }
            }
        });
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder =
                new ServletHolder("mcp", McpHttpServlet.builder(mcp).build());
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        jetty.setHandler(context);
        jetty.setStopTimeout(0);
        jetty.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
    }

    /** TCP connections accepted so far. */
    int connections() {
        return connections.size();
    }

    /** Connections that were upgraded to (or started as) HTTP/2. */
    int http2Connections() {
        return http2.size();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        mcp.close();
    }
}
