package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.protocol.McpMethods;
import java.util.List;

/**
 * The one place the servlet looks at a method name: whether a handshake-era POST without a session id may open
 * a session. The Streamable HTTP binding itself makes this a transport rule (only the POST carrying {@code
 * initialize} may go without {@code Mcp-Session-Id}; any other gets 400 before a session exists), and the
 * decision has to be taken before there is a session that could take it.
 */
public final class SessionOpening {
    private SessionOpening() {}

    /** Whether {@code messages} carry the request that opens a session. */
    public static boolean opensSession(List<JsonRpcMessage> messages) {
        for (JsonRpcMessage m : messages) {
            if (m instanceof JsonRpcRequest r && McpMethods.INITIALIZE.equals(r.method())) {
                return true;
            }
        }
        return false;
    }
}
