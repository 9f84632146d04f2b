package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.transport.http.client.auth.HttpAuthorizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * The immutable configuration of one client transport, as its builder collected it.
 *
 * @param endpoint the MCP endpoint
 * @param httpClient the caller's HTTP client (not closed by the transport), or null for one of its own
 * @param connectTimeout the connect timeout of a client of its own
 * @param headers headers sent with every request
 * @param authorizer supplies authorization headers and handles 401/403, or null
 * @param requestTimeout how long to wait for response headers
 * @param openGetStream whether to open the standalone GET stream once a session is established
 * @param legacyFallback whether to fall back to legacy HTTP+SSE when the first request is refused
 * @param defaultRetryMillis the reconnection delay until the server sends {@code retry}
 * @param maxReconnectAttempts consecutive reconnections without progress before a stream is given up
 * @param codecLimits limits on inbound messages
 * @param engine the HTTP client POSTs go through
 */
public record ClientSettings(
        URI endpoint,
        HttpClient httpClient,
        Duration connectTimeout,
        Map<String, String> headers,
        HttpAuthorizer authorizer,
        Duration requestTimeout,
        boolean openGetStream,
        boolean legacyFallback,
        long defaultRetryMillis,
        int maxReconnectAttempts,
        CodecLimits codecLimits,
        dev.jmcp.transport.http.client.HttpClientEngine engine) {
    /** Copies the header map. */
    public ClientSettings {
        headers = Map.copyOf(headers);
    }
}
