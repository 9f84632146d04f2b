package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the SSE streams of Streamable HTTP and resumes them: a POST's response stream that ends before its answer
 * is resumed with {@code GET} and {@code Last-Event-ID} after the server's {@code retry} delay, and the standalone
 * GET stream is reopened after drops, within the reconnection budget.
 */
public final class SseStreams {
    private static final Logger LOG = LoggerFactory.getLogger(SseStreams.class);
    /**
     * How long the notification that opens the standalone stream waits for the GET's answer (headers, or a refusal):
     * what the server sends right after the handshake goes to that stream, and a server without an event store drops
     * it while no GET is connected. A server that holds the headers back costs the handshake at most this.
     */
    static final long STANDALONE_OPEN_WAIT_MILLIS = 1_000;

    private final ClientChannel channel;
    private final AtomicInteger getGeneration = new AtomicInteger();
    private volatile boolean getStreamStarted;
    private volatile long retryMillis;

    /** Streams of {@code channel}. */
    public SseStreams(ClientChannel channel) {
        this.channel = channel;
        this.retryMillis = channel.settings().defaultRetryMillis();
    }

    /**
     * Reads a POST's response stream on a reader thread until the answer to {@code requestId} arrived (to its end
     * for a notification), resuming it as needed; if it cannot be resumed, the request is reported aborted. Runs
     * {@code finished} when done.
     */
    public void readPostStream(InputStream body, RequestId requestId, StreamHandle handle, Runnable finished) {
        Set<RequestId> awaiting = ConcurrentHashMap.newKeySet();
        if (requestId != null) {
            awaiting.add(requestId);
        }
        handle.body = body;
        channel.startReader("jmcp-http-post-sse", () -> {
            try {
                resumeUntilAnswered(body, awaiting, handle);
            } finally {
                finished.run();
            }
        });
    }

    /**
     * Opens the standalone GET stream unless it is already open for this session.
     *
     * @return completes once the first GET got its answer or failed, or after {@link #STANDALONE_OPEN_WAIT_MILLIS}
     */
    public CompletableFuture<Void> openStandaloneOnce() {
        if (getStreamStarted) {
            return CompletableFuture.completedFuture(null);
        }
        getStreamStarted = true;
        int generation = getGeneration.get();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        HandlerExecutors.schedule(
                () -> answered.complete(null), TimeUnit.MILLISECONDS.toNanos(STANDALONE_OPEN_WAIT_MILLIS));
        channel.startReader("jmcp-http-get-sse", () -> {
            try {
                standaloneLoop(generation, answered);
            } finally {
                answered.complete(null);
            }
        });
        return answered;
    }

    /** Forgets the session {@code expired} (if current) and ends its standalone stream. */
    public void expireSession(String expired) {
        if (channel.expireSession(expired)) {
            getStreamStarted = false;
            getGeneration.incrementAndGet();
        }
    }

