package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.transport.http.servlet.DnsRebindingProtection;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Host and Origin validation against DNS rebinding and cross-origin use. */
public final class RequestGuard {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final DnsRebindingProtection mode;
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    /** A guard; hosts may be {@code name} or {@code name:port}, origins {@code scheme://host[:port]}. */
    public RequestGuard(DnsRebindingProtection mode, Set<String> allowedHosts, Set<String> allowedOrigins) {
        this.mode = mode;
        this.allowedHosts = lower(allowedHosts);
        this.allowedOrigins = lower(allowedOrigins);
    }

    /** Null when the request may proceed, else the reason to refuse it with 403. */
    public String check(HttpServletRequest request) {
        boolean protect = mode == DnsRebindingProtection.ON
                || (mode == DnsRebindingProtection.LOOPBACK && isLoopback(request.getLocalAddr()));
        String host = request.getHeader("Host");
        String hostName = host == null ? null : hostName(host.toLowerCase(Locale.ROOT));
        if (protect || !allowedHosts.isEmpty()) {
            if (host == null) {
                return "missing Host header";
            }
            boolean ok = allowedHosts.isEmpty()
                    ? LOOPBACK_NAMES.contains(hostName)
                    : allowedHosts.contains(host.toLowerCase(Locale.ROOT)) || allowedHosts.contains(hostName);
            if (!ok) {
                return "Host " + host + " is not allowed";
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        String normalized = stripSlash(origin.trim().toLowerCase(Locale.ROOT));
        if (allowedOrigins.contains(normalized)) {
            return null;
        }
        String originHost;
        try {
            URI uri = URI.create(normalized);
            originHost = uri.getHost();
        } catch (IllegalArgumentException e) {
            return "Origin " + origin + " is not allowed";
        }
        if (originHost == null) {
            return "Origin " + origin + " is not allowed";
        }
        originHost = hostName(originHost);
        if (protect) {
            return LOOPBACK_NAMES.contains(originHost) ? null : "Origin " + origin + " is not allowed";
        }
        if (!allowedOrigins.isEmpty()) {
            return "Origin " + origin + " is not allowed";
        }
        return originHost.equals(hostName) ? null : "cross-origin request from " + origin + " is not allowed";
    }

    private static String hostName(String hostPort) {
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end > 0 ? hostPort.substring(0, end + 1) : hostPort;
        }
        int colon = hostPort.indexOf(':');
        if (colon >= 0 && hostPort.indexOf(':', colon + 1) < 0) {
            return hostPort.substring(0, colon);
        }
        return hostPort;
    }

    private static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            return (Character.digit(a.charAt(0), 16) >= 0 || a.contains(":"))
                    && InetAddress.getByName(a).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Set<String> lower(Set<String> in) {
        return in.stream()
                .map(s -> stripSlash(s.toLowerCase(Locale.ROOT)))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
