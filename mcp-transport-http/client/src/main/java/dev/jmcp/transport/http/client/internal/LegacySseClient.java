package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.transport.http.client.McpHttpException;
import dev.jmcp.transport.http.common.internal.BoundedBody;
import dev.jmcp.transport.http.common.internal.Uris;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy HTTP+SSE client (2024-11-05): a GET stream whose {@code endpoint} event names where to POST, then
 * every message as a POST there and every answer on that stream. When the stream ends the transport closes.
 *
 * <p>The {@code endpoint} event must name the origin of the SSE URL (scheme, host and port): the POSTs carry the
 * authorization and custom headers, so an endpoint on another origin fails the connection. POST answers are read at
 * most 64 KiB (error text), a success body is discarded.
 */
public final class LegacySseClient {
    private static final Logger LOG = LoggerFactory.getLogger(LegacySseClient.class);
    private static final int MAX_ERROR_TEXT = 64 * 1024;

    private final ClientChannel channel;
    private volatile URI postUri;

    /** A legacy client over {@code channel}, not yet connected. */
    public LegacySseClient(ClientChannel channel) {
        this.channel = channel;
    }

    /** Whether the transport fell back to legacy HTTP+SSE (the endpoint event arrived). */
    public boolean isActive() {
        return postUri != null;
    }

    /** Opens the SSE stream; completes when the endpoint event arrived. */
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        channel.startReader("jmcp-http-legacy-sse", () -> readStream(ready));
        return ready.orTimeout(channel.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** POSTs a message to the endpoint the server named; its answer arrives on the stream. */
    public CompletableFuture<Void> post(JsonRpcMessage message) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(postUri)
                .timeout(channel.settings().requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(channel.codec().encode(message)));
        channel.addCommonHeaders(rb, null);
        HttpResponse.BodyHandler<byte[]> errorText = BoundedBody.handler(MAX_ERROR_TEXT, b -> {});
        HttpRequest request = rb.build();
        // the blocking send on a worker of ours: sendAsync would complete through CompletableFuture's default
        // executor (a new thread per call on 1-2 CPU machines)
        return CompletableFuture.runAsync(
                () -> {
                    HttpResponse<byte[]> response;
                    try {
                        response = channel.http()
                                .send(
                                        request,
                                        info -> info.statusCode() >= 200 && info.statusCode() < 300
                                                ? HttpResponse.BodySubscribers.replacing(new byte[0])
                                                : errorText.apply(info));
                    } catch (IOException e) {
                        throw new McpTransportException("POST to " + postUri + " failed: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new McpTransportException("interrupted", e);
                    }
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        throw new McpHttpException(
                                response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
                    }
                },
                channel.workers());
    }

    private void readStream(CompletableFuture<Void> ready) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(channel.endpoint())
                .timeout(channel.settings().requestTimeout())
                .header("Accept", "text/event-stream")
                .GET();
        channel.addCommonHeaders(rb, null);
        Throwable cause = null;
        try {
            HttpResponse<InputStream> response =
                    channel.http().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String text = Bodies.text(response.body());
                ready.completeExceptionally(new McpHttpException(response.statusCode(), text));
                return;
            }
            readEvents(response.body(), ready);
        } catch (IOException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.completeExceptionally(new McpTransportException("legacy SSE stream ended", cause));
        if (!channel.isClosed() && postUri != null) {
            channel.markClosed();
            channel.notifyClosed(cause == null ? new McpTransportException("the server closed the SSE stream") : cause);
        }
    }

    /** The POST URI the endpoint event names, or null when it is not on the SSE URL's origin. */
    private URI sameOriginEndpoint(String data) {
        try {
            URI target = channel.endpoint().resolve(data);
            return Uris.sameOrigin(target, channel.endpoint()) && target.getRawUserInfo() == null ? target : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void readEvents(InputStream in, CompletableFuture<Void> ready) throws IOException {
        channel.track(in);
        try (in) {
            SseEventReader reader =
                    new SseEventReader(in, channel.codec().limits().maxMessageBytes());
            SseEventReader.Event event;
            while (!channel.isClosed() && (event = reader.next()) != null) {
                if ("endpoint".equals(event.name())) {
                    URI target = sameOriginEndpoint(event.data().trim());
                    if (target == null) {
                        ready.completeExceptionally(new McpTransportException("the legacy SSE endpoint event names "
                                + "another origin than " + Uris.origin(channel.endpoint())
                                + "; refusing to send messages (and credentials) there"));
                        return;
                    }
                    postUri = target;
                    ready.complete(null);
                } else if (!event.data().isBlank() && (event.name() == null || "message".equals(event.name()))) {
                    try {
                        for (JsonRpcMessage m :
                                channel.codec().decodeAll(event.data().getBytes(StandardCharsets.UTF_8))) {
                            channel.deliver(m);
                        }
                    } catch (JsonRpcCodecException e) {
                        LOG.debug("skipping invalid legacy SSE message: {}", e.getMessage());
                    }
                }
            }
        } finally {
            channel.untrack(in);
        }
    }
}
