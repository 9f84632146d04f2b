package dev.jmcp.transport.http.common.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.common.OAuthException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The few HTTP exchanges OAuth needs (metadata, JWKS, tokens, registration, introspection), each bounded: the whole
 * exchange, body included, within the timeout, and the body at most {@link #MAX_BODY} bytes (a larger one is cut
 * off and fails). No redirects are followed for credentials.
 */
public final class OAuthHttp {
    /** Largest response body read (metadata, tokens, keys): 1 MiB. */
    public static final int MAX_BODY = 1024 * 1024;

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param body the body text (at most the configured limit of bytes)
     * @param response the underlying response, for headers
     */
    public record Response(int status, String body, HttpResponse<?> response) {
        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON. */
        public JsonNode json() {
            return McpJson.parse(body);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBodyBytes;

    /** Uses the given client; every exchange ends within {@code timeout}; bodies up to {@link #MAX_BODY}. */
    public OAuthHttp(HttpClient client, Duration timeout) {
        this(client, timeout, MAX_BODY);
    }

    /** Uses the given client; every exchange ends within {@code timeout}; bodies up to {@code maxBodyBytes}. */
    public OAuthHttp(HttpClient client, Duration timeout, int maxBodyBytes) {
        this.client = client;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A new client that never follows redirects (so credentials never leave for another host) and connects within 10 s. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The underlying client. */
    public HttpClient client() {
        return client;
    }

    /** GET with {@code Accept: application/json}. */
    public Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /** POST a form; extra headers (e.g. Authorization) are added. */
    public Response postForm(URI uri, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form)));
        headers.forEach(b::header);
        return send(b.build());
    }

    /** POST a JSON document. */
    public Response postJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /**
     * Sends a request; I/O failures, a body beyond the limit, the timeout (headers and body together) and
     * interruption become {@link OAuthException}.
     */
    public Response send(HttpRequest request) {
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> call =
                client.sendAsync(request, BoundedBody.handler(maxBodyBytes, body::set));
        String what = request.method() + " " + safe(request.uri());
        try {
            HttpResponse<byte[]> r = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            byte[] bytes = r.body() == null ? new byte[0] : r.body();
            return new Response(r.statusCode(), new String(bytes, StandardCharsets.UTF_8), r);
        } catch (TimeoutException e) {
            abort(call, body, "timed out");
            throw new OAuthException(what + " did not complete within " + timeout, e);
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                            ? e.getCause().getCause()
                            : e.getCause();
            throw new OAuthException(what + " failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            abort(call, body, "interrupted");
            Thread.currentThread().interrupt();
            throw new OAuthException("interrupted during " + what, e);
        }
    }

    private static void abort(CompletableFuture<?> call, AtomicReference<BoundedBody> body, String why) {
        call.cancel(true);
        BoundedBody b = body.get();
        if (b != null) {
            b.cancel(new IOException(why));
        }
    }

    /** A URI without its query, for messages (queries may carry codes). */
    public static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
