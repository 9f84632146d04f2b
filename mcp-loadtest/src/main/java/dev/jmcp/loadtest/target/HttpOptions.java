package dev.jmcp.loadtest.target;

import dev.jmcp.transport.http.client.HttpClientEngine;
import java.util.Locale;

/**
 * How the sessions of an HTTP target reach the server: which HTTP client sends the POSTs, which HTTP version, and
 * whether sessions share connections.
 *
 * <ul>
 *   <li>{@link HttpClientEngine#BUILT_IN} (the default): jmcp's HTTP/1.1 client on blocking sockets, a keep-alive
 *       pool per session (a session holds one connection per request it has in flight). The cheapest per call:
 *       what lets the generator outrun a fast server.
 *   <li>{@link HttpClientEngine#JDK}: {@code java.net.http.HttpClient}; the one for HTTP/2 (h2 over TLS, h2c by
 *       upgrade over {@code http://}). {@link Connections#SHARED}: one client for every session (one pool; with
 *       HTTP/2 every session multiplexed on one connection); {@link Connections#PER_SESSION}: a client per session.
 * </ul>
 *
 * <p>GET streams and DELETE always go through the JDK client (the target's shared one). OAuth works with both.
 *
 * @param engine the HTTP client POSTs go through; {@code null} picks {@link HttpClientEngine#BUILT_IN}, or
 *     {@link HttpClientEngine#JDK} for HTTP/2 or shared connections
 * @param version the HTTP version; {@code null} means {@link Version#HTTP_1_1}
 * @param connections whether sessions share connections; {@code null} means per session with the built-in client
 *     (its only mode) and shared with the JDK client
 */
public record HttpOptions(HttpClientEngine engine, Version version, Connections connections) {
    /** The defaults: the built-in client, HTTP/1.1, a pool per session. */
    public static final HttpOptions DEFAULTS = new HttpOptions(null, null, null);

    /** The HTTP version sessions speak. */
    public enum Version {
        /** HTTP/1.1 (keep-alive). */
        HTTP_1_1,
        /** HTTP/2: h2 over TLS (ALPN), h2c over {@code http://} (upgrade on the first request of a connection). */
        HTTP_2;

        /**
         * Parses {@code 1.1}, {@code 2} (also {@code http/1.1}, {@code h2}, {@code h2c}).
         *
         * @param text the version as written in a configuration or on the command line
         * @return the version
         * @throws IllegalArgumentException for anything else
         */
        public static Version parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "1.1", "http/1.1", "http1.1", "1" -> HTTP_1_1;
                case "2", "http/2", "h2", "h2c" -> HTTP_2;
                default -> throw new IllegalArgumentException("http version must be 1.1 or 2, got '" + text + "'");
            };
        }
    }

    /** Whether the sessions of a target share HTTP connections. */
    public enum Connections {
        /** One HTTP client (and connection pool) for every session (JDK client only). */
        SHARED,
        /** Each session its own HTTP client and connections, as a fleet of separate clients. */
        PER_SESSION;

        /**
         * Parses {@code shared} or {@code per-session}.
         *
         * @param text the value as written in a configuration or on the command line
         * @return the value
         * @throws IllegalArgumentException for anything else
         */
        public static Connections parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "shared" -> SHARED;
                case "per-session", "per_session" -> PER_SESSION;
                default ->
                    throw new IllegalArgumentException("connections must be shared or per-session, got '" + text + "'");
            };
        }
    }

    /**
     * Validates the combination: the built-in client speaks HTTP/1.1 only and keeps a pool per session.
     *
     * @param engine the HTTP client, or {@code null} for the default
     * @param version the HTTP version, or {@code null} for HTTP/1.1
     * @param connections the connection sharing, or {@code null} for the client's default
     *
     * @throws IllegalArgumentException for the built-in client with HTTP/2 or shared connections
     */
    public HttpOptions {
        if (engine == HttpClientEngine.BUILT_IN && version == Version.HTTP_2) {
            throw new IllegalArgumentException(
                    "the built-in HTTP client speaks HTTP/1.1 only: use the jdk client for HTTP/2");
        }
        if (engine == HttpClientEngine.BUILT_IN && connections == Connections.SHARED) {
            throw new IllegalArgumentException(
                    "the built-in HTTP client keeps a connection pool per session: use the jdk client for shared"
                            + " connections");
        }
    }

    /**
     * Parses an HTTP client name.
     *
     * @param text {@code built-in} or {@code jdk}
     * @return the engine
     * @throws IllegalArgumentException for anything else
     */
    public static HttpClientEngine parseEngine(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "built-in", "builtin", "built_in" -> HttpClientEngine.BUILT_IN;
            case "jdk" -> HttpClientEngine.JDK;
            default -> throw new IllegalArgumentException("http client must be built-in or jdk, got '" + text + "'");
        };
    }

    /**
     * The client POSTs go through.
     *
     * @return the configured engine, else {@link HttpClientEngine#JDK} for HTTP/2 or shared connections and the
     *     built-in one otherwise
     */
    public HttpClientEngine effectiveEngine() {
        if (engine != null) {
            return engine;
        }
        return effectiveVersion() == Version.HTTP_2 || connections == Connections.SHARED
                ? HttpClientEngine.JDK
                : HttpClientEngine.BUILT_IN;
    }

    /**
     * The HTTP version.
     *
     * @return the configured version, else HTTP/1.1
     */
    public Version effectiveVersion() {
        return version == null ? Version.HTTP_1_1 : version;
    }

    /**
     * Whether sessions share connections.
     *
     * @return the configured value, else per session for the built-in client and shared for the JDK client
     */
    public Connections effectiveConnections() {
        if (connections != null) {
            return connections;
        }
        return effectiveEngine() == HttpClientEngine.BUILT_IN ? Connections.PER_SESSION : Connections.SHARED;
    }

    /**
     * A short description for reports.
     *
     * @return e.g. {@code built-in HTTP/1.1, per-session connections}
     */
    public String describe() {
        return (effectiveEngine() == HttpClientEngine.BUILT_IN ? "built-in" : "jdk")
                + (effectiveVersion() == Version.HTTP_2 ? " HTTP/2" : " HTTP/1.1")
                + (effectiveConnections() == Connections.SHARED ? ", shared connections" : ", per-session connections");
    }
}
