package dev.jmcp.server.internal;

import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.SessionStore;
import dev.jmcp.server.StoredSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a scaled-out server does with its {@link SessionStore} and the server-wide channel of its bus (issue #18):
 * saves handshake sessions and their changes, resumes a session another instance opened, and fans resource
 * updates, list changes, task cancellations and session changes out to every instance (itself included).
 *
 * <p>Messages on {@value #CHANNEL} are UTF-8 text: one kind letter, then its argument: {@code R<uri>} a resource
 * changed, {@code L<kind>} a list changed, {@code C<taskId>} a task was cancelled elsewhere, {@code S<sessionId>} a
 * session's stored state changed (log level, subscriptions), {@code T<stored task JSON>} a 2026-07-28 task ended (its
 * {@code notifications/tasks} go to the listen streams of every instance).
 */
final class SharedSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSessions.class);
    /** The server-wide fan-out channel. */
    static final String CHANNEL = "mcp:server";

    private final ServerCore core;
    private final ScaleOut scaleOut;
    private final MessageBus.Subscription subscription;

    SharedSessions(ServerCore core, ScaleOut scaleOut) {
        this.core = core;
        this.scaleOut = scaleOut;
        this.subscription = scaleOut.bus().isShared() ? scaleOut.bus().subscribe(CHANNEL, this::onMessage) : null;
    }

    /** Whether server-wide notifications go through the bus (so that every instance sends its own copies). */
    boolean fansOut() {
        return subscription != null;
    }

    /** Publishes one fan-out message; every instance, this one included, handles it. */
    void publish(char kind, String argument) {
        scaleOut.bus().publish(CHANNEL, (kind + argument).getBytes(StandardCharsets.UTF_8));
    }

    private void onMessage(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return;
        }
        String arg = text.substring(1);
        switch (text.charAt(0)) {
            case 'R' -> core.resourceUpdatedLocally(arg);
            case 'L' -> core.listChangedLocally(arg);
            case 'C' -> core.tasks().cancelledElsewhere(arg);
            case 'T' -> core.tasks().endedElsewhere(arg);
            case 'S' -> refresh(arg);
            default -> LOG.debug("unknown fan-out message kind {}", text.charAt(0));
        }
    }

    /** Saves a session that just initialized, or whose state changed; tells the other copies of a change. */
    void save(ServerSessionImpl session, boolean changed) {
        SessionStore store = scaleOut.sessionStore();
        if (store == null || !session.isShared()) {
            return;
        }
        store.save(session.toStored(), scaleOut.sessionTtl());
        if (changed && fansOut()) {
            publish('S', session.id());
        }
    }

    /** Extends the stored session's life (called at most a few times per TTL, see ServerSessionImpl). */
    void touch(ServerSessionImpl session) {
        try {
            scaleOut.sessionStore().touch(session.id(), scaleOut.sessionTtl());
        } catch (RuntimeException e) {
            LOG.warn("session store: touching session failed", e);
        }
    }

    /** The client ended the session: no instance may resume it any more. */
    void delete(ServerSessionImpl session) {
        SessionStore store = scaleOut.sessionStore();
        if (store != null && session.isShared()) {
            store.delete(session.id());
        }
    }

    /** A session's stored state changed on some instance: this instance's copy reloads it. */
    private void refresh(String sessionId) {
        SessionStore store = scaleOut.sessionStore();
        if (store == null) {
            return;
        }
        for (ServerSessionImpl s : core.sessions()) {
            if (s.isShared() && sessionId.equals(s.id())) {
                StoredSession stored = store.find(sessionId);
                if (stored != null) {
                    s.reload(stored);
                }
            }
        }
    }

    /**
     * Rebuilds session {@code transport.sessionId()} from the store for {@code caller}; null when there is no store,
     * the session is unknown or expired, or it belongs to someone else.
     */
    ServerSessionImpl resume(Transport transport, InboundContext caller) {
        SessionStore store = scaleOut.sessionStore();
        String id = transport.sessionId();
        if (store == null || id == null) {
            return null;
        }
        StoredSession stored;
        try {
            stored = store.find(id);
        } catch (RuntimeException e) {
            LOG.warn("session store: looking up a session failed; answering as unknown", e);
            return null;
        }
        if (stored == null || !Objects.equals(stored.owner(), ownerOf(caller == null ? null : caller.auth()))) {
            return null;
        }
        return core.connectResumed(transport, stored);
    }

    /**
     * The key a stored session is bound to: {@link AuthInfo#ownerKey()}, else (a token naming no principal) a hash
     * of the token, else null (unauthenticated).
     */
    static String ownerOf(AuthInfo auth) {
        if (auth == null) {
            return null;
        }
        String key = auth.ownerKey();
        if (key != null || auth.token() == null) {
            return key;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(auth.token().getBytes(StandardCharsets.UTF_8));
            return "token:" + Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