    private void resumeUntilAnswered(InputStream body, Set<RequestId> awaiting, StreamHandle handle) {
        String lastId = null;
        InputStream in = body;
        int failures = 0;
        try {
            while (!channel.isClosed() && !handle.aborted) {
                String seen = consume(in, awaiting, lastId);
                if (seen != null && !seen.equals(lastId)) {
                    lastId = seen;
                    failures = 0;
                }
                if (awaiting.isEmpty() || channel.isClosed() || handle.aborted) {
                    return;
                }
                if (lastId == null || ++failures > channel.settings().maxReconnectAttempts()) {
                    break;
                }
                sleep(retryMillis);
                in = openGet(lastId, handle);
                if (in == null) {
                    break;
                }
            }
            if (!channel.isClosed() && !handle.aborted) {
                for (RequestId id : awaiting) {
                    channel.abort(
                            id, new McpTransportException("the response stream of request " + id + " ended early"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The standalone GET stream: open, read, reconnect after drops; stop on 405/400/404 or close. Completes {@code
     * answered} once the first GET got its answer (or failed).
     */
    private void standaloneLoop(int generation, CompletableFuture<Void> answered) {
        String lastId = null;
        int failures = 0;
        int maxAttempts = channel.settings().maxReconnectAttempts();
        StreamHandle handle = new StreamHandle();
        try {
            while (!channel.isClosed() && generation == getGeneration.get()) {
                InputStream in = openGet(lastId, handle);
                answered.complete(null);
                if (in == null) {
                    if (handle.refused || ++failures > maxAttempts) {
                        return;
                    }
                    sleep(retryMillis * failures);
                    continue;
                }
                String seen = consume(in, null, lastId);
                if (seen != null && !seen.equals(lastId)) {
                    lastId = seen;
                    failures = 0;
                } else if (++failures > maxAttempts) {
                    return;
                }
                if (channel.isClosed() || generation != getGeneration.get()) {
                    return;
                }
                sleep(retryMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens a GET SSE stream (with Last-Event-ID when given); null on failure (handle.refused on 4xx). */
    private InputStream openGet(String lastEventId, StreamHandle handle) throws InterruptedException {
        long timeoutMillis = channel.settings().requestTimeout().toMillis();
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest.Builder rb = HttpRequest.newBuilder(channel.endpoint())
                    .timeout(channel.settings().requestTimeout())
                    .header("Accept", "text/event-stream")
                    .GET();
            String sentSession = channel.sessionId();
            channel.addCommonHeaders(rb, sentSession);
            if (lastEventId != null) {
                rb.header(McpHttpHeaders.LAST_EVENT_ID, lastEventId);
            }
            HttpResponse<InputStream> response;
            // the blocking send on this reader thread: sendAsync would complete through CompletableFuture's
            // default executor (a new thread per call on 1-2 CPU machines); an abort interrupts the wait
            handle.interruptOnAbort(Thread.currentThread());
            try {
                response = channel.http().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                LOG.debug("GET stream failed: {}", e.toString());
                return null;
            } finally {
                handle.interruptOnAbort(null);
            }
            int status = response.statusCode();
            if ((status == 401 || status == 403) && channel.settings().authorizer() != null && attempt == 0) {
                Bodies.drain(response.body());
                if (channel.settings()
                        .authorizer()
                        .onUnauthorized(
                                channel.endpoint(), status, response.headers().allValues("WWW-Authenticate"))) {
                    continue;
                }
            }
            if (status == 200
                    && response.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .toLowerCase()
                            .startsWith("text/event-stream")) {
                handle.body = response.body();
                return response.body();
            }
            Bodies.drain(response.body());
            // the session this GET named, not the current one: a new session may have replaced it meanwhile
            if (status == 404 && sentSession != null) {
                expireSession(sentSession);
            }
            handle.refused = status >= 400 && status < 500;
            return null;
        }
        return null;
    }

    /** Reads events until the stream ends; returns the last event id seen. Stops early once awaiting empties. */
    private String consume(InputStream in, Set<RequestId> awaiting, String lastId) {
        channel.track(in);
        String last = lastId;
        try (in) {
            SseEventReader reader =
                    new SseEventReader(in, channel.codec().limits().maxMessageBytes());
            SseEventReader.Event event;
            while (!channel.isClosed() && (event = reader.next()) != null) {
                if (event.retryMillis() >= 0) {
                    retryMillis = event.retryMillis();
                }
                if (event.hasId()) {
                    last = event.id();
                }
                if (event.data().isBlank()) {
                    continue;
                }
                if (event.name() != null && !event.name().equals("message")) {
                    continue;
                }
                List<JsonRpcMessage> messages;
                try {
                    messages = channel.codec().decodeAll(event.data().getBytes(StandardCharsets.UTF_8));
                } catch (JsonRpcCodecException e) {
                    LOG.debug("skipping an SSE event that is not a JSON-RPC message: {}", e.getMessage());
                    continue;
                }
                for (JsonRpcMessage m : messages) {
                    channel.deliver(m);
                    if (awaiting != null) {
                        RequestId answered = m.answeredId();
                        if (answered != null) {
                            awaiting.remove(answered);
                        }
                    }
                }
                if (awaiting != null && awaiting.isEmpty()) {
                    return last;
                }
            }
        } catch (IOException e) {
            LOG.debug("SSE stream ended: {}", e.toString());
        } finally {
            channel.untrack(in);
        }
        return last;
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(Math.max(0, millis));
    }
}
