package dev.jmcp.transport.http.common.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.common.OAuthException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The few HTTP exchanges OAuth needs, with a timeout on each and no redirects followed for credentials. */
public final class OAuthHttp {
    /** Largest response body read (metadata, tokens, keys). */
    public static final int MAX_BODY = 1024 * 1024;

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param body the body text (at most {@link #MAX_BODY} characters are kept)
     * @param response the underlying response, for headers
     */
    public record Response(int status, String body, HttpResponse<String> response) {
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

    /** Uses the given client; every request times out after {@code timeout}. */
    public OAuthHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
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

    /** Sends a request; I/O failures and interruption become {@link OAuthException}. */
    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = r.body() == null ? "" : r.body();
            if (body.length() > MAX_BODY) {
                body = body.substring(0, MAX_BODY);
            }
            return new Response(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new OAuthException(request.method() + " " + safe(request.uri()) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException("interrupted during " + request.method() + " " + safe(request.uri()), e);
        }
    }

    /** A URI without its query, for messages (queries may carry codes). */
    public static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
