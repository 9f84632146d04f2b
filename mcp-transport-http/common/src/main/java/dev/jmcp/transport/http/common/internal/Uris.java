package dev.jmcp.transport.http.common.internal;

import java.net.URI;
import java.util.Locale;

/** Origins, canonical resource URIs and well-known URLs. */
public final class Uris {
    private Uris() {}

    /** Whether the URI is absolute http or https with a host. */
    public static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return uri.isAbsolute()
                && uri.getHost() != null
                && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    }

    /** Parses an http(s) URL or throws {@link IllegalArgumentException} with a clear message. */
    public static URI httpUri(String value, String what) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + " is not a valid URI: " + value);
        }
        if (!isHttp(uri)) {
            throw new IllegalArgumentException(what + " is not an absolute http(s) URL: " + value);
        }
        return uri;
    }

    /**
     * Whether the URI's host is {@code localhost} or a loopback address literal ({@code 127.x.x.x}, {@code [::1]});
     * never resolves a name.
     */
    public static boolean isLoopbackHost(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]") || h.equals("::1")) {
            return true;
        }
        return h.startsWith("127.") && h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /**
     * Checks that a URL that credentials, keys or metadata come from or go to is https, or http on a loopback host
     * (where TLS adds nothing).
     *
     * @throws IllegalArgumentException naming {@code what} otherwise
     */
    public static URI requireSecure(URI uri, String what) {
        if (!isHttp(uri)) {
            throw new IllegalArgumentException(what + " is not an absolute http(s) URL: " + uri);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !isLoopbackHost(uri)) {
            throw new IllegalArgumentException(what + " must use https (plain http only on a loopback host): "
                    + uri.getScheme() + "://" + uri.getRawAuthority());
        }
        return uri;
    }

    /** {@code scheme://host[:port]} in lower case, without a default port. */
    public static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = effectivePort(uri);
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** The port, or the scheme's default. */
    public static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Whether two http(s) URIs have the same origin. */
    public static boolean sameOrigin(URI a, URI b) {
        return isHttp(a) && isHttp(b) && origin(a).equals(origin(b));
    }

    /** The path, never null, without a trailing slash ("" for the root). */
    public static String normalizedPath(URI uri) {
        String path = uri.getRawPath();
        if (path == null) {
            return "";
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * The canonical resource URI of an MCP endpoint (RFC 8707, MCP authorization): lower-case scheme and host, no
     * fragment, no default port, no trailing slash.
     */
    public static String canonicalResource(URI uri) {
        String query = uri.getRawQuery();
        return origin(uri) + normalizedPath(uri) + (query == null ? "" : "?" + query);
    }

    /**
     * Whether {@code resource} may stand for {@code mcpEndpoint}: the same origin, and its path a prefix of the
     * endpoint's path on a segment boundary.
     */
    public static boolean resourceCovers(URI resource, URI mcpEndpoint) {
        if (!sameOrigin(resource, mcpEndpoint) || resource.getRawFragment() != null) {
            return false;
        }
        String prefix = normalizedPath(resource);
        String path = normalizedPath(mcpEndpoint);
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** {@code origin + "/.well-known/" + name + path} where path is the URI's path without trailing slash. */
    public static URI wellKnown(URI uri, String name, boolean withPath) {
        return URI.create(origin(uri) + "/.well-known/" + name + (withPath ? normalizedPath(uri) : ""));
    }
}
