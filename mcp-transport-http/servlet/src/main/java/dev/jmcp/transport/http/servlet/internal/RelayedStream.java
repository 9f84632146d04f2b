package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.transport.http.servlet.EventStore;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request stream (the SSE answer of one POST) that another instance serves, resumed here with {@code
 * Last-Event-ID} (issue #18). The stored events after it are written first, then each time the serving instance
 * publishes one on {@code mcp:stream:<session>:<stream>} the store is read again after the last event written (off
 * the bus thread, in sequence order, so an event written into the client's dead connection there is not missed), until
 * the answer (a JSON-RPC response) has been written. The serving instance publishes {@code alive} on the channel at
 * each keep-alive while the request runs without a connection; when nothing is heard for three keep-alive intervals
 * (it stopped), the stored events are written and the stream ends with a comment saying so, rather than hang.
 */
final class RelayedStream {
    private static final Logger LOG = LoggerFactory.getLogger(RelayedStream.class);
    /** The serving instance's heartbeat frame on the stream's channel. */
    static final String ALIVE = "alive";

    private final String streamId;
    private final StreamJournal journal;
    private final Cluster cluster;
    private final JsonRpcCodec codec;
    private final AsyncWriter writer;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final MessageBus.Subscription subscription;
    private long sequence;
    private boolean ended;
    private volatile long lastHeardNanos = System.nanoTime();

    private RelayedStream(
            String sessionId,
            String streamId,
            long afterSequence,
            StreamJournal journal,
            Cluster cluster,
            JsonRpcCodec codec,
            AsyncWriter writer) {
        this.streamId = streamId;
        this.journal = journal;
        this.cluster = cluster;
        this.codec = codec;
        this.writer = writer;
        this.sequence = afterSequence;
        this.subscription = cluster.bus().subscribe(Cluster.streamChannel(sessionId, streamId), this::onFrame);
    }

    /**
     * Starts relaying stream {@code lastEventId} names onto {@code writer}: subscribes (before reading the store, so
     * nothing published meanwhile is missed), answers 200 and writes the stored events after it. Returns null after
     * answering 410 when the store evicted some of them.
     */
    static RelayedStream start(
            String sessionId,
            String lastEventId,
            StreamJournal journal,
            Cluster cluster,
            JsonRpcCodec codec,
            AsyncWriter writer) {
        RelayedStream relay = new RelayedStream(
                sessionId,
                EventStore.streamIdOf(lastEventId),
                EventStore.sequenceOf(lastEventId),
                journal,
                cluster,
                codec,
                writer);
        EventStore.Replay first = journal.storedAfter(lastEventId);
        if (!first.complete()) {
            relay.subscription.close();
            return null;
        }
        writer.onClosed((w, clean) -> relay.end(null));
        journal.begin(writer);
        relay.write(first);
        return relay;
    }

    private void onFrame(byte[] frame) {
        lastHeardNanos = System.nanoTime();
        if (new String(frame, StandardCharsets.UTF_8).startsWith(ALIVE)) {
            return;
        }
        if (scheduled.compareAndSet(false, true)) {
            cluster.catchUp(this::catchUp);
        }
    }

    private void catchUp() {
        scheduled.set(false);
        try {
            write(journal.storedAfter(streamId + "_" + sequence()));
        } catch (RuntimeException e) {
            LOG.warn("reading a relayed stream's events from the store failed", e);
        }
    }

    private synchronized long sequence() {
        return sequence;
    }

    /** Writes the events of {@code replay} not written yet; ends once the answer was written. */
    private void write(EventStore.Replay replay) {
        boolean answered = false;
        synchronized (this) {
            if (ended) {
                return;
            }
            for (EventStore.StoredEvent e : replay.events()) {
                long seq = EventStore.sequenceOf(e.id());
                if (seq <= sequence) {
                    continue;
                }
                sequence = seq;
                if (!e.message().isEmpty()) {
                    writer.write(SseFormat.message(e.id(), e.message()));
                    answered |= isAnswer(e.message());
                }
            }
        }
        if (answered) {
            end(null);
        }
    }

    private boolean isAnswer(String message) {
        try {
            JsonRpcMessage m = codec.decode(message);
            return m instanceof JsonRpcResponse || m instanceof JsonRpcErrorResponse;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Keep-alive: when the serving instance has not been heard of for {@code limitNanos}, the stored events are
     * written and the stream ends. Returns whether the relay has ended.
     */
    boolean checkIdle(long nowNanos, long limitNanos) {
        synchronized (this) {
            if (ended) {
                return true;
            }
        }
        if (nowNanos - lastHeardNanos > limitNanos) {
            catchUp();
            end(": the instance serving this request stopped; its stored events were sent\n\n");
            return true;
        }
        return false;
    }

    /** Ends the relay (once), writing {@code comment} (an SSE comment) first when given. */
    void end(String comment) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        subscription.close();
        if (comment != null) {
            writer.write(comment.getBytes(StandardCharsets.UTF_8));
        }
        writer.complete();
    }
}
