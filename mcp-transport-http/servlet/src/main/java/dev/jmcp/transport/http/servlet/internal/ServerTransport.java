package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.RequestStreamControl;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.servlet.EventStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one handshake-era Streamable HTTP session (stateless POSTs get a {@link
 * StatelessExchange}). Each POST that carries
 * requests opens a {@link ResponseStream}; outbound messages go to the stream of the request they relate to,
 * others to the standalone GET stream. With an event store every SSE event gets an id and is kept ({@link
 * StreamJournal}), so a dropped connection can be resumed with {@code GET} + {@code Last-Event-ID}.
 *
 * <p>The negotiated revision comes from the session ({@link #setProtocolVersion}); the transport never reads
 * message content. A 2026-07-28 request whose stream the client closes is reported to the session with {@link
 * TransportListener#onRequestCancelled}.
 */
public final class ServerTransport implements Transport, RequestStreamControl {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTransport.class);
    /** The id of the standalone (GET) stream. */
    public static final String STANDALONE = "0";

    private static final int MAX_FINISHED_STREAMS = 128;

    private final String sessionId;
    private final StreamSettings settings;
    private final StreamJournal journal;
    private final String principal;
    private final Object lock = new Object();
    private final Map<RequestId, ResponseStream> byRequest = new HashMap<>();
    private final LinkedHashMap<String, ResponseStream> byId = new LinkedHashMap<>();
    private final ResponseStream standalone;
    private final ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private final FinishedStreams finished = new FinishedStreams(MAX_FINISHED_STREAMS);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SessionInbox inbox;
    private volatile ProtocolVersion version;
    private volatile long lastActivityNanos = System.nanoTime();
    private long streamCounter;

    private ServerTransport(String sessionId, StreamSettings settings, String principal) {
        this.sessionId = sessionId;
        this.settings = settings;
        this.journal = new StreamJournal(sessionId, settings, () -> version);
        this.principal = principal;
        this.inbox = new SessionInbox(sessionId);
        this.standalone = ResponseStream.standalone(STANDALONE);
        byId.put(STANDALONE, standalone);
    }

    /** A transport for a handshake-era session. */
    public static ServerTransport forSession(String sessionId, StreamSettings settings, String principal) {
        return new ServerTransport(sessionId, settings, principal);
    }

    /** The session id. */
    public String sessionId() {
        return sessionId;
    }

    /** The principal that created the session, or null. */
    public String principal() {
        return principal;
    }

    /** Runs {@code hook} once when the transport closes (e.g. to leave the session registry). */
    public void onClosed(Runnable hook) {
        inbox.onClosed(hook);
    }

    /** The negotiated revision, once the session told it. */
    public ProtocolVersion protocolVersion() {
        return version;
    }

    /** When the session last saw a request. */
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** Whether no connection is attached to any stream. */
    public boolean isIdle() {
        synchronized (lock) {
            for (ResponseStream s : byId.values()) {
                if (s.writer != null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether the transport was closed. */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void start(TransportListener listener) {
        inbox.start(listener);
    }

    /** Takes the messages of one POST. When they include requests, {@code writer} carries their stream. */
    public void acceptPost(List<JsonRpcMessage> messages, InboundContext context, AsyncWriter writer, StreamMode mode) {
        lastActivityNanos = System.nanoTime();
        if (writer != null) {
            synchronized (lock) {
                ResponseStream stream = ResponseStream.forSessionPost(nextStreamId(), mode);
                ResponseStream.watch(writer, stream, lock, w -> onConnectionLost(stream, w));
                stream.writer = writer;
                for (JsonRpcMessage m : messages) {
                    if (m instanceof JsonRpcRequest r) {
                        stream.awaiting.add(r.id());
                        byRequest.put(r.id(), stream);
                    }
                }
                byId.put(stream.id, stream);
            }
        }
        inbox.deliver(messages, context);
    }

    /** Attaches a GET connection to the standalone stream, replacing any previous one. */
    public void attachStandalone(AsyncWriter writer) {
        lastActivityNanos = System.nanoTime();
        AsyncWriter previous;
        ResponseStream.watch(writer, standalone, lock, w -> onConnectionLost(standalone, w));
        synchronized (lock) {
            previous = standalone.writer;
            standalone.writer = writer;
            journal.begin(writer);
            while (!backlog.isEmpty()) {
                writer.write(backlog.pollFirst());
            }
        }
        if (previous != null) {
            previous.abort();
        }
    }

    /**
     * Resumes the stream named by {@code lastEventId} on a new GET connection: replays what came after it, then
     * goes on live, or ends at once when the stream already finished.
     *
     * @return false when the event id names no stream of this session
     */
    public boolean resume(String lastEventId, AsyncWriter writer) {
        lastActivityNanos = System.nanoTime();
        String streamId = EventStore.streamIdOf(lastEventId);
        if (!journal.isResumable() || streamId == null) {
            return false;
        }
        AsyncWriter previous;
        synchronized (lock) {
            ResponseStream stream = byId.get(streamId);
            if (stream == null) {
                if (!wasFinished(streamId)) {
                    return false;
                }
                journal.replayAfter(lastEventId, writer);
                writer.complete();
                return true;
            }
            ResponseStream.watch(writer, stream, lock, w -> onConnectionLost(stream, w));
            previous = stream.writer;
            stream.writer = null;
            stream.sse = true;
            journal.replayAfter(lastEventId, writer);
            if (stream == standalone) {
                backlog.clear();
            }
            if (stream.finished) {
                writer.complete();
            } else {
                stream.writer = writer;
            }
        }
        if (previous != null) {
            previous.abort();
        }
        return true;
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("HTTP session is closed"));
        }
        byte[] json;
        try {
            json = settings.codec().encode(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        RequestId answered = message.answeredId();
        RequestId related = context == null ? null : context.relatedRequestId();
        if (related == null) {
            related = answered;
        }
        synchronized (lock) {
            ResponseStream stream = related == null ? null : byRequest.get(related);
            if (stream == null) {
                if (answered != null) {
                    LOG.debug("dropping response to {}: its stream is gone", answered);
                    return CompletableFuture.completedFuture(null);
                }
                stream = standalone;
            }
            if (stream == standalone) {
                emitStandalone(json);
            } else {
                emit(stream, answered, json, message);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void setProtocolVersion(ProtocolVersion version) {
        this.version = version;
    }

    @Override
    public boolean closeRequestStream(RequestId requestId) {
        AsyncWriter writer;
        synchronized (lock) {
            ResponseStream stream = byRequest.get(requestId);
            if (stream == null || stream.finished || !journal.isResumable() || stream.writer == null) {
                return false;
            }
            if (!stream.sse) {
                stream.switchToSse(journal);
            }
            writer = stream.writer;
            stream.writer = null;
        }
        writer.complete();
        return true;
    }

    /**
     * Periodic upkeep: a comment on idle SSE connections (so dead peers are noticed), and undecided streams whose
     * disconnect would cancel their request switch to SSE so that disconnects become visible.
     */
    public void keepAlive(long intervalNanos) {
        long now = System.nanoTime();
        List<AsyncWriter> ping = new ArrayList<>();
        synchronized (lock) {
            for (ResponseStream s : byId.values()) {
                if (s.writer == null || s.finished && s != standalone) {
                    continue;
                }
                if (!s.sse) {
                    if (s.cancelOnDisconnect && now - s.createdNanos > intervalNanos) {
                        s.switchToSse(journal);
                    }
                } else if (now - s.writer.lastWriteNanos() > intervalNanos) {
                    ping.add(s.writer);
                }
            }
        }
        byte[] comment = SseFormat.comment("keep-alive");
        for (AsyncWriter w : ping) {
            w.write(comment);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AsyncWriter> writers = new ArrayList<>();
        synchronized (lock) {
            for (ResponseStream s : byId.values()) {
                if (s.writer != null) {
                    writers.add(s.writer);
                    s.writer = null;
                }
                s.finished = true;
            }
            byRequest.clear();
            backlog.clear();
        }
        for (AsyncWriter w : writers) {
            w.complete();
        }
        journal.forgetSession();
        inbox.closed();
    }

    // ---- internals (lock held unless stated) ----

    private String nextStreamId() {
        return Long.toString(++streamCounter);
    }

    /** Emits on a request stream. */
    private void emit(ResponseStream stream, RequestId answered, byte[] json, JsonRpcMessage message) {
        boolean isFinal = false;
        if (answered != null && stream.awaiting.remove(answered)) {
            byRequest.remove(answered);
            isFinal = stream.awaiting.isEmpty();
        }
        if (stream.emit(json, message, isFinal, journal)) {
            retire(stream);
        }
    }

    /**
     * Forgets a finished request stream. Only its id is kept (when it had SSE events in a store), so that a
     * resumption naming it still replays the store's events; JSON answers and store-less streams leave nothing.
     */
    private void retire(ResponseStream stream) {
        byId.remove(stream.id, stream);
        if (stream.sse && journal.isResumable()) {
            finished.add(Long.parseLong(stream.id));
        }
    }

    private boolean wasFinished(String streamId) {
        try {
            return finished.contains(Long.parseLong(streamId));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void emitStandalone(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        byte[] event = SseFormat.message(journal.append(STANDALONE, text), text);
        if (standalone.writer != null && standalone.writer.isOpen()) {
            standalone.writer.write(event);
        } else {
            backlog.addLast(event);
            while (backlog.size() > settings.maxStandaloneBacklog()) {
                backlog.pollFirst();
            }
        }
    }

    // ---- callbacks (no lock held) ----

    private void onConnectionLost(ResponseStream stream, AsyncWriter writer) {
        List<RequestId> withdrawn;
        synchronized (lock) {
            withdrawn = stream.connectionLost(writer);
            if (withdrawn != null) {
                for (RequestId id : withdrawn) {
                    byRequest.remove(id);
                }
                retire(stream);
            }
        }
        if (withdrawn != null && !withdrawn.isEmpty()) {
            inbox.cancelled(withdrawn, ResponseStream.CANCEL_REASON);
        }
    }

    /** How many request streams this session still holds objects for, finished or not (for tests). */
    public int retainedStreams() {
        synchronized (lock) {
            return byId.size() - 1;
        }
    }

    /** Whether {@code id} names a request awaiting its answer on some stream (for tests). */
    public boolean isAwaiting(RequestId id) {
        synchronized (lock) {
            return byRequest.containsKey(id);
        }
    }
}
