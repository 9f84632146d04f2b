package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.CallerWaits;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.transport.http.client.McpHttpException;
import dev.jmcp.transport.http.client.McpSessionExpiredException;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import dev.jmcp.transport.http.common.internal.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP POST path: sends each message as a POST with {@code Accept: application/json,
 * text/event-stream} and handles the answer (JSON, an SSE stream, a refusal, an expired session, an authorization
 * challenge, or the legacy fallback). Mirrored headers come from the message's {@link MessageEnvelope} only.
 */
public final class PostSender {
    private static final Logger LOG = LoggerFactory.getLogger(PostSender.class);
    private static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private final ClientChannel channel;
    private final SseStreams streams;
    private final LegacySseClient legacy;
    private final Map<RequestId, StreamHandle> perRequestStreams = new ConcurrentHashMap<>();
    /** The exchanges carried by their blocked callers' threads, by request id. */
    private final Map<RequestId, StreamHandle> inlineExchanges = new ConcurrentHashMap<>();

    /** The POST path of {@code channel}, resuming streams with {@code streams}, falling back to {@code legacy}. */
    public PostSender(ClientChannel channel, SseStreams streams, LegacySseClient legacy) {
        this.channel = channel;
        this.streams = streams;
        this.legacy = legacy;
    }

    /** One POST of one message and what the answer handling needs to know about it. */
    private record Exchange(
            JsonRpcMessage message,
            MessageEnvelope envelope,
            RequestId requestId,
            String sentSession,
            boolean perRequestVersion,
            StreamHandle handle,
            int authRetries) {}

