package dev.jmcp.core.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only facts a transport knows about the connection a message arrived on: which transport, the peer's
 * address, for HTTP the request headers, and the network protocol the message came over. Interceptors and handlers
 * may read it (for audit, rate limits or tracing); protocol logic never does, so a server behaves the same on every
 * transport.
 *
 * @param transport the transport's short name ({@code "http"}, {@code "stdio"}, {@code "in-memory"}), or
 *     {@code "unknown"}
 * @param remoteAddress the peer's address as {@code host:port}, or null when the transport has none
 * @param headers transport headers by lower-case name; empty for transports without headers
 * @param network the network transport and protocol the message came over, as the transport negotiated it (HTTP:
 *     {@code tcp}, {@code http} and the request's version; stdio: {@code pipe}); {@link NetworkProtocol#UNKNOWN}
 *     when the transport does not say
 */
public record TransportMetadata(
        String transport, String remoteAddress, Map<String, List<String>> headers, NetworkProtocol network) {
    /** Nothing known. */
    public static final TransportMetadata NONE =
            new TransportMetadata("unknown", null, Map.of(), NetworkProtocol.UNKNOWN);

    /**
     * Copies the header map and defaults the transport name and network protocol.
     *
     * @param transport the transport's short name ({@code "http"}, {@code "stdio"}, {@code "in-memory"}), or
     *     {@code "unknown"}
     * @param remoteAddress the peer's address as {@code host:port}, or null when the transport has none
     * @param headers transport headers by lower-case name; empty for transports without headers
     * @param network the network transport and protocol the message came over, or null for unknown
     */
    public TransportMetadata {
        transport = transport == null ? "unknown" : transport;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        network = network == null ? NetworkProtocol.UNKNOWN : network;
    }

    /**
     * Metadata whose network protocol follows from the transport name: {@link NetworkProtocol#HTTP} (version
     * unknown) for {@code "http"}, {@link NetworkProtocol#PIPE} for {@code "stdio"}, else unknown. Transports that
     * know better use the canonical constructor.
     *
     * @param transport the transport's short name
     * @param remoteAddress the peer's address as {@code host:port}, or null
     * @param headers transport headers by lower-case name, or null
     */
    public TransportMetadata(String transport, String remoteAddress, Map<String, List<String>> headers) {
        this(transport, remoteAddress, headers, networkOf(transport));
    }

    /**
     * Metadata of a transport without addresses or headers, its network protocol following from its name (see
     * {@link #TransportMetadata(String, String, Map)}).
     *
     * @param transport the transport's short name
     * @return the metadata
     */
    public static TransportMetadata of(String transport) {
        return new TransportMetadata(transport, null, Map.of());
    }

    /**
     * Metadata of a transport without addresses or headers that reports its network protocol.
     *
     * @param transport the transport's short name
     * @param network the network transport and protocol, e.g. {@link NetworkProtocol#PIPE}
     * @return the metadata
     */
    public static TransportMetadata of(String transport, NetworkProtocol network) {
        return new TransportMetadata(transport, null, Map.of(), network);
    }

    private static NetworkProtocol networkOf(String transport) {
        if ("http".equals(transport)) {
            return NetworkProtocol.HTTP;
        }
        return "stdio".equals(transport) ? NetworkProtocol.PIPE : NetworkProtocol.UNKNOWN;
    }

    /**
     * The first value of a header (the name is case-insensitive), if present.
     *
     * @param name the header name
     * @return the header's first value, or empty when the header is absent
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
