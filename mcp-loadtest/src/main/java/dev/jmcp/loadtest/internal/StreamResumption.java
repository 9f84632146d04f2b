package dev.jmcp.loadtest.internal;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.McpScenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * {@code [resumption]} (handshake era): sessions subscribe to a resource and hold their GET stream; a trigger
 * session updates the resource every interval (one {@code notifications/resources/updated} event per session each
 * time); every {@code drop_every} each stream is dropped and resumed with {@code GET} and {@code Last-Event-ID}.
 * Events are told apart by their SSE id: an id seen twice is a duplicate; triggers that reached a session no event
 * are lost events.
 */
final class StreamResumption {
    private final McpScenarioSettings.Resumption settings;
    private final DeepClients clients;
    private final Duration timeout;
    private final List<Stream> streams = new ArrayList<>();
    private final Histogram resumeLatency = new Histogram(3);
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private final AtomicLong resumeFailures = new AtomicLong();
    private final AtomicLong triggers = new AtomicLong();
    private McpClient triggerClient;
    private Thread triggerLoop;
    private Thread dropLoop;
    /** Counted down to stop: a trigger in flight finishes (and is counted) first. */
    private final java.util.concurrent.CountDownLatch stopping = new java.util.concurrent.CountDownLatch(1);

    StreamResumption(McpScenarioSettings.Resumption settings, DeepClients clients, Duration timeout) {
        this.settings = settings;
        this.clients = clients;
        this.timeout = timeout;
    }

    void start() throws InterruptedException {
        String params = "{\"uri\":" + McpJson.write(settings.uri()) + "}";
        for (int i = 0; i < settings.sessions(); i++) {
            try {
                RawSseSession s = RawSseSession.open(
                        clients.http(), clients.uri(), clients.spec().headers(), timeout);
                Stream st = new Stream(s);
                if (s.request("resources/subscribe", params) != 200) {
                    s.close();
                    continue;
                }
                st.open(null);
                streams.add(st);
            } catch (java.io.IOException e) {
                // a session that cannot open is not counted as one
            }
        }
        try {
            triggerClient = clients.open(false, false, b -> {});
        } catch (RuntimeException e) {
            return;
        }
        // warm-up: until every stream saw one event (each GET stream is open), uncounted
        DeepClients.trigger(triggerClient, settings.trigger(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && streams.stream().anyMatch(s -> s.events() == 0)) {
            Thread.sleep(10);
        }
        streams.forEach(Stream::resetCounts);
        triggerLoop = DeepClients.daemon("jmcp-loadtest-resumption-trigger", this::triggers);
        dropLoop = DeepClients.daemon("jmcp-loadtest-resumption-drop", this::drops);
    }

    private void triggers() {
        long next = System.nanoTime();
        while (stopping.getCount() > 0) {
            if (DeepClients.trigger(triggerClient, settings.trigger(), timeout).success()) {
                triggers.incrementAndGet();
            }
            next += settings.interval().toNanos();
            if (!awaitStop(next)) {
                return;
            }
        }
    }

    private void drops() {
        long next = System.nanoTime() + settings.dropEvery().toNanos();
        while (awaitStop(next)) {
            for (Stream s : streams) {
                s.dropAndResume();
            }
            next += settings.dropEvery().toNanos();
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

    void stop() {
        stopping.countDown();
        for (Thread t : new Thread[] {triggerLoop, dropLoop}) {
            if (t != null) {
                try {
                    t.join(timeout.toMillis() + 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && (lost() > 0 || streams.stream().anyMatch(s -> s.pending.get() > 0))) {
            if (!DeepClients.sleepUntil(System.nanoTime() + 10_000_000)) {
                break;
            }
        }
        for (Stream s : streams) {
            resumeFailures.addAndGet(s.pending.getAndSet(0)); // never answered
            s.session.close();
        }
        DeepClients.closeQuietly(triggerClient);
    }

    private long events() {
        return streams.stream().mapToLong(Stream::events).sum();
    }

    private long lost() {
        return Math.max(0, triggers.get() * streams.size() - events());
    }

    McpScenarios.Resumption result() {
        synchronized (resumeLatency) {
            return new McpScenarios.Resumption(
                    streams.size(),
                    drops.get(),
                    resumed.get(),
                    resumeFailures.get(),
                    resumeLatency.getTotalCount() == 0 ? Reports.emptyLatency() : Reports.latency(resumeLatency),
                    triggers.get(),
                    events(),
                    lost(),
                    streams.stream().mapToLong(s -> s.duplicates).sum());
        }
    }

    /** Adds the resumption latency histogram behind {@link #result()} to {@code out}. */
    void histograms(java.util.Map<String, String> out) {
        synchronized (resumeLatency) {
            EncodedHistograms.put(out, McpScenarios.RESUME_LATENCY, resumeLatency);
        }
    }

    /** One session's GET stream: the event ids it saw. */
    private final class Stream {
        final RawSseSession session;
        private final Set<String> ids = new HashSet<>();
        private volatile String lastId;
        /** Resumptions sent and not yet answered. */
        private final java.util.concurrent.atomic.AtomicInteger pending =
                new java.util.concurrent.atomic.AtomicInteger();

        long duplicates;
        private long counted;
        /** Which open of the stream counts events: a drop moves it on. */
        private int generation;

        Stream(RawSseSession session) {
            this.session = session;
        }

        /** Opens the stream; its events count only while no later drop has started (see {@link #dropAndResume}). */
        void open(String lastEventId) {
            int opened;
            synchronized (this) {
                opened = generation;
            }
            session.openStream(lastEventId, new RawSseSession.Listener() {
                @Override
                public void opened(int status, long nanos) {
                    Stream.this.opened(status, nanos);
                }

                @Override
                public void event(String id, String data) {
                    Stream.this.event(opened, id, data);
                }

                @Override
                public void ended(boolean byServer) {
                    // a stream the server ended is resumed by the next drop
                }
            });
        }

        synchronized long events() {
            return counted;
        }

        synchronized void resetCounts() {
            counted = 0;
            duplicates = 0;
        }

        /**
         * Drops the stream and resumes after the last event counted. The generation moves on first, under the lock
         * that counts events: an event the dropped stream still delivers afterwards is not counted, the resumption
         * replays it (else an event arriving between reading the last id and the drop came twice).
         */
        void dropAndResume() {
            String last;
            synchronized (this) {
                generation++;
                last = lastId;
            }
            session.dropStream();
            drops.incrementAndGet();
            pending.incrementAndGet();
            open(last);
        }

        private void opened(int status, long nanos) {
            if (pending.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                return; // the first open, not a resumption
            }
            if (status == 200) {
                resumed.incrementAndGet();
                synchronized (resumeLatency) {
                    resumeLatency.recordValue(Math.max(0, nanos / 1000));
                }
            } else {
                resumeFailures.incrementAndGet();
            }
        }

        private void event(int streamGeneration, String id, String data) {
            if (!data.contains("notifications/resources/updated")) {
                return;
            }
            synchronized (this) {
                if (streamGeneration != generation) {
                    return; // from a stream dropped since: the resumption replays it
                }
                if (id != null) {
                    lastId = id;
                    if (!ids.add(id)) {
                        duplicates++;
                        return;
                    }
                }
                counted++;
            }
        }
    }
}
