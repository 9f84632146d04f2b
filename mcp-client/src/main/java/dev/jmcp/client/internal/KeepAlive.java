package dev.jmcp.client.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings the server every {@code interval} while a handshake-era connection is open (2026-07-28 has no
 * {@code ping}). The server must answer within {@code timeout}; an answer of any kind, an error included, shows it
 * is alive. A missed ping (no answer in time, or the request could not be sent) closes the connection with an
 * error that says so, which fails every pending call. A ping that finds the session expired asks for a new
 * session instead.
 */
final class KeepAlive {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

    private final McpSession session;
    private final Duration interval;
    private final RequestOptions options;
    private final Consumer<Throwable> onSessionExpired;
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    KeepAlive(McpSession session, Duration interval, Duration timeout, Consumer<Throwable> onSessionExpired) {
        this.session = session;
        this.interval = interval;
        this.options = RequestOptions.builder()
                .timeout(timeout)
                .maxTotalTimeout(timeout)
                .build();
        this.onSessionExpired = onSessionExpired;
    }

    void start() {
        schedule();
    }

    void stop() {
        stopped = true;
        ScheduledFuture<?> n = next;
        if (n != null) {
            n.cancel(false);
        }
    }

    private void schedule() {
        if (!stopped && session.isOpen()) {
            next = Timers.schedule(this::ping, interval.toNanos());
        }
    }

    private void ping() {
        if (stopped || !session.isOpen()) {
            return;
        }
        session.request(McpMethods.PING, null, options).whenComplete((ok, err) -> {
            if (err == null) {
                schedule();
                return;
            }
            McpException e = ClientRuntime.unwrap(err);
            if (e instanceof McpRpcException) {
                schedule(); // an error answer is still an answer
            } else if (ClientRuntime.isSessionExpired(e)) {
                onSessionExpired.accept(e);
                schedule();
            } else if (!stopped && session.isOpen()) {
                LOG.warn("keep-alive ping failed ({}); closing the connection", e.getMessage());
                session.close(
                        new McpTransportException("the server missed a keep-alive ping (" + e.getMessage() + ")", e));
            }
        });
    }
}
