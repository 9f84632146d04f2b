package dev.jmcp.core.transport;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a transport knows about an inbound message beyond its JSON: the authenticated caller and, for HTTP, the
 * request headers (lower-case names).
 *
 * @param auth the authenticated caller, or null
 * @param headers transport headers by lower-case name; empty for transports without headers
 */
public record InboundContext(AuthInfo auth, Map<String, List<String>> headers) {
    /** No caller, no headers. */
    public static final InboundContext EMPTY = new InboundContext(null, Map.of());

    /** Copies the header map. */
    public InboundContext {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The authenticated caller, if the transport authenticated one. */
    public Optional<AuthInfo> authInfo() {
        return Optional.ofNullable(auth);
    }

    /** The first value of a header (name is case-insensitive), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
