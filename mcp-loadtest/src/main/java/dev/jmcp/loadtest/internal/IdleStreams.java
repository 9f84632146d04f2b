package dev.jmcp.loadtest.internal;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code [idle_streams]}: sessions that hold an idle stream while the load runs. Handshake era: the standalone GET
 * stream at the wire level ({@link RawSseSession}); 2026-07-28: {@code subscriptions/listen} for list changes.
 * Counts the streams opened, failed, ended by the server, and open at the end. An execution segment holds its share
 * of the sessions: those whose index {@code k} it owns ({@code k mod n = i - 1}).
 */
final class IdleStreams {
    private final int sessions;
    private final DeepClients clients;
    private final boolean stateless;
    private final Duration timeout;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final List<RawSseSession> raw = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile boolean stopping;
    private long startNanos;
    private double heldSeconds;

    IdleStreams(
            McpScenarioSettings.IdleStreams settings,
            Segment segment,
            DeepClients clients,
            boolean stateless,
            Duration timeout) {
        this.sessions = (int) segment.share(settings.sessions());
        this.clients = clients;
        this.stateless = stateless;
        this.timeout = timeout;
    }

    /** Opens every stream (waiting up to the timeout for each to be answered). */
    void start() throws InterruptedException {
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            if (stateless) {
                openListen();
            } else {
                answers.add(openGet());
            }
        }
        for (CompletableFuture<?> a : answers) {
            try {
                a.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted by the listener (or not answered in time: neither opened nor failed yet)
            }
        }
        startNanos = System.nanoTime();
    }

    private void openListen() {
        try {
            McpClient c = clients.open(true, false, b -> {});
            closeables.add(c);
            Subscription s = c.subscribe(
                    SubscriptionFilter.builder().toolsListChanged(true).build());
            closeables.add(s);
            opened.incrementAndGet();
            s.closeFuture().whenComplete((v, e) -> {
                if (!stopping) {
                    closedByServer.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    private CompletableFuture<?> openGet() throws InterruptedException {
        RawSseSession s;
        try {
            s = RawSseSession.open(clients.http(), clients.uri(), clients.spec().headers(), timeout);
        } catch (java.io.IOException e) {
            failed.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        synchronized (raw) {
            raw.add(s);
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        boolean[] ok = new boolean[1];
        s.openStream(
                null,
                RawSseSession.idle(
                        status -> {
                            ok[0] = status == 200;
                            (ok[0] ? opened : failed).incrementAndGet();
                            answered.complete(null);
                        },
                        byServer -> {
                            answered.complete(null);
                            if (byServer && ok[0] && !stopping) {
                                closedByServer.incrementAndGet();
                            }
                        }));
        return answered;
    }

    /** Ends every stream and session. */
    void stop() {
        stopping = true;
        heldSeconds = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        synchronized (raw) {
            raw.forEach(RawSseSession::close);
        }
        closeables.forEach(DeepClients::closeQuietly);
    }

    McpScenarios.IdleStreams result() {
        return new McpScenarios.IdleStreams(
                stateless ? "subscriptions/listen" : "get",
                sessions,
                opened.get(),
                failed.get(),
                closedByServer.get(),
                Math.max(0, opened.get() - closedByServer.get()),
                Reports.round(heldSeconds));
    }
}
