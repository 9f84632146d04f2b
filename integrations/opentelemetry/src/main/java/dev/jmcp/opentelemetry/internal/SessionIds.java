package dev.jmcp.opentelemetry.internal;

import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerSession;
import java.util.Optional;

/**
 * The {@code mcp.session.id} of a request a server handles: the {@code Mcp-Session-Id} the client sent over HTTP
 * (the value the client also sees, so both sides' spans name the same session), else the id of the handshake-era
 * session on other transports (stdio). Null for stateless requests, and for HTTP requests without the header (the
 * {@code initialize} that is about to be given one).
 */
public final class SessionIds {
    /** The HTTP header naming the session, lower-case as transports report headers. */
    static final String HEADER = "mcp-session-id";

    private SessionIds() {}

    /** The session id of {@code call}, or null when it belongs to no session the client could name. */
    public static String of(ServerCall call) {
        Optional<ServerSession> session = call.session();
        if (session.isEmpty()) {
            return null;
        }
        Optional<String> header = call.transport().header(HEADER);
        if (header.isPresent()) {
            return header.get();
        }
        return "http".equals(call.transport().transport())
                ? null
                : session.get().id();
    }
}
