package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.transport.http.servlet.DnsRebindingProtection;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Host and Origin validation against DNS rebinding and cross-origin use, on every request whatever interface the
 * container bound.
 *
 * <p>Host: with an allow-list, the Host header (name, or name and port) must be on it. Without one, it must name
 * this machine: {@code localhost}, a loopback address, the address the request arrived on, or an address of one of
 * the machine's interfaces (a DNS-rebinding attacker's page can only send its own DNS name). Names are compared in
 * lower case without a trailing dot; IPv6 literals in canonical form.
 *
 * <p>Origin: absent is fine (not a browser); otherwise it must be on the allow-list (the literal {@code null} only
 * when listed) or be the same origin as the request itself: scheme, host and port all equal.
 */
public final class RequestGuard {
    private static final Set<String> LOCALHOST_NAMES = Set.of("localhost", "[0:0:0:0:0:0:0:1]");

    private final boolean validateHost;
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;
    private final Set<String> machineAddresses;
    /**
     * The last Host header parsed, and whether it is allowed whatever the request's local address: clients send
     * the same Host on every request, so the parse (and the allow-list look-up) runs once per distinct value.
     */
    private volatile ParsedHost lastHost;

    /** A guard; hosts may be {@code name} or {@code name:port}, origins {@code scheme://host[:port]}. */
    public RequestGuard(DnsRebindingProtection mode, Set<String> allowedHosts, Set<String> allowedOrigins) {
        this.validateHost = mode != DnsRebindingProtection.OFF;
        this.allowedHosts =
                allowedHosts.stream().map(RequestGuard::normalizeAllowedHost).collect(Collectors.toUnmodifiableSet());
        this.allowedOrigins = allowedOrigins.stream()
                .map(o -> {
                    String normalized = normalizeOrigin(o.trim());
                    return normalized == null ? o.trim().toLowerCase(Locale.ROOT) : normalized;
                })
                .collect(Collectors.toUnmodifiableSet());
        this.machineAddresses = this.allowedHosts.isEmpty() ? machineAddresses() : Set.of();
    }

    /** One line saying which Host and Origin values are accepted, for start-up logs. */
    public String describe() {
        String hosts;
        if (!validateHost) {
            hosts = "the Host header is NOT validated (DnsRebindingProtection.OFF)";
        } else if (!allowedHosts.isEmpty()) {
            hosts = "Host must be one of " + allowedHosts;
        } else {
            hosts = "Host must be localhost, a loopback address or one of this machine's addresses " + machineAddresses
                    + "; other names are refused (set allowedHosts to serve a DNS name)";
        }
        return hosts + "; Origin must be same-origin"
                + (allowedOrigins.isEmpty() ? "" : " or one of " + allowedOrigins);
    }

    /** Null when the request may proceed, else the reason to refuse it with 403. */
    public String check(HttpServletRequest request) {
        String hostHeader = request.getHeader("Host");
        if (hostHeader == null
                && request.getProtocol() != null
                && request.getProtocol().startsWith("HTTP/2")) {
            // HTTP/2 carries the host as the :authority pseudo-header, not a Host header (RFC 9113, 8.3.1)
            String name = request.getServerName();
            hostHeader = name == null || name.isEmpty()
                    ? null
                    : (name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name) + ":"
                            + request.getServerPort();
        }
        ParsedHost parsed = hostHeader == null ? null : parsedHost(hostHeader);
        HostPort host = parsed == null ? null : parsed.host();
        if (validateHost) {
            if (hostHeader == null) {
                return "missing Host header";
            }
            if (host == null || !(parsed.allowedEverywhere() || hostAllowedHere(host, request))) {
                return "Host " + printable(hostHeader) + " is not allowed";
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        String normalized = normalizeOrigin(origin.trim());
        if (normalized == null) {
            return allowedOrigins.contains(origin.trim().toLowerCase(Locale.ROOT))
                    ? null
                    : "Origin " + printable(origin) + " is not allowed";
        }
        if (allowedOrigins.contains(normalized)) {
            return null;
        }
        if (host != null) {
            String scheme =
                    request.getScheme() == null ? "http" : request.getScheme().toLowerCase(Locale.ROOT);
            int port = host.port() >= 0 ? host.port() : defaultPort(scheme);
            if (normalized.equals(origin(scheme, host.name(), port))) {
                return null;
            }
        }
        return "cross-origin request from " + printable(origin) + " is not allowed";
    }

    /** {@code hostHeader} parsed, from the one-entry cache when it is the last value seen. */
    private ParsedHost parsedHost(String hostHeader) {
        ParsedHost last = lastHost;
        if (last != null && last.header().equals(hostHeader)) {
            return last;
        }
        HostPort host = HostPort.parse(hostHeader);
        ParsedHost parsed = new ParsedHost(hostHeader, host, host != null && hostAllowedEverywhere(host));
        lastHost = parsed;
        return parsed;
    }

    /** Whether {@code host} is allowed by the allow-list or names this machine (whatever the request). */
    private boolean hostAllowedEverywhere(HostPort host) {
        if (!allowedHosts.isEmpty()) {
            return allowedHosts.contains(host.name())
                    || host.port() >= 0 && allowedHosts.contains(host.name() + ":" + host.port());
        }
        String name = host.name();
        return LOCALHOST_NAMES.contains(name) || isIpv4Loopback(name) || machineAddresses.contains(name);
    }

    /** Without an allow-list: whether {@code host} is the address the request arrived on. */
    private boolean hostAllowedHere(HostPort host, HttpServletRequest request) {
        if (!allowedHosts.isEmpty()) {
            return false;
        }
        String local = request.getLocalAddr();
        return local != null && host.name().equals(HostPort.canonicalAddress(local));
    }

    /**
     * A parsed Host header.
     *
     * @param header the header as received
     * @param host the parsed host, or null when malformed
     * @param allowedEverywhere whether it is allowed whatever address the request arrived on
     */
    private record ParsedHost(String header, HostPort host, boolean allowedEverywhere) {}

    private static boolean isIpv4Loopback(String name) {
        return name.startsWith("127.") && HostPort.isIpv4(name);
    }

    /** {@code scheme://host[:port]} lower case without the default port, or null when it is no http(s) origin. */
    static String normalizeOrigin(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        String scheme;
        if (lower.startsWith("http://")) {
            scheme = "http";
        } else if (lower.startsWith("https://")) {
            scheme = "https";
        } else {
            return null;
        }
        HostPort hp = HostPort.parse(lower.substring(scheme.length() + 3));
        if (hp == null) {
            return null;
        }
        return origin(scheme, hp.name(), hp.port() >= 0 ? hp.port() : defaultPort(scheme));
    }

    private static String origin(String scheme, String host, int port) {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static String normalizeAllowedHost(String host) {
        HostPort hp = HostPort.parse(host.trim());
        if (hp == null) {
            throw new IllegalArgumentException("not a host or host:port: " + host);
        }
        return hp.port() >= 0 ? hp.name() + ":" + hp.port() : hp.name();
    }

    private static Set<String> machineAddresses() {
        Set<String> out = new HashSet<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    String canonical = HostPort.canonicalAddress(a.getHostAddress());
                    if (canonical != null) {
                        out.add(canonical);
                    }
                }
            }
        } catch (SocketException | RuntimeException e) {
            // no interface list: localhost forms and the request's own address still work
        }
        return Set.copyOf(out);
    }

    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
