package dev.jmcp.opentelemetry;

import dev.jmcp.opentelemetry.internal.SessionIds;
import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerOutcome;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the request's session id, JSON-RPC request id and method into the SLF4J {@link MDC} while the rest of the
 * chain (and the handler) runs on the handler thread, and restores the previous MDC afterwards. Keys: {@value
 * #SESSION_ID} (handshake-era sessions only), {@value #REQUEST_ID}, {@value #METHOD}. Needs no OpenTelemetry.
 *
 * <pre>{@code
 * McpServer.builder().interceptor(new McpLoggingContext())...
 * // logback pattern: %X{mcp.session.id} %X{jsonrpc.request.id} %X{mcp.method.name}
 * }</pre>
 */
public final class McpLoggingContext implements ServerInterceptor {
    /** MDC key of the session id. */
    public static final String SESSION_ID = "mcp.session.id";
    /** MDC key of the JSON-RPC request id. */
    public static final String REQUEST_ID = "jsonrpc.request.id";
    /** MDC key of the method. */
    public static final String METHOD = "mcp.method.name";

    /** An interceptor filling the MDC. */
    public McpLoggingContext() {}

    @Override
    public ServerOutcome intercept(ServerCall call, Chain chain) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.put(METHOD, call.method());
        MDC.put(REQUEST_ID, String.valueOf(call.requestId().value()));
        String sessionId = SessionIds.of(call);
        if (sessionId != null) {
            MDC.put(SESSION_ID, sessionId);
        }
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }
}
