package dev.jmcp.server.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.session.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import tools.jackson.databind.JsonNode;

/** Handshake era: input calls are server-to-client requests related to the request being served. */
final class HandshakeInput implements InputChannel {
    /** Sends a server-to-client request. */
    @FunctionalInterface
    interface Sender {
        CompletableFuture<JsonNode> send(String method, JsonNode params, RequestOptions options);
    }

    private final Call call;
    private final Duration timeout;
    private final Sender sender;

    HandshakeInput(Call call, Duration timeout) {
        this(call, timeout, (m, p, o) -> call.request().request(m, p, o));
    }

    HandshakeInput(Call call, Duration timeout, Sender sender) {
        this.call = call;
        this.timeout = timeout;
        this.sender = sender;
    }

    @Override
    public JsonNode ask(String method, JsonNode params, String capability) throws InterruptedException {
        if (!Capabilities.clientHas(call.clientCapabilities(), capability)) {
            throw new McpException(
                    "the client did not declare the '" + capability + "' capability, so " + method + " cannot be sent");
        }
        CompletableFuture<JsonNode> f = sender.send(
                method, params, RequestOptions.builder().timeout(timeout).build());
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof McpRpcException rpc) {
                throw new McpException(
                        "the client answered " + method + " with an error: "
                                + rpc.error().message(),
                        rpc);
            }
            if (cause instanceof McpException me) {
                throw me;
            }
            throw new McpException(method + " failed: " + cause, cause);
        }
    }
}
