package dev.jmcp.transport.http.client;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.HeaderValues;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.client.auth.HttpAuthorizer;
import dev.jmcp.transport.http.client.internal.ParamHeaderMirror;
import dev.jmcp.transport.http.client.internal.SseEventReader;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import dev.jmcp.transport.http.common.internal.MediaTypes;
import dev.jmcp.transport.http.common.internal.MessageFields;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The client side of Streamable HTTP on {@code java.net.http.HttpClient}.
 *
 * <ul>
 *   <li>Every message is a POST with {@code Accept: application/json, text/event-stream}; the answer may be
 *       JSON or SSE (events with empty data are skipped).
 *   <li>The {@code Mcp-Session-Id} of the initialize answer is sent on every later request, with
 *       {@code MCP-Protocol-Version} once {@link #setProtocolVersion} was called.
 *   <li>After {@code notifications/initialized} the standalone GET stream is opened and kept open (405, 400
 *       and 404 are tolerated). A stream that drops is resumed with {@code GET} and {@code Last-Event-ID} after
 *       the server's {@code retry} delay; a POST stream that ends before its response is resumed the same way.
 *   <li>A 404 to a request carrying a session id means the session expired: the send fails with
 *       {@link McpSessionExpiredException} (the request future fails with it as the cause), the session id and
 *       version header are forgotten, and the client re-initializes by sending {@code initialize} again on
 *       this same transport.
 *   <li>A 4xx whose body is a JSON-RPC error is delivered to the listener as that error; other failures fail
 *       the send with {@link McpHttpException}.
 *   <li>An {@link HttpAuthorizer} adds its headers to every request; on 401/403 it is asked, and the request
 *       is retried once if it returns true.
 *   <li>If the server answers 400, 404 or 405 to the first {@code initialize}, the transport falls back to the
 *       legacy HTTP+SSE transport (GET for the {@code endpoint} event, then POSTs to it).
 *   <li>2026-07-28 requests (their {@code _meta} carries the protocol version, or that version was set) get
 *       {@code Mcp-Method}/{@code Mcp-Name} headers and no session; {@code notifications/cancelled} for such a
 *       request closes its response stream instead of being sent.
 *   <li>{@link #close()} sends DELETE for the session and closes every stream.
 *   <li>A request whose response stream ends before its answer and cannot be resumed is reported with
 *       {@link TransportListener#onRequestAborted}: a session fails it with {@link McpTransportException}.
 * </ul>
 */
public final class StreamableHttpClientTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpClientTransport.class);
    private static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private final URI endpoint;
    private final HttpClient http;
    private final ExecutorService ownedExecutor;
    private final Map<String, String> headers;
    /** How often one message is re-sent after the authorizer obtained a new token (step-ups included). */
    private static final int MAX_AUTH_RETRIES = 3;

    private final HttpAuthorizer authorizer;
    private final Duration requestTimeout;
    private final boolean openGetStream;
    private final boolean legacyFallback;
    private final long defaultRetryMillis;
    private final int maxReconnectAttempts;
    private final JsonRpcCodec codec;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private final Object deliveryLock = new Object();
    private final Set<InputStream> openStreams = ConcurrentHashMap.newKeySet();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
    private final Map<RequestId, StreamHandle> statelessRequests = new ConcurrentHashMap<>();
    private final AtomicInteger getGeneration = new AtomicInteger();
    private volatile TransportListener listener;
    private volatile String sessionId;
    private volatile ProtocolVersion protocolVersion;
    private volatile boolean getStreamStarted;
    private volatile URI legacyPostUri;
    private volatile long retryMillis;

    private StreamableHttpClientTransport(Builder b) {
        this.endpoint = b.endpoint;
        if (b.httpClient != null) {
            this.http = b.httpClient;
            this.ownedExecutor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.ownedExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "jmcp-http-client-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.http = HttpClient.newBuilder()
                    .connectTimeout(b.connectTimeout)
                    .executor(ownedExecutor)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        this.headers = Map.copyOf(b.headers);
        this.authorizer = b.authorizer;
        this.requestTimeout = b.requestTimeout;
        this.openGetStream = b.openGetStream;
        this.legacyFallback = b.legacyFallback;
        this.defaultRetryMillis = b.defaultRetry.toMillis();
        this.retryMillis = defaultRetryMillis;
        this.maxReconnectAttempts = b.maxReconnectAttempts;
        this.codec = JsonRpcCodec.withLimits(b.codecLimits);
    }

    /** A builder for a transport to the MCP endpoint {@code endpoint}. */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** A transport with default settings. */
    public static StreamableHttpClientTransport create(URI endpoint) {
        return builder(endpoint).build();
    }

    /** The session id the server assigned, or null. */
    public String sessionId() {
        return sessionId;
    }

    /** Whether the transport fell back to legacy HTTP+SSE. */
    public boolean isLegacy() {
        return legacyPostUri != null;
    }

    @Override
    public void start(TransportListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    private final ParamHeaderMirror paramHeaders = new ParamHeaderMirror();

    @Override
    public void setProtocolVersion(ProtocolVersion version) {
        this.protocolVersion = version;
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("transport is closed"));
        }
        if (message instanceof JsonRpcNotification n && "notifications/cancelled".equals(n.method())) {
            RequestId target = idOf(n.params() == null ? null : n.params().get("requestId"));
            StreamHandle handle = target == null ? null : statelessRequests.remove(target);
            if (handle != null) {
                handle.abort();
                return CompletableFuture.completedFuture(null);
            }
        }
        if (legacyPostUri != null) {
            return legacyPost(message);
        }
        return post(message, MAX_AUTH_RETRIES);
    }

    // ------------------------------------------------------------------ POST

    private CompletableFuture<Void> post(JsonRpcMessage message, int authRetries) {
        byte[] body = codec.encode(message);
        String metaVersion = MessageFields.metaProtocolVersion(message);
        boolean statelessEra = metaVersion != null || (protocolVersion != null && protocolVersion.isStateless());
        String sentSession = statelessEra ? null : sessionId;
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT_BOTH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        addCommonHeaders(rb, sentSession);
        if (metaVersion != null) {
            rb.setHeader(McpHttpHeaders.PROTOCOL_VERSION, metaVersion);
        }
        if (statelessEra) {
            String method = MessageFields.methodOf(message);
            if (method != null) {
                rb.header("Mcp-Method", method);
            }
            String name = MessageFields.mcpName(message);
            if (name != null) {
                rb.header("Mcp-Name", HeaderValues.encode(name));
            }
            if ("tools/call".equals(method) && name != null) {
                paramHeaders.addTo(rb, name, MessageFields.paramsOf(message));
            }
        }
        if (message instanceof JsonRpcRequest r && "tools/list".equals(r.method())) {
            paramHeaders.expectToolList(r.id());
        }
        RequestId requestId = message instanceof JsonRpcRequest r ? r.id() : null;
        StreamHandle handle = new StreamHandle();
        if (statelessEra && requestId != null) {
            statelessRequests.put(requestId, handle);
        }
        CompletableFuture<HttpResponse<InputStream>> call =
                http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        handle.call = call;
        return call.handleAsync(
                        (response, error) -> {
                            if (error != null) {
                                if (requestId != null) {
                                    statelessRequests.remove(requestId, handle);
                                }
                                if (handle.aborted) {
                                    return CompletableFuture.<Void>completedFuture(null);
                                }
                                throw new McpTransportException(
                                        "POST to " + endpoint + " failed: " + error.getMessage(), error);
                            }
                            return onPostResponse(message, requestId, sentSession, response, handle, authRetries);
                        },
                        workers())
                .thenCompose(f -> f);
    }

    private CompletableFuture<Void> onPostResponse(
            JsonRpcMessage message,
            RequestId requestId,
            String sentSession,
            HttpResponse<InputStream> response,
            StreamHandle handle,
            int authRetries) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            response.headers().firstValue(McpHttpHeaders.SESSION_ID).ifPresent(id -> {
                if (sessionId == null || !id.equals(sessionId)) {
                    sessionId = id;
                }
            });
        }
        if ((status == 401 || status == 403) && authorizer != null) {
            List<String> challenges = response.headers().allValues("WWW-Authenticate");
            String text = readText(response.body());
            // an OAuthException thrown here fails the send as it is, so the caller learns why
            if (authRetries > 0 && authorizer.onUnauthorized(endpoint, status, challenges)) {
                statelessRequests.remove(requestId == null ? RequestId.of("") : requestId, handle);
                return post(message, authRetries - 1);
            }
            return fail(
                    requestId,
                    handle,
                    new McpHttpException(
                            status,
                            "authorization failed"
                                    + (challenges.isEmpty() ? "" : " (WWW-Authenticate: " + challenges + ")")
                                    + (text.isEmpty() ? "" : ": " + text)));
        }
        if (status == 404 && sentSession != null) {
            String text = readText(response.body());
            expireSession(sentSession);
            return fail(requestId, handle, new McpSessionExpiredException(sentSession, text));
        }
        if (legacyFallback
                && (status == 400 || status == 404 || status == 405)
                && sentSession == null
                && message instanceof JsonRpcRequest r
                && "initialize".equals(r.method())) {
            drain(response.body());
            LOG.debug("POST initialize got {}; falling back to HTTP+SSE", status);
            return legacyConnect().thenCompose(ignored -> legacyPost(message));
        }
        if (status < 200 || status >= 300) {
            String text = readText(response.body());
            if (requestId != null) {
                statelessRequests.remove(requestId, handle);
            }
            JsonRpcErrorResponse error = asErrorResponse(text, requestId);
            if (error != null && requestId != null) {
                deliver(error);
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.failedFuture(new McpHttpException(status, text));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.toLowerCase().startsWith("text/event-stream")) {
            Set<RequestId> awaiting = ConcurrentHashMap.newKeySet();
            if (requestId != null) {
                awaiting.add(requestId);
            }
            handle.body = response.body();
            startReader("jmcp-http-post-sse", () -> readStream(response.body(), awaiting, handle, requestId));
        } else if (MediaTypes.isJson(contentType)) {
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                return fail(requestId, handle, new McpTransportException("cannot read response", e));
            }
            if (requestId != null) {
                statelessRequests.remove(requestId, handle);
            }
            if (bytes.length > 0) {
                try {
                    for (JsonRpcMessage m : codec.decodeAll(bytes)) {
                        deliver(m);
                    }
                } catch (JsonRpcCodecException e) {
                    return CompletableFuture.failedFuture(
                            new McpTransportException("invalid JSON answer: " + e.getMessage(), e));
                }
            }
        } else {
            drain(response.body());
            if (requestId != null) {
                statelessRequests.remove(requestId, handle);
                return CompletableFuture.failedFuture(
                        new McpHttpException(status, "unexpected content type " + contentType));
            }
        }
        if (message instanceof JsonRpcNotification n
                && "notifications/initialized".equals(n.method())
                && openGetStream
                && !getStreamStarted) {
            getStreamStarted = true;
            int generation = getGeneration.get();
            startReader("jmcp-http-get-sse", () -> standaloneLoop(generation));
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> fail(RequestId requestId, StreamHandle handle, RuntimeException e) {
        if (requestId != null) {
            statelessRequests.remove(requestId, handle);
        }
        return CompletableFuture.failedFuture(e);
    }

    private void expireSession(String expired) {
        if (expired.equals(sessionId)) {
            sessionId = null;
            protocolVersion = null;
            getStreamStarted = false;
            getGeneration.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ SSE reading and resumption

    /**
     * Reads a POST's SSE stream; if it ends before the responses it awaits and it had an event id, resumes it
     * with GET + Last-Event-ID after the retry delay, again and again within the attempt budget.
     */
    private void readStream(InputStream body, Set<RequestId> awaiting, StreamHandle handle, RequestId requestId) {
        String lastId = null;
        InputStream in = body;
        int failures = 0;
        try {
            while (!closed.get() && !handle.aborted) {
                String seen = consume(in, awaiting, lastId);
                if (seen != null && !seen.equals(lastId)) {
                    lastId = seen;
                    failures = 0;
                }
                if (awaiting.isEmpty() || closed.get() || handle.aborted) {
                    return;
                }
                if (lastId == null || ++failures > maxReconnectAttempts) {
                    break;
                }
                sleep(retryMillis);
                in = openGet(lastId, handle);
                if (in == null) {
                    break;
                }
            }
            if (!closed.get() && !handle.aborted) {
                for (RequestId id : awaiting) {
                    abort(id, new McpTransportException("the response stream of request " + id + " ended early"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (requestId != null) {
                statelessRequests.remove(requestId, handle);
            }
        }
    }

    /** The standalone GET stream: open, read, reconnect after drops; stop on 405/400/404 or close. */
    private void standaloneLoop(int generation) {
        String lastId = null;
        int failures = 0;
        StreamHandle handle = new StreamHandle();
        try {
            while (!closed.get() && generation == getGeneration.get()) {
                InputStream in = openGet(lastId, handle);
                if (in == null) {
                    if (handle.refused || ++failures > maxReconnectAttempts) {
                        return;
                    }
                    sleep(retryMillis * failures);
                    continue;
                }
                String seen = consume(in, null, lastId);
                if (seen != null && !seen.equals(lastId)) {
                    lastId = seen;
                    failures = 0;
                } else if (++failures > maxReconnectAttempts) {
                    return;
                }
                if (closed.get() || generation != getGeneration.get()) {
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
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                    .timeout(requestTimeout)
                    .header("Accept", "text/event-stream")
                    .GET();
            addCommonHeaders(rb, sessionId);
            if (lastEventId != null) {
                rb.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response;
            try {
                CompletableFuture<HttpResponse<InputStream>> call =
                        http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
                handle.call = call;
                response = call.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException
                    | java.util.concurrent.TimeoutException
                    | java.util.concurrent.CancellationException e) {
                LOG.debug("GET stream failed: {}", e.toString());
                return null;
            }
            int status = response.statusCode();
            if ((status == 401 || status == 403) && authorizer != null && attempt == 0) {
                drain(response.body());
                if (authorizer.onUnauthorized(
                        endpoint, status, response.headers().allValues("WWW-Authenticate"))) {
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
            drain(response.body());
            if (status == 404 && sessionId != null) {
                expireSession(sessionId);
            }
            handle.refused = status >= 400 && status < 500;
            return null;
        }
        return null;
    }

    /** Reads events until the stream ends; returns the last event id seen. Stops early once awaiting empties. */
    private String consume(InputStream in, Set<RequestId> awaiting, String lastId) {
        openStreams.add(in);
        String last = lastId;
        try (in) {
            SseEventReader reader = new SseEventReader(in, codec.limits().maxMessageBytes());
            SseEventReader.Event event;
            while (!closed.get() && (event = reader.next()) != null) {
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
                    messages = codec.decodeAll(event.data().getBytes(StandardCharsets.UTF_8));
                } catch (JsonRpcCodecException e) {
                    LOG.debug("skipping an SSE event that is not a JSON-RPC message: {}", e.getMessage());
                    continue;
                }
                for (JsonRpcMessage m : messages) {
                    deliver(m);
                    if (awaiting != null) {
                        RequestId answered = answeredId(m);
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
            openStreams.remove(in);
        }
        return last;
    }

    // ------------------------------------------------------------------ legacy HTTP+SSE

    private CompletableFuture<Void> legacyConnect() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        startReader("jmcp-http-legacy-sse", () -> legacyLoop(ready));
        return ready.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void legacyLoop(CompletableFuture<Void> ready) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Accept", "text/event-stream")
                .GET();
        addCommonHeaders(rb, null);
        Throwable cause = null;
        try {
            HttpResponse<InputStream> response = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String text = readText(response.body());
                ready.completeExceptionally(new McpHttpException(response.statusCode(), text));
                return;
            }
            InputStream in = response.body();
            openStreams.add(in);
            try (in) {
                SseEventReader reader = new SseEventReader(in, codec.limits().maxMessageBytes());
                SseEventReader.Event event;
                while (!closed.get() && (event = reader.next()) != null) {
                    if ("endpoint".equals(event.name())) {
                        legacyPostUri = endpoint.resolve(event.data().trim());
                        ready.complete(null);
                    } else if (!event.data().isBlank() && (event.name() == null || "message".equals(event.name()))) {
                        try {
                            for (JsonRpcMessage m : codec.decodeAll(event.data().getBytes(StandardCharsets.UTF_8))) {
                                deliver(m);
                            }
                        } catch (JsonRpcCodecException e) {
                            LOG.debug("skipping invalid legacy SSE message: {}", e.getMessage());
                        }
                    }
                }
            } finally {
                openStreams.remove(in);
            }
        } catch (IOException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.completeExceptionally(new McpTransportException("legacy SSE stream ended", cause));
        if (!closed.get() && legacyPostUri != null) {
            closed.set(true);
            notifyClosed(cause == null ? new McpTransportException("the server closed the SSE stream") : cause);
        }
    }

    private CompletableFuture<Void> legacyPost(JsonRpcMessage message) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(legacyPostUri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(message)));
        addCommonHeaders(rb, null);
        return http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                throw new McpHttpException(response.statusCode(), response.body());
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private void addCommonHeaders(HttpRequest.Builder rb, String session) {
        headers.forEach(rb::setHeader);
        if (authorizer != null) {
            authorizer.authorizationHeaders(endpoint).forEach(rb::setHeader);
        }
        if (session != null) {
            rb.setHeader(McpHttpHeaders.SESSION_ID, session);
        }
        ProtocolVersion v = protocolVersion;
        if (v != null) {
            rb.setHeader(McpHttpHeaders.PROTOCOL_VERSION, v.id());
        }
    }

    private void deliver(JsonRpcMessage message) {
        paramHeaders.observe(message);
        TransportListener l = listener;
        if (l == null || closed.get()) {
            return;
        }
        synchronized (deliveryLock) {
            try {
                l.onMessage(message, InboundContext.EMPTY);
            } catch (RuntimeException e) {
                LOG.warn("listener failed", e);
            }
        }
    }

    /** Tells the listener that the answer to {@code id} cannot arrive any more. */
    private void abort(RequestId id, McpTransportException cause) {
        TransportListener l = listener;
        if (l == null || closed.get()) {
            return;
        }
        synchronized (deliveryLock) {
            try {
                l.onRequestAborted(id, cause);
            } catch (RuntimeException e) {
                LOG.warn("listener failed", e);
            }
        }
    }

    private JsonRpcErrorResponse asErrorResponse(String text, RequestId requestId) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonRpcMessage m = codec.decode(text);
            if (m instanceof JsonRpcErrorResponse e) {
                return e.id() == null && requestId != null ? new JsonRpcErrorResponse(requestId, e.error()) : e;
            }
        } catch (RuntimeException e) {
            // not JSON-RPC
        }
        return null;
    }

    private java.util.concurrent.Executor workers() {
        return ownedExecutor != null ? ownedExecutor : HandlerExecutors.delivery();
    }

    private void startReader(String name, Runnable task) {
        Thread[] self = new Thread[1];
        Runnable wrapped = () -> {
            try {
                task.run();
            } finally {
                readers.remove(Thread.currentThread());
            }
        };
        self[0] = HandlerExecutors.startThread(name, wrapped);
        if (self[0].isAlive()) {
            readers.add(self[0]);
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(Math.max(0, millis));
    }

    private static void drain(InputStream in) {
        try (in) {
            in.readNBytes(64 * 1024);
        } catch (IOException e) {
            // ignored
        }
    }

    private static String readText(InputStream in) {
        try (in) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static RequestId answeredId(JsonRpcMessage m) {
        if (m instanceof JsonRpcResponse r) {
            return r.id();
        }
        if (m instanceof JsonRpcErrorResponse e) {
            return e.id();
        }
        return null;
    }

    private static RequestId idOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return RequestId.of(node.asString());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return RequestId.of(node.longValue());
        }
        return null;
    }

    /** Sends DELETE for the session (best effort), closes every stream and stops its threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        String session = sessionId;
        if (session != null && legacyPostUri == null) {
            try {
                HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(2))
                        .DELETE();
                addCommonHeaders(rb, session);
                http.sendAsync(rb.build(), HttpResponse.BodyHandlers.discarding())
                        .get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("DELETE of session failed: {}", e.toString());
            }
        }
        for (StreamHandle h : statelessRequests.values()) {
            h.abort();
        }
        statelessRequests.clear();
        for (InputStream in : openStreams) {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // ignored
            }
        }
        for (Thread t : readers) {
            t.interrupt();
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
            shutdownClient(http);
        }
        notifyClosed(null);
    }

    private void notifyClosed(Throwable cause) {
        if (!closeNotified.compareAndSet(false, true)) {
            return;
        }
        TransportListener l = listener;
        if (l != null) {
            l.onClose(cause);
        }
    }

    private static void shutdownClient(HttpClient client) {
        try {
            client.getClass().getMethod("shutdownNow").invoke(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 17: the client's selector thread ends when it is collected
        }
    }

    /** The HTTP exchange carrying one request's answer, so it can be aborted. */
    private static final class StreamHandle {
        volatile CompletableFuture<?> call;
        volatile InputStream body;
        volatile boolean aborted;
        volatile boolean refused;

        void abort() {
            aborted = true;
            CompletableFuture<?> c = call;
            if (c != null) {
                c.cancel(true);
            }
            InputStream in = body;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException | RuntimeException e) {
                    // ignored
                }
            }
        }
    }

    /** Builds a {@link StreamableHttpClientTransport}. */
    public static final class Builder {
        private final URI endpoint;
        private HttpClient httpClient;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpAuthorizer authorizer;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private boolean openGetStream = true;
        private boolean legacyFallback = true;
        private Duration defaultRetry = Duration.ofSeconds(1);
        private int maxReconnectAttempts = 5;
        private CodecLimits codecLimits = CodecLimits.DEFAULTS;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** The HTTP client to use (not closed by the transport); default a new one per transport. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** A header sent with every request. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Headers sent with every request. */
        public Builder headers(Map<String, String> values) {
            headers.putAll(values);
            return this;
        }

        /** Supplies authorization headers and handles 401/403. */
        public Builder authorizer(HttpAuthorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        /** Connect timeout of the default client; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long to wait for response headers; default 60 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Whether to open the standalone GET stream after initialization; default true. */
        public Builder openGetStream(boolean open) {
            this.openGetStream = open;
            return this;
        }

        /** Whether to fall back to legacy HTTP+SSE when initialize gets 400/404/405; default true. */
        public Builder legacyFallback(boolean fallback) {
            this.legacyFallback = fallback;
            return this;
        }

        /** The reconnection delay until the server sends {@code retry}; default 1 s. */
        public Builder defaultRetry(Duration delay) {
            this.defaultRetry = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** Consecutive reconnections without progress before a stream is given up; default 5. */
        public Builder maxReconnectAttempts(int attempts) {
            this.maxReconnectAttempts = attempts;
            return this;
        }

        /** Limits on inbound messages. */
        public Builder codecLimits(CodecLimits limits) {
            this.codecLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Builds the transport; {@link Transport#start} it (the session does). */
        public StreamableHttpClientTransport build() {
            return new StreamableHttpClientTransport(this);
        }
    }
}
