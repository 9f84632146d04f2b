package dev.jmcp.client.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.Transport;

/**
 * One connection of a client: the transport it was started on, the session over it, how it negotiates, and the
 * tasks the server created at the client in it. A client has one at a time; {@code connect()} after the peer went
 * away makes a new one on a fresh transport.
 */
final class Connection {
    final Transport transport;
    final McpSession session;
    final Negotiation negotiation;
    final ClientTaskStore taskStore;
    private volatile KeepAlive keepAlive;

    Connection(Transport transport, McpSession session, Negotiation negotiation, ClientTaskStore taskStore) {
        this.transport = transport;
        this.session = session;
        this.negotiation = negotiation;
        this.taskStore = taskStore;
        session.onClose(cause -> {
            KeepAlive k = keepAlive;
            if (k != null) {
                k.stop();
            }
            if (taskStore != null) {
                taskStore.close();
            }
        });
    }

    /** Whether the session over this connection is open. */
    boolean isOpen() {
        return session.isOpen();
    }

    /** Starts the keep-alive pings of this connection. */
    void keepAlive(KeepAlive k) {
        this.keepAlive = k;
        k.start();
        if (!session.isOpen()) {
            k.stop();
        }
    }

    /** The failure a call gets when this connection is gone: names why it ended and how to reconnect. */
    McpTransportException lost() {
        Throwable cause = session.closeCause();
        String why = cause == null
                ? "the connection to the server was closed"
                : "the connection to the server was lost: " + cause.getMessage();
        return new McpTransportException(why + " (call connect() to connect again)", cause);
    }
}
