package dev.jmcp.opentelemetry.internal;

/**
 * A peer's address and port parsed from a transport's {@code host:port} text ({@code [v6]:port} too).
 *
 * @param address the host or IP address
 * @param port the port, or -1 when absent
 */
public record Peer(String address, long port) {

    /** Parses {@code text}; null when it is null or empty. */
    public static Peer parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int colon = text.lastIndexOf(':');
        boolean bareV6 = colon > 0 && text.indexOf(':') != colon && !text.startsWith("[");
        if (colon <= 0 || bareV6) {
            return new Peer(text, -1);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new Peer(host, Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return new Peer(text, -1);
        }
    }
}
