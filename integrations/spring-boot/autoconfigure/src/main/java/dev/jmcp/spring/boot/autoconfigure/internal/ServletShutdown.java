package dev.jmcp.spring.boot.autoconfigure.internal;

import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.util.Objects;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the servlet's sessions and streams just before the web server's graceful shutdown. Without it, every
 * open event stream (a client's GET stream lives as long as its session) counts as an active request and holds the
 * shutdown for its whole timeout (30 s by default). Clients see the session end and may reconnect elsewhere.
 */
public final class ServletShutdown implements SmartLifecycle {
    private final McpHttpServlet servlet;
    private volatile boolean running;

    /** Shuts {@code servlet} down with the context. */
    public ServletShutdown(McpHttpServlet servlet) {
        this.servlet = Objects.requireNonNull(servlet, "servlet");
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        servlet.closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops right before the graceful shutdown of the web server (higher phases stop first). */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }
}
