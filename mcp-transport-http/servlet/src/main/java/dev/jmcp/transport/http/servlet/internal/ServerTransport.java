package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
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
 *
 * <p>Hardening (issue #14): a resumption from an evicted event gets 410 instead of a silent gap; the standalone
 * backlog is bounded in messages and bytes and the next GET is told what was dropped; an undecided stream sends a
 * priming event after {@link StreamSettings#primingDelayNanos()} when events are kept; a request id reused while
 * the first is in flight is answered with an error and never reroutes the first; once closed (checked under the
 * lock) the transport appends no event and answers a late POST or GET with 404.
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
    private long backlogBytes;
    private long backlogDropped;
    private final FinishedStreams finished = new FinishedStreams(MAX_FINISHED_STREAMS);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SessionInbox inbox;
    private volatile ProtocolVersion version;
    private volatile long lastActivityNanos = System.nanoTime();
    private long streamCounter;
    /** Null unless the session is shared with other instances. */
    private final Cluster cluster;
    /** The last event sequence written on the standalone stream here (cluster mode; guarded by the lock). */
    private long standaloneSequence = -1;

    private volatile dev.jmcp.core.bus.MessageBus.Subscription streamSubscription;
    private volatile boolean terminated;

    private ServerTransport(String sessionId, StreamSettings settings, String principal, Cluster cluster) {
        this.cluster = cluster;
        this.streamCounter = cluster == null ? 0 : Cluster.streamIdBase();
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
        return new ServerTransport(sessionId, settings, principal, null);
    }

    /** A transport for this instance's copy of a session of a scaled-out deployment ({@code cluster} may be null). */
    static ServerTransport forSession(String sessionId, StreamSettings settings, String principal, Cluster cluster) {
        return new ServerTransport(sessionId, settings, principal, cluster);
    }

    /** The session id. */
    @Override
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

    /**
     * Takes the messages of one POST. When they include requests, {@code writer} carries their stream. A request
     * whose id is already in flight in this session is answered with an error on this stream and not delivered;
     * a POST reaching a closed transport is answered with 404 at once.
     */
    public void acceptPost(List<JsonRpcMessage> messages, InboundContext context, AsyncWriter writer, StreamMode mode) {
        lastActivityNanos = System.nanoTime();
        if (cluster != null) {
            messages = routeAnswers(messages);
        }
        List<JsonRpcMessage> deliver = messages;
        if (writer != null) {
            synchronized (lock) {
                if (closed.get()) {
                    answerSessionGone(writer, firstRequestId(messages));
                    return;
                }
                ResponseStream stream = ResponseStream.forSessionPost(nextStreamId(), mode);
                ResponseStream.watch(writer, stream, lock, w -> onConnectionLost(stream, w));
                stream.writer = writer;
                List<JsonRpcRequest> duplicates = null;
                for (JsonRpcMessage m : messages) {
                    if (m instanceof JsonRpcRequest r) {
                        if (byRequest.containsKey(r.id()) || stream.awaiting.contains(r.id())) {
                            duplicates = duplicates == null ? new ArrayList<>() : duplicates;
                            duplicates.add(r);
                            continue;
                        }
                        stream.awaiting.add(r.id());
                        byRequest.put(r.id(), stream);
                    }
                }
                byId.put(stream.id, stream);
                if (duplicates != null) {
                    deliver = withoutDuplicates(messages, duplicates);
                    answerDuplicates(stream, duplicates);
                } else if (journal.isResumable() && settings.primingDelayNanos() == 0) {
                    stream.switchToSse(journal);
                }
            }
        } else if (closed.get()) {
            return;
        }
        inbox.deliver(deliver, context);
    }

    /**
     * Attaches a GET connection to the standalone stream, replacing any previous one. What waited in the backlog
     * follows, after a notice when the backlog overflowed meanwhile.
     */
    public void attachStandalone(AsyncWriter writer) {
        lastActivityNanos = System.nanoTime();
        listenToStandalone();
        AsyncWriter previous;
        ResponseStream.watch(writer, standalone, lock, w -> onConnectionLost(standalone, w));
        synchronized (lock) {
            if (closed.get()) {
                answerSessionGone(writer, null);
                return;
            }
            previous = standalone.writer;
            standalone.writer = writer;
            journal.begin(writer);
            if (backlogDropped > 0) {
                writer.write(
                        SseFormat.message(null, new String(droppedNotice(backlogDropped), StandardCharsets.UTF_8)));
                backlogDropped = 0;
            }
            while (!backlog.isEmpty()) {
                writer.write(backlog.pollFirst());
            }
            backlogBytes = 0;
        }
        if (previous != null) {
            previous.abort();
        }
    }

    /**
     * Resumes the stream named by {@code lastEventId} on a new GET connection: replays what came after it, then
     * goes on live, or ends at once when the stream already finished. When the store evicted an event after
     * {@code lastEventId} the GET is answered with 410 (the stream cannot be resumed without a gap).
     *
     * @return false when the event id names no stream of this session
     */
    public boolean resume(String lastEventId, AsyncWriter writer) {
        lastActivityNanos = System.nanoTime();
        String streamId = EventStore.streamIdOf(lastEventId);
        if (!journal.isResumable() || streamId == null) {
            return false;
        }
        if (STANDALONE.equals(streamId)) {
            listenToStandalone();
        } else if (cluster != null && servedElsewhere(streamId)) {
            return relay(lastEventId, writer);
        }
        AsyncWriter previous;
        synchronized (lock) {
            if (closed.get()) {
                answerSessionGone(writer, null);
                return true;
            }
            ResponseStream stream = byId.get(streamId);
            if (stream == null) {
                if (!wasFinished(streamId)) {
                    return false;
                }
                if (journal.replayAfter(lastEventId, writer)) {
                    writer.complete();
                } else {
                    answerEvicted(writer);
                }
                return true;
            }
            ResponseStream.watch(writer, stream, lock, w -> onConnectionLost(stream, w));
            long replayed = journal.replayAfterSequence(lastEventId, writer);
            if (replayed < 0) {
                answerEvicted(writer);
                return true;
            }
            if (stream == standalone && cluster != null) {
                standaloneSequence = replayed;
            }
            previous = stream.writer;
            stream.writer = null;
            stream.sse = true;
            if (stream == standalone) {
                backlog.clear();
                backlogBytes = 0;
                backlogDropped = 0;
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
        if (cluster != null && message instanceof JsonRpcRequest r) {
            message = cluster.outbound(r); // its answer may reach another instance (see Cluster)
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
        String[] remote = null;
        String[] relayed = null;
        ResponseStream.JsonAnswer answer = null;
        synchronized (lock) {
            if (closed.get()) {
                return CompletableFuture.failedFuture(new McpTransportException("HTTP session is closed"));
            }
            ResponseStream stream = related == null ? null : byRequest.get(related);
            if (stream == null) {
                if (answered != null) {
                    LOG.debug("dropping response to {}: its stream is gone", answered);
                    return CompletableFuture.completedFuture(null);
                }
                stream = standalone;
            }
            if (stream == standalone) {
                remote = emitStandalone(json);
            } else {
                answer = emit(stream, answered, json, message);
                if (cluster != null && stream.writer == null && stream.sse && stream.lastEventId != null) {
                    // its client lost the connection here: it may resume on another instance, which relays it
                    relayed = new String[] {stream.id, stream.lastEventId};
                }
            }
        }
        if (remote != null) {
            cluster.publishEvent(sessionId, STANDALONE, remote[0], remote[1]);
        }
        if (relayed != null) {
            cluster.publishEvent(sessionId, relayed[0], relayed[1], new String(json, StandardCharsets.UTF_8));
        }
        if (answer != null) {
            answer.send(); // a plain JSON answer: its connection is this answer's alone, so no lock is needed
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
            ResponseStream stream = closed.get() ? null : byRequest.get(requestId);
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
     * The client cancelled {@code requestId}, which so gets no answer: its stream ends once it awaits nothing else,
     * rather than stay open for an answer that never comes (found by {@code StreamableHttpEndpointFuzzTest}).
     */
    @Override
    public void requestAbandoned(RequestId requestId) {
        synchronized (lock) {
            ResponseStream stream = closed.get() ? null : byRequest.remove(requestId);
            if (stream == null || !stream.awaiting.remove(requestId) || !stream.awaiting.isEmpty()) {
                return;
            }
            stream.finishUnanswered(journal);
            retire(stream);
        }
    }

    /**
     * Periodic upkeep: a comment on idle SSE connections (so dead peers are noticed), undecided streams whose
     * disconnect would cancel their request switch to SSE so that disconnects become visible, and with an event
     * store undecided streams older than the priming delay switch to SSE so that the client has an event id to
     * resume from.
     */
    public void keepAlive(long intervalNanos) {
        long now = System.nanoTime();
        List<AsyncWriter> ping = new ArrayList<>();
        boolean priming = journal.isResumable();
        synchronized (lock) {
            if (closed.get()) {
                return;
            }
            for (ResponseStream s : byId.values()) {
                if (s.writer == null || s.finished && s != standalone) {
                    continue;
                }
                if (!s.sse) {
                    long age = now - s.createdNanos;
                    if ((s.cancelOnDisconnect && age > intervalNanos)
                            || (priming && age >= settings.primingDelayNanos())) {
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
        if (cluster != null) {
            keepRelaysAlive(now, intervalNanos);
        }
    }

    @Override
    public void close() {
        List<AsyncWriter> writers = new ArrayList<>();
        List<AsyncWriter> undecided = new ArrayList<>();
        synchronized (lock) {
            // under the lock: a send racing the close either appended before the store forgets the session, or sees
            // the transport closed and appends nothing (no entry re-created after close)
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            for (ResponseStream s : byId.values()) {
                if (s.writer != null) {
                    (s.sse || s.json ? writers : undecided).add(s.writer);
                    s.writer = null;
                }
                s.finished = true;
            }
            byRequest.clear();
            backlog.clear();
            backlogBytes = 0;
            if (cluster == null || terminated) {
                journal.forgetSession(); // a copy of a shared session leaves its events to the other instances
            }
        }
        if (streamSubscription != null) {
            streamSubscription.close();
        }
        endRelays();
        for (AsyncWriter w : writers) {
            w.complete();
        }
        for (AsyncWriter w : undecided) {
            answerSessionGone(w, null); // a POST that raced the close still gets an answer
        }
        inbox.closed();
    }

    // ---- scale-out (#18): this instance's copy of a session shared with other instances ----

    /**
     * Sends a server-wide notification only when the GET connection is here: every instance's copy of the session
     * gets the same one, and the instance holding the connection delivers it (see {@link Transport#sendFanOut}).
     */
    @Override
    public CompletableFuture<Void> sendFanOut(JsonRpcMessage message) {
        if (cluster != null) {
            synchronized (lock) {
                if (standalone.writer == null || !standalone.writer.isOpen()) {
                    return CompletableFuture.completedFuture(null);
                }
            }
        }
        return send(message);
    }

    // the id the client saw for a server-to-client request: prefixed by this instance's in a scaled-out setup
    @Override
    public RequestId outboundRequestId(RequestId id) {
        return cluster != null ? cluster.outboundId(id) : id;
    }

    /** The client ended the session (DELETE): its events are forgotten everywhere, then it closes. */
    public void terminate() {
        terminated = true;
        close();
    }

    /** Delivers an answer another instance received for a request this instance's session sent. */
    void deliverForwarded(JsonRpcMessage answer) {
        if (!closed.get()) {
            inbox.deliver(List.of(answer), InboundContext.EMPTY);
        }
    }

    /** Answers to server-to-client requests of other instances are forwarded there; the rest stays. */
    private List<JsonRpcMessage> routeAnswers(List<JsonRpcMessage> messages) {
        List<JsonRpcMessage> kept = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonRpcMessage m = messages.get(i);
            JsonRpcMessage routed = cluster.inbound(sessionId, m);
            if (routed != m && kept == null) {
                kept = new ArrayList<>(messages.subList(0, i));
            }
            if (kept != null && routed != null) {
                kept.add(routed);
            }
        }
        return kept == null ? messages : kept;
    }

    /**
     * Listens, once, to the standalone events other instances publish for this session, and tells them this instance
     * now holds the GET connection (before any replay, so nothing published meanwhile is missed).
     */
    private void listenToStandalone() {
        if (cluster == null) {
            return;
        }
        synchronized (lock) {
            if (closed.get()) {
                return;
            }
            if (streamSubscription == null) {
                streamSubscription =
                        cluster.listen(sessionId, STANDALONE, this::onRemoteStandaloneEvent, this::standaloneMovedAway);
            }
        }
        cluster.takeOver(sessionId, STANDALONE);
    }

    /** Another instance holds the GET connection now: the one here, if any, is stale and is dropped. */
    private void standaloneMovedAway() {
        AsyncWriter stale;
        synchronized (lock) {
            stale = standalone.writer;
            standalone.writer = null;
        }
        if (stale != null) {
            stale.abort();
        }
    }

    /**
     * An event another instance published for this session's GET stream, when the connection is here. Two other
     * instances' events may arrive out of order (the bus orders per publisher only), so the event is not written as
     * it comes: the stored events after the last one written here are, in sequence order, off the bus thread (one
     * event-store read per burst). A GET opened without {@code Last-Event-ID} starts at the first event it gets.
     */
    private void onRemoteStandaloneEvent(String eventId, String text) {
        long sequence = EventStore.sequenceOf(eventId);
        synchronized (lock) {
            if (closed.get() || sequence <= standaloneSequence) {
                return; // already written (replayed, or sent here)
            }
            if (standalone.writer == null || !standalone.writer.isOpen()) {
                return;
            }
            if (standaloneSequence < 0) {
                standalone.writer.write(SseFormat.message(eventId, text));
                standaloneSequence = sequence;
                return;
            }
        }
        if (catchUpScheduled.compareAndSet(false, true)) {
            cluster.catchUp(this::catchUpStandalone);
        }
    }

    private final AtomicBoolean catchUpScheduled = new AtomicBoolean();

    /** Writes the stored GET-stream events after the last one written here, oldest first (see above). */
    private void catchUpStandalone() {
        catchUpScheduled.set(false);
        synchronized (lock) {
            if (closed.get() || standalone.writer == null || !standalone.writer.isOpen() || standaloneSequence < 0) {
                return;
            }
            try {
                long last = journal.writeAfter(STANDALONE, standaloneSequence, standalone.writer);
                if (last > standaloneSequence) {
                    standaloneSequence = last;
                }
            } catch (RuntimeException e) {
                LOG.warn("session {}: reading the GET stream's events from the store failed", sessionId, e);
            }
        }
    }

    /** Relays here of request streams other instances serve (cluster mode; guarded by the lock). */
    private List<RelayedStream> relays;
    /** When this instance last told relays elsewhere that it lives (at most once per keep-alive interval). */
    private long lastAliveNanos = System.nanoTime();

    /** Whether {@code streamId} names a request stream this instance does not serve (nor served). */
    private boolean servedElsewhere(String streamId) {
        synchronized (lock) {
            return !closed.get() && !byId.containsKey(streamId) && !wasFinished(streamId);
        }
    }

    /** Resumes a request stream another instance serves: its stored events, then the live ones (RelayedStream). */
    private boolean relay(String lastEventId, AsyncWriter writer) {
        if (!journal.knowsStream(EventStore.streamIdOf(lastEventId))) {
            return false; // no such stream anywhere: 400, as for an unknown stream before
        }
        RelayedStream relay = RelayedStream.start(sessionId, lastEventId, journal, cluster, settings.codec(), writer);
        if (relay == null) {
            answerEvicted(writer);
            return true;
        }
        synchronized (lock) {
            if (!closed.get()) {
                relays = relays == null ? new ArrayList<>() : relays;
                relays.add(relay);
                return true;
            }
        }
        relay.end(null);
        return true;
    }

    /**
     * Keep-alive in cluster mode: request streams running here without a connection tell relays elsewhere that this
     * instance lives; relays here of streams whose instance went silent for three intervals end.
     */
    private void keepRelaysAlive(long now, long intervalNanos) {
        List<String> running = null;
        List<RelayedStream> mine;
        synchronized (lock) {
            boolean due = now - lastAliveNanos >= intervalNanos;
            for (ResponseStream s : due ? byId.values() : List.<ResponseStream>of()) {
                if (s != standalone && s.writer == null && s.sse && !s.finished) {
                    lastAliveNanos = now;
                    running = running == null ? new ArrayList<>() : running;
                    running.add(s.id);
                }
            }
            mine = relays == null ? List.of() : new ArrayList<>(relays);
        }
        if (running != null) {
            byte[] alive = RelayedStream.ALIVE.getBytes(StandardCharsets.UTF_8);
            for (String id : running) {
                cluster.bus().publish(Cluster.streamChannel(sessionId, id), alive);
            }
        }
        for (RelayedStream r : mine) {
            if (r.checkIdle(now, 3 * intervalNanos)) {
                synchronized (lock) {
                    if (relays != null) {
                        relays.remove(r);
                    }
                }
            }
        }
    }

    private void endRelays() {
        List<RelayedStream> mine;
        synchronized (lock) {
            mine = relays == null ? List.of() : new ArrayList<>(relays);
            relays = null;
        }
        for (RelayedStream r : mine) {
            r.end(null);
        }
    }

    // ---- internals (lock held unless stated) ----

    private String nextStreamId() {
        return Long.toString(++streamCounter);
    }

    /**
     * Emits on a request stream; a plain JSON answer is returned for the caller to send once the lock is released
     * (the stream is already finished and detached from its connection), else null.
     */
    private ResponseStream.JsonAnswer emit(
            ResponseStream stream, RequestId answered, byte[] json, JsonRpcMessage message) {
        boolean isFinal = false;
        if (answered != null && stream.awaiting.remove(answered)) {
            byRequest.remove(answered);
            isFinal = stream.awaiting.isEmpty();
        }
        ResponseStream.JsonAnswer answer = stream.takeJsonAnswer(json, message, isFinal);
        if (answer != null) {
            retire(stream);
            return answer;
        }
        if (stream.emit(json, message, isFinal, journal)) {
            retire(stream);
        }
        return null;
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

    /**
     * Emits on the standalone stream; in a scaled-out deployment, when no GET connection is here, returns the event
     * id and text to publish for the instance that holds it (after the lock is released), else null.
     */
    private String[] emitStandalone(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        String eventId = journal.append(STANDALONE, text);
        byte[] event = SseFormat.message(eventId, text);
        if (standalone.writer != null && standalone.writer.isOpen()) {
            if (cluster != null && eventId != null && standaloneSequence > 0) {
                // #18 (redis-impl): an event another instance appended before this one may still be on its way over
                // the bus; it would then arrive below standaloneSequence and be skipped. Write from the store, in
                // order.
                long last = journal.writeAfter(STANDALONE, standaloneSequence, standalone.writer);
                if (last >= EventStore.sequenceOf(eventId)) {
                    standaloneSequence = last;
                    return null;
                }
            }
            standalone.writer.write(event);
            if (cluster != null) {
                standaloneSequence = Math.max(standaloneSequence, EventStore.sequenceOf(eventId));
            }
            return null;
        }
        if (cluster != null && eventId != null) {
            return new String[] {eventId, text}; // kept in the store; the GET connection may be on another instance
        }
        backlog.addLast(event);
        backlogBytes += event.length;
        while (backlog.size() > settings.maxStandaloneBacklog()
                || backlogBytes > settings.maxStandaloneBacklogBytes()) {
            backlogBytes -= backlog.pollFirst().length;
            if (backlogDropped++ == 0) {
                LOG.warn(
                        "session {}: standalone backlog over {} messages or {} bytes while no GET is connected;"
                                + " dropping the oldest (the next GET is told how many)",
                        sessionId,
                        settings.maxStandaloneBacklog(),
                        settings.maxStandaloneBacklogBytes());
            }
        }
        return null;
    }

    /**
     * The notice the next GET gets first when the standalone backlog dropped messages: a {@code
     * notifications/message} warning (logger {@code jmcp.http}) with the count, so the loss is never silent.
     */
    private byte[] droppedNotice(long dropped) {
        var data = McpJson.object()
                .put("droppedMessages", dropped)
                .put(
                        "reason",
                        "server messages were dropped while no GET stream was connected (standalone backlog full)");
        var params = McpJson.object().put("level", "warning").put("logger", "jmcp.http");
        params.set("data", data);
        return settings.codec().encode(new JsonRpcNotification("notifications/message", params));
    }

    /** Answers a request that reached a closed session with 404 (lock held or not). */
    private void answerSessionGone(AsyncWriter writer, RequestId id) {
        writer.begin(404, "application/json");
        writer.write(
                settings.codec().encode(new JsonRpcErrorResponse(id, JsonRpcError.of(-32001, "Session not found"))));
        writer.complete();
    }

    /** Answers a resumption whose events were evicted with 410. */
    private void answerEvicted(AsyncWriter writer) {
        writer.begin(410, "application/json");
        writer.write(settings.codec()
                .encode(new JsonRpcErrorResponse(
                        null,
                        JsonRpcError.of(
                                ErrorCodes.INVALID_REQUEST,
                                "Gone: events after Last-Event-ID were evicted from the event store;"
                                        + " the stream cannot be resumed"))));
        writer.complete();
    }

    /** Answers each duplicate request id on {@code stream} with an error; the last one may finish the stream. */
    private void answerDuplicates(ResponseStream stream, List<JsonRpcRequest> duplicates) {
        for (int i = 0; i < duplicates.size(); i++) {
            RequestId id = duplicates.get(i).id();
            JsonRpcErrorResponse error = new JsonRpcErrorResponse(
                    id,
                    JsonRpcError.of(
                            ErrorCodes.INVALID_REQUEST,
                            "request id " + id + " is already in use by a request in flight in this session"));
            boolean isFinal = stream.awaiting.isEmpty() && i == duplicates.size() - 1;
            if (stream.emit(settings.codec().encode(error), error, isFinal, journal)) {
                retire(stream);
            }
        }
    }

    private static List<JsonRpcMessage> withoutDuplicates(
            List<JsonRpcMessage> messages, List<JsonRpcRequest> duplicates) {
        List<JsonRpcMessage> kept = new ArrayList<>(messages.size());
        for (JsonRpcMessage m : messages) {
            boolean duplicate = false;
            for (JsonRpcRequest d : duplicates) {
                duplicate |= d == m;
            }
            if (!duplicate) {
                kept.add(m);
            }
        }
        return kept;
    }

    private static RequestId firstRequestId(List<JsonRpcMessage> messages) {
        for (JsonRpcMessage m : messages) {
            if (m instanceof JsonRpcRequest r) {
                return r.id();
            }
        }
        return null;
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
