package dev.jmcp.client.internal;

import dev.jmcp.client.ClientTaskOptions;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Everything the runtime needs from the builder.
 *
 * @param transports where each connection gets its transport (one instance, or a factory to reconnect)
 * @param clientInfo who the client is
 * @param handshakeCapabilities the capabilities sent in {@code initialize}
 * @param statelessCapabilities the capabilities sent in every 2026-07-28 request's {@code _meta}
 * @param inputHandlers answers to server-to-client requests, by method
 * @param handlerExecutor where input handlers (user code) run
 * @param requestTimeout timeout of one wire request without answer or progress
 * @param maxRequestTimeout hard maximum of one wire request whatever progress arrives
 * @param discoveryTimeout how long {@code server/discover} may take before falling back to {@code initialize}
 * @param pinnedVersion the revision the caller forces, or null to discover then fall back
 * @param maxInputRounds how many {@code input_required} rounds one call may take
 * @param validateToolOutput whether tool results are checked against the tool's {@code outputSchema}
 * @param tasks what the client offers as a task receiver, or null for no {@code tasks} capability
 * @param pipeline what each wire request of a call passes through (the interceptors)
 * @param keepAliveInterval how often a handshake-era connection pings the server, or null for never
 */
public record ClientConfig(
        TransportSource transports,
        Implementation clientInfo,
        ClientCapabilities handshakeCapabilities,
        ClientCapabilities statelessCapabilities,
        Map<String, InputHandler> inputHandlers,
        Executor handlerExecutor,
        Duration requestTimeout,
        Duration maxRequestTimeout,
        Duration discoveryTimeout,
        ProtocolVersion pinnedVersion,
        int maxInputRounds,
        boolean validateToolOutput,
        ClientTaskOptions tasks,
        CallPipeline pipeline,
        Duration keepAliveInterval) {
    /**
     * Copies the handler map; no pipeline means {@link CallPipeline#DIRECT}; the tasks extension's stage
     * ({@link ExtensionTasks#stage}) wraps it.
     */
    public ClientConfig {
        inputHandlers = Map.copyOf(inputHandlers);
        pipeline = ExtensionTasks.stage(pipeline == null ? CallPipeline.DIRECT : pipeline);
    }
}
