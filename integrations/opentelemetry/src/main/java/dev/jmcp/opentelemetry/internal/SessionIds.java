package dev.jmcp.opentelemetry.internal;

import dev.jmcp.core.transport.TransportMetadata;
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
        return of(call.session(), call.transport());
    }

    /**
     * The session id of a request in {@code session} whose transport metadata is {@code transport}, or null when it
     * belongs to no session the client could name.
     */
    public static String of(Optional<ServerSession> session, TransportMetadata transport) {
        if (session.isEmpty()) {
            return null;
        }
        Optional<String> header = transport.header(HEADER);
        if (header.isPresent()) {
            return header.get();
        }
        return "http".equals(transport.transport()) ? null : session.get().id();
    }
}
