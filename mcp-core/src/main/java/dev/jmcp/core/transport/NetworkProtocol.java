package dev.jmcp.core.transport;

/**
 * What carries a connection's messages, in the terms of OpenTelemetry's {@code network.*} attributes: the transport
 * ({@code pipe} for stdio, {@code tcp} for HTTP) and the application protocol with its version ({@code http}
 * {@code 1.1} or {@code 2}). A transport reports it from its own framing (a server per request, as negotiated; a
 * client for its connection), never from message content; interceptors read it for tracing. Immutable; the
 * constants cover the common cases, so reporting one allocates nothing.
 *
 * @param transport the {@code network.transport} value ({@code pipe}, {@code tcp}, {@code udp}, {@code unix},
 *     {@code quic}), or null when unknown
 * @param name the {@code network.protocol.name} value ({@code http}), or null when there is no application protocol
 *     below MCP (stdio) or it is unknown
 * @param version the {@code network.protocol.version} value ({@code 1.0}, {@code 1.1}, {@code 2}, {@code 3}), or null
 *     when unknown
 */
public record NetworkProtocol(String transport, String name, String version) {
    /** Nothing known (in-memory transports, and transports that do not say). */
    public static final NetworkProtocol UNKNOWN = new NetworkProtocol(null, null, null);

    /** Standard input and output of a process (stdio): {@code network.transport=pipe}. */
    public static final NetworkProtocol PIPE = new NetworkProtocol("pipe", null, null);

    /** HTTP whose version is not known yet (a client before its first response). */
    public static final NetworkProtocol HTTP = new NetworkProtocol("tcp", "http", null);

    /** HTTP/1.0 over TCP. */
    public static final NetworkProtocol HTTP_1_0 = new NetworkProtocol("tcp", "http", "1.0");

    /** HTTP/1.1 over TCP. */
    public static final NetworkProtocol HTTP_1_1 = new NetworkProtocol("tcp", "http", "1.1");

    /** HTTP/2 over TCP (h2 or h2c). */
    public static final NetworkProtocol HTTP_2 = new NetworkProtocol("tcp", "http", "2");

    /** HTTP/3 over QUIC. */
    public static final NetworkProtocol HTTP_3 = new NetworkProtocol("quic", "http", "3");

    /**
     * The HTTP protocol a request line or a client library names: {@code HTTP/1.1}, {@code HTTP/2.0}, {@code HTTP/2},
     * {@code 1.1}, {@code 2} (case-insensitive); a constant for the known versions, {@link #HTTP} for null or an
     * unrecognised text.
     *
     * @param protocol the protocol as the HTTP stack reports it (e.g. {@code ServletRequest.getProtocol()}), or null
     * @return the matching constant, never null
     */
    public static NetworkProtocol http(String protocol) {
        if (protocol == null) {
            return HTTP;
        }
        return switch (protocol) { // no allocation for what HTTP stacks report
            case "HTTP/1.1", "1.1" -> HTTP_1_1;
            case "HTTP/2.0", "HTTP/2", "2", "2.0" -> HTTP_2;
            case "HTTP/1.0", "1.0" -> HTTP_1_0;
            case "HTTP/3", "HTTP/3.0", "3", "3.0" -> HTTP_3;
            default -> {
                String upper = protocol.toUpperCase(java.util.Locale.ROOT);
                yield upper.equals(protocol) ? HTTP : http(upper);
            }
        };
    }
}
