package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.transport.http.servlet.DnsRebindingProtection;
import dev.jmcp.transport.http.servlet.EventStore;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.ScopePolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable configuration of one servlet, taken from its builder once.
 *
 * @param sessionMode whether POSTs open sessions or are all stateless exchanges
 * @param eventStore where SSE events are kept for resumption
 * @param retryInterval the {@code retry} delay sent to clients
 * @param sessionIdleTimeout how long a session without connections and requests lives
 * @param keepAliveInterval how often idle SSE connections get a keep-alive comment
 * @param maxSessions the most concurrent sessions and legacy connections, together
 * @param maxSessionsPerPrincipal the most concurrent sessions and legacy connections of one principal (one client
 *     address when unauthenticated)
 * @param sessionInitializationTimeout how long a session may wait for the client's first request after {@code
 *     initialize} before it expires
 * @param codecLimits limits on inbound messages; the message size is also the body limit
 * @param maxQueuedBytesPerStream the most bytes queued for one slow connection
 * @param maxStandaloneBacklog messages kept for the standalone stream while no GET is connected
 * @param dnsRebindingProtection when to validate the Host header
 * @param allowedHosts Host header values accepted
 * @param allowedOrigins Origins accepted besides same-origin
 * @param legacySse the legacy HTTP+SSE endpoint's paths, or null when it is off
 * @param authorization the resource-server authorization, or null
 * @param scopePolicy per-request scope requirements, or null
 * @param streamLimits the global write budget, standalone backlog bytes, priming delay and body read timeout
 */
public record EndpointConfig(
        SessionMode sessionMode,
        EventStore eventStore,
        Duration retryInterval,
        Duration sessionIdleTimeout,
        Duration keepAliveInterval,
        int maxSessions,
        int maxSessionsPerPrincipal,
        Duration sessionInitializationTimeout,
        CodecLimits codecLimits,
        long maxQueuedBytesPerStream,
        int maxStandaloneBacklog,
        DnsRebindingProtection dnsRebindingProtection,
        Set<String> allowedHosts,
        Set<String> allowedOrigins,
        LegacyPaths legacySse,
        ResourceServerAuth authorization,
        ScopePolicy scopePolicy,
        StreamLimits streamLimits) {

    /** Copies the sets; checks the required values. */
    public EndpointConfig {
        Objects.requireNonNull(sessionMode, "sessionMode");
        Objects.requireNonNull(eventStore, "eventStore");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(sessionInitializationTimeout, "sessionInitializationTimeout");
        Objects.requireNonNull(codecLimits, "codecLimits");
        Objects.requireNonNull(dnsRebindingProtection, "dnsRebindingProtection");
        Objects.requireNonNull(streamLimits, "streamLimits");
        allowedHosts = Set.copyOf(allowedHosts);
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Whether every POST is a stateless exchange. */
    public boolean stateless() {
        return sessionMode == SessionMode.STATELESS;
    }

    /** Whether POSTs may open sessions ({@code GET} and {@code DELETE} are served). */
    public enum SessionMode {
        /** Handshake-era POSTs open sessions; 2026-07-28 POSTs without a session are stateless exchanges. */
        SESSIONS,
        /** Every POST is a stateless exchange; no sessions, no GET stream. */
        STATELESS
    }

    /**
     * The paths of the legacy HTTP+SSE endpoint, relative to the context.
     *
     * @param ssePath where clients open the SSE stream
     * @param messagesPath where clients post their messages
     */
    public record LegacyPaths(String ssePath, String messagesPath) {
        /** Checks the paths. */
        public LegacyPaths {
            Objects.requireNonNull(ssePath, "ssePath");
            Objects.requireNonNull(messagesPath, "messagesPath");
        }
    }
}
