package dev.jmcp.transport.http.client;

/**
 * The HTTP client a {@link StreamableHttpClientTransport} sends its POSTs with (chosen with {@link
 * StreamableHttpClientTransport.Builder#engine}).
 */
public enum HttpClientEngine {
    /**
     * jmcp's own HTTP/1.1 client on blocking sockets with a keep-alive connection pool (the default): a small
     * fraction of the JDK client's CPU per call, and no thread hand-off inside the HTTP exchange.
     */
    BUILT_IN,
    /** {@code java.net.http.HttpClient}: the engine used whenever an {@code HttpClient} of the caller's is given. */
    JDK
}
