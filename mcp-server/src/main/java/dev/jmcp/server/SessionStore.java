package dev.jmcp.server;

import java.time.Duration;

/**
 * Where a scaled-out server keeps the handshake-era state of its sessions, so that any instance serves a request
 * naming any session ({@code Mcp-Session-Id}): the instance that answers {@code initialize} saves the session, an
 * instance that has never seen it rebuilds it from here ({@link dev.jmcp.core.transport.ServerConnector#resume})
 * without a new handshake, and every change (log level, resource subscriptions) is saved again.
 *
 * <p>Everything has a TTL: a session nobody used for {@link McpServer.Builder#sessionStore(SessionStore, Duration)
 * its TTL} expires everywhere, so a dead instance's sessions do not outlive it. The session is deleted when the
 * client ends it (HTTP {@code DELETE}); an instance releasing its own copy (idle expiry, shutdown) leaves it in the
 * store for the others.
 *
 * <p>No store is configured by default: a single instance keeps its sessions in memory and cannot resume one it
 * does not hold (exactly today's behaviour, at no cost). {@link InMemorySessionStore} shares sessions between
 * servers in one JVM; {@code integrations/redis} between processes. Implementations must be thread-safe; a
 * failing store throws, and the request that needed it is answered with an error (or 404 on resume).
 */
public interface SessionStore {

    /**
     * Saves (creates or replaces) {@code session}, to expire after {@code ttl} unless touched or saved again.
     *
     * @param session the session
     * @param ttl how long the session lives unless touched
     */
    void save(StoredSession session, Duration ttl);

    /**
     * The session {@code sessionId}, or null when it is unknown or expired.
     *
     * @param sessionId the session id
     * @return the session {@code sessionId}, or null when it is unknown or expired
     */
    StoredSession find(String sessionId);

    /**
     * Extends the life of session {@code sessionId} to {@code ttl} from now; nothing when it is unknown.
     *
     * @param sessionId the session id
     * @param ttl the session's new time to live, from now
     */
    void touch(String sessionId, Duration ttl);

    /**
     * Forgets session {@code sessionId} (the client ended it).
     *
     * @param sessionId the session id
     */
    void delete(String sessionId);
}
