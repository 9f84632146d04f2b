package com.example.jmcp.server;

import dev.jmcp.transport.http.servlet.HttpStreamControl;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP stream controls of live sessions, by session id, so a handler can close its request's SSE connection
 * early (SEP-1699 polling: the client reconnects with {@code Last-Event-ID} and gets the rest). Filled by
 * {@link Serving#connector}; empty over stdio.
 */
public final class SessionStreams {
    private static final Map<String, HttpStreamControl> CONTROLS = new ConcurrentHashMap<>();

    private SessionStreams() {}

    static void register(String sessionId, HttpStreamControl control) {
        CONTROLS.put(sessionId, control);
    }

    static void unregister(String sessionId) {
        CONTROLS.remove(sessionId);
    }

    /** The stream control of a session served over HTTP. */
    public static Optional<HttpStreamControl> of(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : CONTROLS.get(sessionId));
    }
}
