package dev.jmcp.loadtest.internal;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.Segment;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.transport.http.client.McpSessionExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code [idle_expiry]}: sessions that make a request, stay idle for the configured time and make it again, for the
 * whole run. The client re-initialises a session the server expired (404) and retries; those re-initialisations,
 * and 404s it could not recover from, are counted apart from errors. An execution segment holds its share of the
 * sessions: those whose index {@code k} it owns ({@code k mod n = i - 1}).
 */
final class IdleExpiryChurn {
    private final McpScenarioSettings.IdleExpiry settings;
    private final DeepClients clients;
    private final Duration timeout;
    private final Segment segment;
    private final List<McpClient> sessions = new ArrayList<>();
    private final List<Thread> loops = new ArrayList<>();
    private final AtomicLong reuses = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong unrecovered = new AtomicLong();
    private final AtomicLong reinitialised = new AtomicLong();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    /** Counted down to stop: a request in flight finishes (and is counted) before its loop ends. */
    private final java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);

    IdleExpiryChurn(McpScenarioSettings.IdleExpiry settings, Segment segment, DeepClients clients, Duration timeout) {
        this.settings = settings;
        this.segment = segment;
        this.clients = clients;
        this.timeout = timeout;
    }

    void start() {
        for (int i = 0; i < settings.sessions(); i++) {
            if (!segment.owns(i)) {
                continue;
            }
            McpClient c;
            AtomicLong reconnects = new AtomicLong();
            try {
                c = clients.open(false, false, b -> b.onReconnected(s -> reconnects.incrementAndGet()));
            } catch (RuntimeException e) {
                errors.computeIfAbsent("connection", k -> new LongAdder()).increment();
                continue;
            }
            sessions.add(c);
            loops.add(DeepClients.daemon("jmcp-loadtest-idle-expiry-" + i, () -> loop(c, reconnects)));
        }
    }

    private void loop(McpClient c, AtomicLong reconnects) {
        request(c, false);
        try {
            while (!stop.await(settings.idle().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                long before = reconnects.get();
                request(c, true);
                // the client tells its reconnect listeners before it retries the request on the new session
                reinitialised.addAndGet(reconnects.get() - before);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void request(McpClient c, boolean reuse) {
        CallOptions options =
                CallOptions.builder().timeout(timeout).totalTimeout(timeout).build();
        StepOutcome outcome;
        try {
            if (settings.tool() != null) {
                var r = c.callTool(
                        settings.tool(),
                        settings.arguments() == null ? McpJson.object() : settings.arguments(),
                        options);
                outcome = Boolean.TRUE.equals(r.isError()) ? StepOutcome.toolError(null) : StepOutcome.success(null);
            } else {
                c.request("ping", null, options);
                outcome = StepOutcome.success(null);
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopping
            }
            if (expired(e)) {
                if (reuse) {
                    reuses.incrementAndGet();
                    unrecovered.incrementAndGet();
                }
                return;
            }
            outcome = McpOutcomes.classify(e);
        }
        if (!reuse) {
            return;
        }
        reuses.incrementAndGet();
        if (outcome.success()) {
            succeeded.incrementAndGet();
        } else {
            errors.computeIfAbsent(outcome.errorClass(), k -> new LongAdder()).increment();
        }
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof McpSessionExpiredException) {
                return true;
            }
        }
        return false;
    }

    void stop() {
        stop.countDown();
        for (Thread t : loops) {
            try {
                t.join(timeout.toMillis() * 2 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sessions.forEach(DeepClients::closeQuietly);
    }

    McpScenarios.IdleExpiry result() {
        Map<String, Long> byClass = new TreeMap<>();
        errors.forEach((k, v) -> byClass.put(k, v.sum()));
        long errorCount = byClass.values().stream().mapToLong(Long::longValue).sum();
        return new McpScenarios.IdleExpiry(
                (int) segment.share(settings.sessions()),
                Reports.round(settings.idle().toMillis() / 1000.0),
                reuses.get(),
                succeeded.get(),
                reinitialised.get() + unrecovered.get(),
                reinitialised.get(),
                errorCount,
                byClass);
    }
}