    /** POSTs {@code message}; on 401/403 the authorizer may get up to {@code authRetries} more attempts. */
    public CompletableFuture<Void> send(JsonRpcMessage message, MessageEnvelope envelope, int authRetries) {
        ProtocolVersion negotiated = channel.protocolVersion();
        boolean perRequestVersion =
                EnvelopeHeaders.declaresVersion(envelope) || (negotiated != null && negotiated.isStateless());
        String sentSession = perRequestVersion ? null : channel.sessionId();
        byte[] body;
        HeaderList headers = new HeaderList();
        try {
            body = channel.codec().encode(message);
            headers.add("Content-Type", "application/json");
            headers.add("Accept", ACCEPT_BOTH);
            channel.addCommonHeaders(headers, sentSession);
            EnvelopeHeaders.write(headers, envelope);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        RequestId requestId = message instanceof JsonRpcRequest r ? r.id() : null;
        Exchange ex = new Exchange(
                message, envelope, requestId, sentSession, perRequestVersion, new StreamHandle(), authRetries);
        if (perRequestVersion && requestId != null) {
            perRequestStreams.put(requestId, ex.handle());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        ex.handle().call = done;
        if (channel.engine() instanceof SocketPostEngine && CallerWaits.claim()) {
            // a blocking client call: the caller waits for this answer anyway, so it carries the exchange itself
            // (no hand-off to a worker and back); a timeout or cancellation of the request aborts it
            if (requestId != null) {
                inlineExchanges.put(requestId, ex.handle());
            }
            try {
                HandlerExecutors.deliverInline(() -> exchange(ex, headers, body, done));
            } finally {
                if (requestId != null) {
                    inlineExchanges.remove(requestId, ex.handle());
                }
            }
            return done;
        }
        try {
            channel.workers().execute(() -> HandlerExecutors.deliverInline(() -> exchange(ex, headers, body, done)));
        } catch (RuntimeException rejected) {
            forget(ex);
            done.completeExceptionally(new McpTransportException("transport is closed", rejected));
        }
        return done;
    }

    /** Runs one exchange on a worker: POST, then the answer's handling; completes {@code done}. */
    private void exchange(Exchange ex, HeaderList headers, byte[] body, CompletableFuture<Void> done) {
        PostResponse response;
        try {
            response = channel.engine()
                    .post(channel.endpoint(), headers, body, channel.settings().requestTimeout(), ex.handle());
        } catch (IOException | InterruptedException | RuntimeException error) {
            forget(ex);
            if (ex.handle().aborted) {
                done.complete(null);
            } else {
                done.completeExceptionally(new McpTransportException(
                        "POST to " + channel.endpoint() + " failed: " + describe(error), error));
            }
            return;
        }
        CompletableFuture<Void> handled;
        try {
            handled = onResponse(ex, response);
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenComplete((ok, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(null);
            }
        });
    }

    private static String describe(Throwable error) {
        if (error instanceof java.net.SocketTimeoutException || error instanceof java.net.http.HttpTimeoutException) {
            return "request timed out (" + error.getMessage() + ")";
        }
        return String.valueOf(error.getMessage());
    }

    /**
     * Cancels an in-flight 2026-07-28 request the way that era does: its response stream is closed.
     *
     * @return false when {@code id} is no such request (then a cancellation must be sent as a message)
     */
    public boolean closeStreamOf(RequestId id) {
        StreamHandle handle = perRequestStreams.remove(id);
        if (handle == null) {
            return false;
        }
        handle.abort();
        return true;
    }

    /**
     * Aborts the exchange of request {@code id} when its caller's thread carries it (the request timed out or was
     * cancelled: the blocked caller must not wait for the server any longer).
     */
    public void abortInline(RequestId id) {
        StreamHandle handle = inlineExchanges.remove(id);
        if (handle != null) {
            handle.abort();
        }
    }

    /** Aborts every per-request stream (the transport is closing). */
    public void abortAll() {
        for (StreamHandle h : perRequestStreams.values()) {
            h.abort();
        }
        perRequestStreams.clear();
    }

    private CompletableFuture<Void> onResponse(Exchange ex, PostResponse response) {
        int status = response.statusCode();
        channel.protocol(response.protocol());
        if (status >= 200 && status < 300) {
            String sid = response.header(McpHttpHeaders.SESSION_ID);
            if (sid != null) {
                channel.sessionId(sid);
            }
            if (!ex.perRequestVersion() && ex.requestId() != null) {
                channel.markEstablished();
            }
        }
        if ((status == 401 || status == 403) && channel.settings().authorizer() != null) {
            return onAuthorizationChallenge(ex, response);
        }
        if (status == 404 && ex.sentSession() != null) {
            String text = Bodies.text(response.body());
            streams.expireSession(ex.sentSession());
            return fail(ex, new McpSessionExpiredException(ex.sentSession(), text));
        }
        if (refusedFirstRequest(ex, status)) {
            Bodies.drain(response.body());
            LOG.debug("the first POST got {}; falling back to HTTP+SSE", status);
            return legacy.connect().thenCompose(ignored -> legacy.post(ex.message()));
        }
        if (Redirects.isRedirect(status)) {
            return fail(
                    ex,
                    Redirects.refused(
                            channel.endpoint(), response.statusCode(), response.header("Location"), response.body()));
        }
        if (status < 200 || status >= 300) {
            return onErrorStatus(ex, status, Bodies.text(response.body()));
        }
        String contentType = Objects.requireNonNullElse(response.header("Content-Type"), "");
        CompletableFuture<Void> handled;
        if (contentType.toLowerCase().startsWith("text/event-stream")) {
            streams.readPostStream(response.body(), ex.requestId(), ex.handle(), () -> forget(ex));
            handled = CompletableFuture.completedFuture(null);
        } else if (MediaTypes.isJson(contentType)) {
            handled = onJsonAnswer(ex, response.body());
        } else {
            Bodies.drain(response.body());
            handled = CompletableFuture.completedFuture(null);
            if (ex.requestId() != null) {
                forget(ex);
                return CompletableFuture.failedFuture(
                        new McpHttpException(status, "unexpected content type " + contentType));
            }
        }
        if (handled.isCompletedExceptionally()) {
            return handled;
        }
        if (ex.message() instanceof JsonRpcNotification
                && !ex.perRequestVersion()
                && channel.established()
                && channel.settings().openGetStream()) {
            // the first notification of a session is notifications/initialized: it completes once the standalone
            // stream is open (or refused), so that what the server sends right after the handshake is not lost
            CompletableFuture<Void> opened = streams.openStandaloneOnce();
            return handled.thenCompose(v -> opened);
        }
        return handled;
    }

    private CompletableFuture<Void> onAuthorizationChallenge(Exchange ex, PostResponse response) {
        int status = response.statusCode();
        List<String> challenges = response.headers("WWW-Authenticate");
        String text = Bodies.text(response.body());
        // an OAuthException thrown here fails the send as it is, so the caller learns why
        if (ex.authRetries() > 0
                && channel.settings().authorizer().onUnauthorized(channel.endpoint(), status, challenges)) {
            forget(ex);
            return send(ex.message(), ex.envelope(), ex.authRetries() - 1);
        }
        return fail(
                ex,
                new McpHttpException(
                        status,
                        "authorization failed"
                                + (challenges.isEmpty() ? "" : " (WWW-Authenticate: " + challenges + ")")
                                + (text.isEmpty() ? "" : ": " + text)));
    }

    /**
     * Whether a refusal means the server only speaks legacy HTTP+SSE: 400, 404 or 405 to the first request of a
     * session-era handshake (no session yet, nothing accepted yet), when the fallback is enabled.
     */
    private boolean refusedFirstRequest(Exchange ex, int status) {
        return channel.settings().legacyFallback()
                && (status == 400 || status == 404 || status == 405)
                && ex.sentSession() == null
                && !ex.perRequestVersion()
                && ex.requestId() != null
                && !channel.established();
    }

    private CompletableFuture<Void> onErrorStatus(Exchange ex, int status, String text) {
        forget(ex);
        JsonRpcErrorResponse error = channel.asErrorResponse(text, ex.requestId());
        if (error != null && ex.requestId() != null) {
            channel.deliver(error);
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(new McpHttpException(status, text));
    }

    private CompletableFuture<Void> onJsonAnswer(Exchange ex, InputStream body) {
        byte[] bytes;
        int max = channel.codec().limits().maxMessageBytes();
        try (body) {
            // never more than the codec accepts: a larger answer is cut off (the connection dropped) and fails
            bytes = body.readNBytes(max == Integer.MAX_VALUE ? max : max + 1);
        } catch (IOException e) {
            return fail(ex, new McpTransportException("cannot read response", e));
        }
        if (bytes.length > max) {
            return fail(
                    ex,
                    new McpTransportException("the JSON answer exceeds " + max + " bytes (the codec's message limit)"));
        }
        forget(ex);
        if (bytes.length > 0) {
            try {
                for (JsonRpcMessage m : channel.codec().decodeAll(bytes)) {
                    channel.deliver(m);
                }
            } catch (JsonRpcCodecException e) {
                return CompletableFuture.failedFuture(
                        new McpTransportException("invalid JSON answer: " + e.getMessage(), e));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> fail(Exchange ex, RuntimeException e) {
        forget(ex);
        return CompletableFuture.failedFuture(e);
    }

    private void forget(Exchange ex) {
        if (ex.requestId() != null) {
            perRequestStreams.remove(ex.requestId(), ex.handle());
        }
    }
}
