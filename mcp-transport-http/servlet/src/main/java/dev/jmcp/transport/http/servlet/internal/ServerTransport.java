package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.servlet.EventStore;
import dev.jmcp.transport.http.servlet.HttpStreamControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server side of one Streamable HTTP session (or of one stateless POST exchange). Each POST that carries
 * requests opens a stream; outbound messages go to the stream of the request they relate to, others to the
 * standalone GET stream. A stream answers with plain JSON when its only message is the response, and switches
 * to SSE as soon as anything else comes first. With an event store every SSE event gets an id and is kept, so a
 * dropped connection can be resumed with {@code GET} + {@code Last-Event-ID}.
 */
public final class ServerTransport implements Transport, HttpStreamControl {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTransport.class);
    /** The id of the standalone (GET) stream. */
    public static final String STANDALONE = "0";

    private static final int MAX_FINISHED_STREAMS = 128;

    private final String sessionId;
    private final boolean exchange;
    private final StreamSettings settings;
    private final String principal;
    private final Object lock = new Object();
    private final Object deliveryLock = new Object();
    private final Map<RequestId, Stream> byRequest = new HashMap<>();
    private final LinkedHashMap<String, Stream> byId = new LinkedHashMap<>();
    private final Stream standalone;
    private final ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private final FinishedStreams finished = new FinishedStreams(MAX_FINISHED_STREAMS);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private volatile TransportListener listener;
    private volatile ProtocolVersion version;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile Runnable onClosed = () -> {};
    private RequestId initializeId;
    private long streamCounter;

    private ServerTransport(String sessionId, boolean exchange, StreamSettings settings, String principal) {
        this.sessionId = sessionId;
        this.exchange = exchange;
        this.settings = settings;
        this.principal = principal;
        this.standalone = exchange ? null : new Stream(STANDALONE, false, false);
        if (standalone != null) {
            standalone.sse = true;
            byId.put(STANDALONE, standalone);
        }
    }

    /** A transport for a handshake-era session. */
    public static ServerTransport forSession(String sessionId, StreamSettings settings, String principal) {
        return new ServerTransport(sessionId, false, settings, principal);
    }

    /** A transport for one stateless POST exchange: no store, closes when its stream ends. */
    public static ServerTransport forExchange(StreamSettings settings) {
        return new ServerTransport(null, true, settings.withoutStore(), null);
    }

    /** The session id, or null for an exchange. */
    public String sessionId() {
        return sessionId;
    }

    /** The principal that created the session, or null. */
    public String principal() {
        return principal;
    }

    /** Runs {@code hook} once when the transport closes (e.g. to leave the session registry). */
    public void onClosed(Runnable hook) {
        this.onClosed = hook;
    }

    /** The negotiated revision, if known. */
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
            for (Stream s : byId.values()) {
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
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
    }

    /**
     * Takes the messages of one POST. When they include requests, {@code writer} carries their stream.
     *
     * @param jsonAllowed whether the stream may answer with plain JSON
     * @param cancelOnDisconnect whether the POST is a 2026-07-28 one: losing the connection cancels its requests,
     *     and an error answered as plain JSON gets the HTTP status of its code ({@link #httpStatus})
     */
    public void acceptPost(
            List<JsonRpcMessage> messages,
            InboundContext context,
            AsyncWriter writer,
            boolean jsonAllowed,
            boolean cancelOnDisconnect) {
        lastActivityNanos = System.nanoTime();
        if (writer != null) {
            Stream stream;
            synchronized (lock) {
                stream = new Stream(nextStreamId(), jsonAllowed, cancelOnDisconnect || exchange);
                stream.modern = cancelOnDisconnect;
                watch(writer, stream);
                stream.writer = writer;
                for (JsonRpcMessage m : messages) {
                    if (m instanceof JsonRpcRequest r) {
                        stream.awaiting.add(r.id());
                        byRequest.put(r.id(), stream);
                        if ("initialize".equals(r.method())) {
                            initializeId = r.id();
                        }
                    }
                }
                byId.put(stream.id, stream);
            }
        }
        deliver(messages, context);
    }

    /** Attaches a GET connection to the standalone stream, replacing any previous one. */
    public void attachStandalone(AsyncWriter writer) {
        lastActivityNanos = System.nanoTime();
        AsyncWriter previous;
        watch(writer, standalone);
        synchronized (lock) {
            previous = standalone.writer;
            standalone.writer = writer;
            writer.begin(200, "text/event-stream");
            writer.write(SseFormat.retry(settings.retryMillis()));
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
        EventStore store = settings.eventStore();
        String streamId = EventStore.streamIdOf(lastEventId);
        if (store == null || streamId == null) {
            return false;
        }
        AsyncWriter previous;
        Stream stream;
        synchronized (lock) {
            stream = byId.get(streamId);
            if (stream == null) {
                if (!wasFinished(streamId)) {
                    return false;
                }
                writer.begin(200, "text/event-stream");
                writer.write(SseFormat.retry(settings.retryMillis()));
                for (EventStore.StoredEvent e : store.eventsAfter(sessionId, lastEventId)) {
                    if (!e.message().isEmpty()) {
                        writer.write(SseFormat.message(e.id(), e.message()));
                    }
                }
                writer.complete();
                return true;
            }
            watch(writer, stream);
            previous = stream.writer;
            stream.writer = null;
            stream.sse = true;
            writer.begin(200, "text/event-stream");
            writer.write(SseFormat.retry(settings.retryMillis()));
            for (EventStore.StoredEvent e : store.eventsAfter(sessionId, lastEventId)) {
                if (!e.message().isEmpty()) {
                    writer.write(SseFormat.message(e.id(), e.message()));
                }
            }
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
        RequestId answered = answeredId(message);
        RequestId related = context == null ? null : context.relatedRequestId();
        if (related == null) {
            related = answered;
        }
        boolean finishedExchange = false;
        synchronized (lock) {
            if (answered != null && answered.equals(initializeId)) {
                sniffVersion(message);
            }
            Stream stream = related == null ? null : byRequest.get(related);
            if (stream == null) {
                if (answered != null) {
                    LOG.debug("dropping response to {}: its stream is gone", answered);
                    return CompletableFuture.completedFuture(null);
                }
                stream = exchange ? firstOpenStream() : standalone;
            }
            if (stream == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (stream == standalone) {
                emitStandalone(json);
            } else {
                finishedExchange = emit(stream, answered, json, httpStatus(message)) && exchange;
            }
        }
        if (finishedExchange) {
            close();
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
            Stream stream = byRequest.get(requestId);
            if (stream == null || stream.finished || settings.eventStore() == null || stream.writer == null) {
                return false;
            }
            if (!stream.sse) {
                switchToSse(stream);
            }
            writer = stream.writer;
            stream.writer = null;
        }
        writer.complete();
        return true;
    }

    @Override
    public boolean closeStandaloneStream() {
        AsyncWriter writer;
        synchronized (lock) {
            if (standalone == null || standalone.writer == null) {
                return false;
            }
            writer = standalone.writer;
            standalone.writer = null;
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
            for (Stream s : byId.values()) {
                if (s.writer == null || s.finished && s != standalone) {
                    continue;
                }
                if (!s.sse) {
                    if (s.cancelOnDisconnect && now - s.createdNanos > intervalNanos) {
                        switchToSse(s);
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
            for (Stream s : byId.values()) {
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
        if (sessionId != null && settings.eventStore() != null) {
            settings.eventStore().removeSession(sessionId);
        }
        notifyClosed();
    }

    // ---- internals (lock held unless stated) ----

    private String nextStreamId() {
        return Long.toString(++streamCounter);
    }

    private Stream firstOpenStream() {
        for (Stream s : byId.values()) {
            if (!s.finished) {
                return s;
            }
        }
        return null;
    }

    /**
     * Forgets a finished request stream. Only its id is kept (when it had SSE events in a store), so that a
     * resumption naming it still replays the store's events; JSON answers and store-less streams leave nothing.
     */
    private void retire(Stream stream) {
        byId.remove(stream.id, stream);
        if (stream.sse && settings.eventStore() != null) {
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

    /** Emits on a request stream; returns true when this message finished the stream. */
    private boolean emit(Stream stream, RequestId answered, byte[] json, int errorStatus) {
        boolean isFinal = false;
        if (answered != null && stream.awaiting.remove(answered)) {
            byRequest.remove(answered);
            isFinal = stream.awaiting.isEmpty();
        }
        if (!stream.sse && isFinal && stream.jsonAllowed && stream.writer != null) {
            stream.json = true;
            stream.finished = true;
            retire(stream);
            AsyncWriter w = stream.writer;
            w.begin(stream.modern ? errorStatus : 200, "application/json");
            w.write(json);
            w.complete();
            return true;
        }
        if (!stream.sse) {
            switchToSse(stream);
        }
        String text = new String(json, StandardCharsets.UTF_8);
        EventStore store = settings.eventStore();
        String eventId = store != null ? store.append(sessionId, stream.id, text) : null;
        if (stream.writer != null) {
            stream.writer.write(SseFormat.message(eventId, text));
        }
        if (isFinal) {
            stream.finished = true;
            retire(stream);
            if (stream.writer != null) {
                stream.writer.complete();
            }
        }
        return isFinal;
    }

    /**
     * The HTTP status of a 2026-07-28 answer sent as plain JSON: 404 for Method not found (-32601), 400 for the
     * protocol's request errors (-32700, -32600, HeaderMismatch -32020, MissingRequiredClientCapability -32021,
     * UnsupportedProtocolVersion -32022), else 200. Invalid params (-32602) stays 200: the envelope rung that
     * answers it with 400 runs before the server (see {@code StandardHeaders}), and a handler's -32602 is in-band.
     */
    static int httpStatus(JsonRpcMessage message) {
        if (!(message instanceof JsonRpcErrorResponse e)) {
            return 200;
        }
        return switch (e.error().code()) {
            case ErrorCodes.METHOD_NOT_FOUND -> 404;
            case ErrorCodes.PARSE_ERROR,
                    ErrorCodes.INVALID_REQUEST,
                    ErrorCodes.HEADER_MISMATCH,
                    ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                    ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION -> 400;
            default -> 200;
        };
    }

    private void emitStandalone(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        EventStore store = settings.eventStore();
        String eventId = store != null ? store.append(sessionId, STANDALONE, text) : null;
        byte[] event = SseFormat.message(eventId, text);
        if (standalone.writer != null && standalone.writer.isOpen()) {
            standalone.writer.write(event);
        } else {
            backlog.addLast(event);
            while (backlog.size() > settings.maxStandaloneBacklog()) {
                backlog.pollFirst();
            }
        }
    }

    private void switchToSse(Stream stream) {
        stream.sse = true;
        AsyncWriter w = stream.writer;
        if (w == null) {
            return;
        }
        w.begin(200, "text/event-stream");
        EventStore store = settings.eventStore();
        ProtocolVersion v = version;
        if (store != null && (v == null || v.atLeast(ProtocolVersion.V2025_11_25))) {
            String primingId = store.append(sessionId, stream.id, "");
            w.write(SseFormat.priming(primingId, settings.retryMillis()));
        } else {
            w.write(SseFormat.comment("stream"));
        }
    }

    private void sniffVersion(JsonRpcMessage message) {
        if (message instanceof JsonRpcResponse r) {
            JsonNode v = r.result().get("protocolVersion");
            if (v != null && v.isString()) {
                ProtocolVersion.parse(v.asString()).ifPresent(p -> {
                    if (version == null) {
                        version = p;
                    }
                });
            }
        }
    }

    private static RequestId answeredId(JsonRpcMessage message) {
        if (message instanceof JsonRpcResponse r) {
            return r.id();
        }
        if (message instanceof JsonRpcErrorResponse e) {
            return e.id();
        }
        return null;
    }

    // ---- callbacks (no lock held) ----

    /**
     * Reacts when a connection ends. The reaction runs on another thread: a writer may report its end from inside
     * a write made under this transport's lock, and the reaction delivers messages to the session.
     */
    private void watch(AsyncWriter writer, Stream stream) {
        writer.onClosed((w, clean) -> {
            if (clean) {
                // an orderly end only detaches the writer: no hand-off needed
                synchronized (lock) {
                    if (stream.writer == w) {
                        stream.writer = null;
                    }
                }
            } else {
                HandlerExecutors.delivery().execute(() -> onWriterClosed(stream, w, false));
            }
        });
    }

    private void onWriterClosed(Stream stream, AsyncWriter writer, boolean clean) {
        List<RequestId> cancelled = List.of();
        boolean closeExchange = false;
        synchronized (lock) {
            if (stream.writer != writer) {
                return;
            }
            stream.writer = null;
            if (!clean && !stream.finished) {
                if (!stream.sse && !stream.json) {
                    stream.sse = true;
                }
                if (stream.cancelOnDisconnect) {
                    cancelled = new ArrayList<>(stream.awaiting);
                    for (RequestId id : cancelled) {
                        byRequest.remove(id);
                    }
                    stream.awaiting.clear();
                    stream.finished = true;
                    retire(stream);
                    closeExchange = exchange;
                }
            }
        }
        for (RequestId id : cancelled) {
            ObjectNode params = McpJson.object();
            if (id instanceof RequestId.NumberId n) {
                params.put("requestId", n.number());
            } else {
                params.put("requestId", ((RequestId.StringId) id).value());
            }
            params.put("reason", "the client closed the response stream");
            deliver(List.of(new JsonRpcNotification("notifications/cancelled", params)), InboundContext.EMPTY);
        }
        if (closeExchange) {
            close();
        }
    }

    private void deliver(List<JsonRpcMessage> messages, InboundContext context) {
        TransportListener l = listener;
        if (l == null) {
            LOG.warn("HTTP session {} received a message before it was started", sessionId);
            return;
        }
        synchronized (deliveryLock) {
            for (JsonRpcMessage m : messages) {
                try {
                    l.onMessage(m, context);
                } catch (RuntimeException e) {
                    LOG.warn("listener failed on inbound message", e);
                }
            }
        }
    }

    private void notifyClosed() {
        if (!closeNotified.compareAndSet(false, true)) {
            return;
        }
        try {
            onClosed.run();
        } catch (RuntimeException e) {
            LOG.debug("close hook failed", e);
        }
        TransportListener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }

    /** How many request streams this session still holds objects for, finished or not (for tests). */
    public int retainedStreams() {
        synchronized (lock) {
            return byId.size() - (standalone != null ? 1 : 0);
        }
    }

    /** Whether {@code id} names a request awaiting its answer on some stream (for tests). */
    public boolean isAwaiting(RequestId id) {
        synchronized (lock) {
            return byRequest.containsKey(id);
        }
    }

    private static final class Stream {
        final String id;
        final Set<RequestId> awaiting = new HashSet<>();
        final boolean jsonAllowed;
        final boolean cancelOnDisconnect;
        final long createdNanos = System.nanoTime();
        boolean modern;
        boolean sse;
        boolean json;
        boolean finished;
        AsyncWriter writer;

        Stream(String id, boolean jsonAllowed, boolean cancelOnDisconnect) {
            this.id = id;
            this.jsonAllowed = jsonAllowed;
            this.cancelOnDisconnect = cancelOnDisconnect;
        }
    }
}
