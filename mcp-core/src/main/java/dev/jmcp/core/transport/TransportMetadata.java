package dev.jmcp.core.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only facts a transport knows about the connection a message arrived on: which transport, the peer's
 * address and, for HTTP, the request headers. Interceptors and handlers may read it (for audit, rate limits or
 * tracing); protocol logic never does, so a server behaves the same on every transport.
 *
 * @param transport the transport's short name ({@code "http"}, {@code "stdio"}, {@code "in-memory"}), or
 *     {@code "unknown"}
 * @param remoteAddress the peer's address as {@code host:port}, or null when the transport has none
 * @param headers transport headers by lower-case name; empty for transports without headers
 */
public record TransportMetadata(String transport, String remoteAddress, Map<String, List<String>> headers) {
    /** Nothing known. */
    public static final TransportMetadata NONE = new TransportMetadata("unknown", null, Map.of());

    /**
     * Copies the header map and defaults the transport name.
     *
     * @param transport the transport's short name ({@code "http"}, {@code "stdio"}, {@code "in-memory"}), or
     *     {@code "unknown"}
     * @param remoteAddress the peer's address as {@code host:port}, or null when the transport has none
     * @param headers transport headers by lower-case name; empty for transports without headers
     */
    public TransportMetadata {
        transport = transport == null ? "unknown" : transport;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * Metadata of a transport without addresses or headers, such as stdio.
     *
     * @param transport the transport's short name ({@code "http"}, {@code "stdio"}, {@code "in-memory"}), or
     *     {@code "unknown"}
     * @return the metadata
     */
    public static TransportMetadata of(String transport) {
        return new TransportMetadata(transport, null, Map.of());
    }

    /**
     * The first value of a header (the name is case-insensitive), if present.
     *
     * @param name the header name
     * @return the first value of a header (the name is case-insensitive), if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The peer's address, if the transport knows one.
     *
     * @return the peer's address, if the transport knows one
     */
    public Optional<String> remote() {
        return Optional.ofNullable(remoteAddress);
    }
}
