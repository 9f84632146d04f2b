package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The shared state of one server: settings, registries, sessions, and the router. */
public final class ServerCore {
    private final ServerConfig config;
    private final Router router;
    private final Set<ServerSessionImpl> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Creates the core and registers every method. */
    public ServerCore(ServerConfig config) {
        this.config = config;
        this.router = new Router(this);
        Lifecycle.register(this);
    }

    /** The settings. */
    public ServerConfig config() {
        return config;
    }

    /** The router. */
    public Router router() {
        return router;
    }

    /** The {@code serverInfo} object (a copy). */
    public JsonNode serverInfo() {
        return config.serverInfo().deepCopy();
    }

    /** The server capabilities, derived from what is registered. */
    public ObjectNode capabilities() {
        ObjectNode caps = McpJson.object();
        caps.putObject("logging");
        return caps;
    }

    /** Serves a connection. */
    public ServerSessionImpl connect(Transport transport, boolean stateless) {
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        ServerSessionImpl s = new ServerSessionImpl(this, transport, stateless);
        sessions.add(s);
        s.start();
        return s;
    }

    /** The open sessions. */
    public List<ServerSessionImpl> sessions() {
        return new ArrayList<>(sessions);
    }

    void onSessionClosed(ServerSessionImpl session) {
        sessions.remove(session);
    }

    /** Closes every session. */
    public void close() {
        closed = true;
        for (ServerSessionImpl s : sessions()) {
            s.close();
        }
    }
}
