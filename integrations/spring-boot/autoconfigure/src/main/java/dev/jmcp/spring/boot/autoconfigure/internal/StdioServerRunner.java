package dev.jmcp.spring.boot.autoconfigure.internal;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.stdio.StdioServer;
import dev.jmcp.transport.stdio.StdioServerTransport;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Serves the server on this process's stdin and stdout once the application context has started, on a
 * (non-daemon) thread of its own so the process lives as long as the client keeps stdin open. When stdin ends the
 * context is closed; when the context closes first, the transport is closed.
 */
public final class StdioServerRunner implements SmartLifecycle {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final McpServer server;
    private final ConfigurableApplicationContext context;
    private volatile StdioServerTransport transport;
    private volatile Thread thread;
    private volatile boolean stopping;

    /** A runner for {@code server}, closing {@code context} when the client goes away. */
    public StdioServerRunner(McpServer server, ConfigurableApplicationContext context) {
        this.server = Objects.requireNonNull(server, "server");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        transport = StdioServerTransport.ofSystemStreams();
        Thread t = new Thread(this::serve, "jmcp-stdio-server");
        t.setDaemon(false);
        thread = t;
        t.start();
    }

    private void serve() {
        StdioServer.serve(server, transport);
        if (!stopping && context.isActive()) {
            context.close(); // the client closed stdin: the application is done
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) {
                return;
            }
            stopping = true;
            thread = null;
        }
        transport.close();
        if (t != Thread.currentThread()) {
            try {
                t.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
