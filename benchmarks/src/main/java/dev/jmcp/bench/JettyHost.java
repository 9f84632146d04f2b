package dev.jmcp.bench;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one Jetty 12 (ee10) set-up every benchmark server uses: 127.0.0.1, a {@link QueuedThreadPool} of at most
 * 200 threads (Jetty's default), one servlet with async support on {@code /mcp}.
 */
final class JettyHost {
    private JettyHost() {}

    /** Starts Jetty with {@code servlet} on {@code /mcp}, prints {@code READY <port> <label>} and blocks forever. */
    static void serve(String label, int port, HttpServlet servlet) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("bench-jetty");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("mcp", servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        server.setHandler(context);
        server.setStopTimeout(0);
        server.start();
        System.out.println("READY " + connector.getLocalPort() + " " + label + " pid="
                + ProcessHandle.current().pid() + " java=" + System.getProperty("java.version") + " "
                + System.getProperty("java.vm.name"));
        System.out.flush();
        server.join();
    }

    /** Parses {@code args[0]} as the port (default 18080). */
    static int port(String[] args) {
        return args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    }

    /** {@code args[1]}, the mode ({@code session} or {@code stateless}); default {@code session}. */
    static String mode(String[] args) {
        String mode = args.length > 1 ? args[1] : "session";
        if (!mode.equals("session") && !mode.equals("stateless")) {
            throw new IllegalArgumentException("mode must be session or stateless: " + mode);
        }
        return mode;
    }
}
