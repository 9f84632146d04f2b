package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This servlet instance's place in a scaled-out deployment (issue #18), present only with a shared {@link
 * MessageBus}: its random instance id, the channels it listens on, and the envelope-level routing that makes any
 * instance serve any session. The transport reads no protocol content for it: only the JSON-RPC id of requests and
 * responses.
 *
 * <ul>
 *   <li>A server-to-client request leaves with its id prefixed by the instance id ({@code jmcp~<instance>~n42}); the
 *       client answers with that id, and the instance that receives the answer strips the prefix and delivers it to
 *       its own session, or forwards it on {@code mcp:instance:<instance>} to the instance whose handler waits.
 *   <li>An SSE event for the GET stream of a session whose GET connection is not here is kept in the event store
 *       and published on {@code mcp:stream:<session>:0}, which the instance holding that connection listens on.
 *       An instance that attaches a GET connection publishes {@code takeover:<instance>} there first, and the
 *       others drop the older connection they may still believe open.
 *   <li>A DELETE is told to every instance on {@code mcp:sessions}, which then close their copies.
 * </ul>
 */
final class Cluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_PREFIX = "jmcp~";
    /** Where a session's end (DELETE) is told to every instance: {@code E<sessionId>}. */
    static final String SESSIONS = "mcp:sessions";
    /** A stream channel frame saying which instance now holds the stream's connection (no newline in it). */
    private static final String TAKEOVER = "takeover:";

    private final MessageBus bus;
    private final String instanceId;
    private final String idPrefix;
    private final JsonRpcCodec codec;
    private final MessageBus.Subscription instanceSubscription;
    private final MessageBus.Subscription sessionsSubscription;
    /** Reads the event store for streams whose bus events came out of order (at most one thread, idle: none). */
    private final java.util.concurrent.ThreadPoolExecutor catchUp = catchUpExecutor();

    /**
     * @param forwarded delivers an answer another instance received for a session of this one
     * @param ended closes this instance's copy of a session the client ended elsewhere
     */
    Cluster(MessageBus bus, JsonRpcCodec codec, Forwarded forwarded, Consumer<String> ended) {
        this.bus = bus;
        this.codec = codec;
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        this.instanceId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.idPrefix = ID_PREFIX + instanceId + "~";
        this.instanceSubscription = bus.subscribe(instanceChannel(instanceId), frame -> onForwarded(frame, forwarded));
        this.sessionsSubscription = bus.subscribe(SESSIONS, frame -> {
            String text = new String(frame, StandardCharsets.UTF_8);
            if (text.startsWith("E")) {
                ended.accept(text.substring(1));
            }
        });
    }

    /** Delivers a forwarded answer to this instance's copy of a session. */
    @FunctionalInterface
    interface Forwarded {
        /** Delivers {@code answer} (its id restored) to session {@code sessionId}, if this instance has it. */
        void deliver(String sessionId, JsonRpcMessage answer);
    }

    /** This instance's id. */
    String instanceId() {
        return instanceId;
    }

    /** The bus. */
    MessageBus bus() {
        return bus;
    }

    static String instanceChannel(String instanceId) {
        return "mcp:instance:" + instanceId;
    }

    /** The channel of a session's stream, listened on by the instance holding its connection. */
    static String streamChannel(String sessionId, String streamId) {
        return "mcp:stream:" + sessionId + ":" + streamId;
    }

    /**
     * Where a session's request streams start numbering on this instance: a random base in [2^32, 2^62), so two
     * instances never give a session the same stream id (the GET stream is {@code 0} everywhere).
     */
    static long streamIdBase() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 30) << 32;
    }

    /** A server-to-client request with its id prefixed by this instance's. */
    JsonRpcRequest outbound(JsonRpcRequest request) {
        return new JsonRpcRequest(outboundId(request.id()), request.method(), request.params());
    }

    /** The id a server-to-client request sent with {@code id} carries on the wire (prefixed by this instance's). */
    RequestId outboundId(RequestId id) {
        String encoded = id instanceof RequestId.NumberId n ? "n" + n.number() : "s" + id.value();
        return RequestId.of(idPrefix + encoded);
    }

    /**
     * What to do with an inbound message: an answer to a request of this instance comes back with its id restored;
     * an answer to another instance's request is forwarded there and null is returned (nothing to deliver here);
     * everything else is returned as it is.
     */
    JsonRpcMessage inbound(String sessionId, JsonRpcMessage message) {
        RequestId id = answerId(message);
        if (!(id instanceof RequestId.StringId s) || !s.value().startsWith(ID_PREFIX)) {
            return message;
        }
        String value = s.value();
        int sep = value.indexOf('~', ID_PREFIX.length());
        if (sep < 0 || sep + 1 >= value.length()) {
            return message;
        }
        RequestId original = decode(value.substring(sep + 1));
        if (original == null) {
            return message;
        }
        JsonRpcMessage restored = withId(message, original);
        if (value.startsWith(idPrefix)) {
            return restored;
        }
        String owner = value.substring(ID_PREFIX.length(), sep);
        byte[] json = codec.encode(restored);
        byte[] sid = (sessionId + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[sid.length + json.length];
        System.arraycopy(sid, 0, frame, 0, sid.length);
        System.arraycopy(json, 0, frame, sid.length, json.length);
        bus.publish(instanceChannel(owner), frame);
        return null;
    }

    /** Tells every instance that the client ended {@code sessionId}. */
    void sessionEnded(String sessionId) {
        bus.publish(SESSIONS, ("E" + sessionId).getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes an SSE event of a stream whose connection is on another instance: {@code <eventId>\n<json>}. */
    void publishEvent(String sessionId, String streamId, String eventId, String text) {
        bus.publish(streamChannel(sessionId, streamId), (eventId + "\n" + text).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Listens to the events of one stream; {@code receiver} gets the event id and the JSON text, and {@code
     * movedAway} runs when another instance took the stream's connection over ({@link #takeOver}).
     */
    MessageBus.Subscription listen(String sessionId, String streamId, EventReceiver receiver, Runnable movedAway) {
        return bus.subscribe(streamChannel(sessionId, streamId), frame -> {
            String text = new String(frame, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            if (nl > 0) {
                receiver.event(text.substring(0, nl), text.substring(nl + 1));
            } else if (text.startsWith(TAKEOVER) && !text.equals(TAKEOVER + instanceId)) {
                movedAway.run();
            }
        });
    }

    /**
     * Tells the other instances that this one now holds the connection of a session's stream: one that still
     * believes it holds an older connection (the client vanished without it noticing yet) drops it, so that what it
     * emits from then on is published here instead of written into a dead connection.
     */
    void takeOver(String sessionId, String streamId) {
        bus.publish(streamChannel(sessionId, streamId), (TAKEOVER + instanceId).getBytes(StandardCharsets.UTF_8));
    }

    /** Receives the events of a stream published by other instances. */
    @FunctionalInterface
    interface EventReceiver {
        /** One event. */
        void event(String eventId, String text);
    }

    private void onForwarded(byte[] frame, Forwarded forwarded) {
        int nl = -1;
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl <= 0) {
            return;
        }
        String sessionId = new String(frame, 0, nl, StandardCharsets.UTF_8);
        byte[] json = new byte[frame.length - nl - 1];
        System.arraycopy(frame, nl + 1, json, 0, json.length);
        try {
            forwarded.deliver(sessionId, codec.decode(json));
        } catch (RuntimeException e) {
            LOG.warn("dropping an answer forwarded for session {}", sessionId, e);
        }
    }

    private static RequestId answerId(JsonRpcMessage message) {
        if (message instanceof JsonRpcResponse r) {
            return r.id();
        }
        if (message instanceof JsonRpcErrorResponse e) {
            return e.id();
        }
        return null;
    }

    private static JsonRpcMessage withId(JsonRpcMessage message, RequestId id) {
        if (message instanceof JsonRpcResponse r) {
            return new JsonRpcResponse(id, r.result());
        }
        JsonRpcErrorResponse e = (JsonRpcErrorResponse) message;
        return new JsonRpcErrorResponse(id, e.error());
    }

    private static RequestId decode(String encoded) {
        if (encoded.startsWith("n")) {
            try {
                return RequestId.of(Long.parseLong(encoded.substring(1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return encoded.startsWith("s") ? RequestId.of(encoded.substring(1)) : null;
    }

    /** Runs {@code task} (a stream catching up from the event store) off the bus thread. */
    void catchUp(Runnable task) {
        try {
            catchUp.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("closed: a stream catch-up was not run");
        }
    }

    private static java.util.concurrent.ThreadPoolExecutor catchUpExecutor() {
        java.util.concurrent.ThreadPoolExecutor executor = new java.util.concurrent.ThreadPoolExecutor(
                1,
                1,
                30,
                java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "jmcp-stream-catch-up");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public void close() {
        instanceSubscription.close();
        sessionsSubscription.close();
        catchUp.shutdown();
    }
}
