package dev.jmcp.loadtest.internal;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.McpScenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * {@code [subscribe]}: subscribers of one resource and a trigger session. Each notification a subscriber receives is
 * matched to the oldest trigger it has not yet been credited for; latency is from sending that trigger.
 */
final class SubscriptionFanOut {
    private final McpScenarioSettings.SubscribeFanOut settings;
    private final DeepClients clients;
    private final boolean stateless;
    private final Duration timeout;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Histogram latency = new Histogram(3);
    /** Send times of the counted triggers; -1 for one that failed. Guarded by {@code this}. */
    private long[] triggers = new long[64];

    private int triggerCount;
    private long triggerErrors;
    private volatile boolean counting;
    private final AtomicLong unexpected = new AtomicLong();
    private McpClient triggerClient;
    private Thread loop;
    /** Counted down to stop: a trigger in flight finishes (and is counted) first. */
    private final java.util.concurrent.CountDownLatch stopping = new java.util.concurrent.CountDownLatch(1);

    SubscriptionFanOut(
            McpScenarioSettings.SubscribeFanOut settings, DeepClients clients, boolean stateless, Duration timeout) {
        this.settings = settings;
        this.clients = clients;
        this.stateless = stateless;
        this.timeout = timeout;
    }

    /** Opens and subscribes every subscriber, warms the path up with one uncounted trigger, then starts triggering. */
    void start() {
        for (int i = 0; i < settings.sessions(); i++) {
            Subscriber s = new Subscriber();
            try {
                McpClient c = clients.open(
                        stateless,
                        !stateless,
                        b -> b.onResourceUpdated(u -> {
                            if (settings.uri().equals(u.uri())) {
                                s.notified(System.nanoTime());
                            }
                        }));
                closeables.add(c);
                if (stateless) {
                    Subscription sub = c.subscribe(SubscriptionFilter.builder()
                            .resourceSubscriptions(List.of(settings.uri()))
                            .build());
                    closeables.add(sub);
                } else {
                    c.subscribeResource(settings.uri());
                }
                subscribers.add(s);
            } catch (RuntimeException e) {
                // counted: sessions - subscribed
            }
        }
        try {
            triggerClient = clients.open(stateless, false, b -> {});
            closeables.add(triggerClient);
        } catch (RuntimeException e) {
            return;
        }
        // warm-up: one trigger, uncounted, until every subscriber saw it (their GET streams are open)
        DeepClients.trigger(triggerClient, settings.trigger(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && subscribers.stream().anyMatch(s -> s.warm == 0)) {
            if (!DeepClients.sleepUntil(System.nanoTime() + 10_000_000)) {
                return;
            }
        }
        counting = true;
        loop = DeepClients.daemon("jmcp-loadtest-subscribe-trigger", this::triggerLoop);
    }

    private void triggerLoop() {
        long next = System.nanoTime();
        while (stopping.getCount() > 0) {
            long sent = System.nanoTime();
            int index;
            synchronized (this) {
                if (triggerCount == triggers.length) {
                    triggers = java.util.Arrays.copyOf(triggers, triggers.length * 2);
                }
                index = triggerCount++;
                triggers[index] = sent;
            }
            if (!DeepClients.trigger(triggerClient, settings.trigger(), timeout).success()) {
                synchronized (this) {
                    triggers[index] = -1;
                    triggerErrors++;
                }
            }
            next += settings.interval().toNanos();
            if (!awaitStop(next)) {
                return;
            }
        }
    }

    /** Waits until {@code deadlineNanos}; false when stopping (or interrupted). */
    private boolean awaitStop(long deadlineNanos) {
        try {
            return !stopping.await(
                    Math.max(0, deadlineNanos - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops triggering, waits (up to the timeout) for the notifications still due, closes every session. */
    void stop() {
        if (loop != null) {
            stopping.countDown();
            try {
                loop.join(timeout.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && missed() > 0) {
                if (!DeepClients.sleepUntil(System.nanoTime() + 10_000_000)) {
                    break;
                }
            }
        }
        counting = false;
        closeables.forEach(DeepClients::closeQuietly);
    }

    private synchronized long okTriggers() {
        return triggerCount - triggerErrors;
    }

    private long received() {
        long n = 0;
        for (Subscriber s : subscribers) {
            n += s.received;
        }
        return n;
    }

    private long missed() {
        return Math.max(0, okTriggers() * subscribers.size() - received());
    }

    McpScenarios.Subscriptions result() {
        synchronized (latency) {
            return new McpScenarios.Subscriptions(
                    stateless ? "2026-07-28" : "handshake",
                    settings.uri(),
                    settings.sessions(),
                    subscribers.size(),
                    triggerCount,
                    triggerErrors,
                    okTriggers() * subscribers.size(),
                    received(),
                    missed(),
                    unexpected.get(),
                    latency.getTotalCount() == 0 ? Reports.emptyLatency() : Reports.latency(latency));
        }
    }

    /** Adds the latency histogram behind {@link #result()} to {@code out}. */
    void histograms(java.util.Map<String, String> out) {
        synchronized (latency) {
            EncodedHistograms.put(out, McpScenarios.SUBSCRIPTION_LATENCY, latency);
        }
    }

    /** One subscriber's matching state. */
    private final class Subscriber {
        volatile int warm;
        /** The next trigger index this subscriber expects. Guarded by the fan-out. */
        int next;

        volatile long received;

        void notified(long now) {
            if (!counting) {
                warm++;
                return;
            }
            long sent = -1;
            synchronized (SubscriptionFanOut.this) {
                while (next < triggerCount && triggers[next] < 0) {
                    next++; // a failed trigger expects nothing
                }
                if (next < triggerCount) {
                    sent = triggers[next++];
                }
            }
            if (sent < 0) {
                unexpected.incrementAndGet();
                return;
            }
            received++;
            synchronized (latency) {
                latency.recordValue(Math.max(0, (now - sent) / 1000));
            }
        }
    }
}
