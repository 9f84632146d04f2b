package dev.jmcp.server.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.server.ServerInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private boolean clientTasks;

    /** The input channel of a handshake-era request. */
    static HandshakeInput forCall(ServerCore core, Call call) {
        List<ServerInterceptor> interceptors = core.config().interceptors();
        HandshakeInput in = interceptors.isEmpty()
                ? new HandshakeInput(call, core.config().clientRequestTimeout())
                : new HandshakeInput(call, core.config().clientRequestTimeout(), intercepted(interceptors, call));
        in.clientTasks = core.config().clientTasks();
        return in;
    }

    HandshakeInput(Call call, Duration timeout) {
        this(call, timeout, (m, p, o) -> call.request().request(m, p, o));
    }

    HandshakeInput(Call call, Duration timeout, Sender sender) {
        this.call = call;
        this.timeout = timeout;
        this.sender = sender;
    }

    /**
     * Sends related to the request being served, through the interceptors' {@code interceptOutgoing} chain, with
     * the id reserved before it ran.
     */
    private static Sender intercepted(List<ServerInterceptor> interceptors, Call call) {
        return (method, params, options) -> {
            McpSession engine = call.request().session();
            RequestOptions related =
                    options.toBuilder().relatedRequestId(call.request().id()).build();
            return OutgoingRequests.send(
                    interceptors, call, engine, method, params, (id, p) -> engine.request(id, method, p, related));
        };
    }

    @Override
    public List<JsonNode> ask(List<Ask> batch) throws InterruptedException {
        for (Ask a : batch) {
            if (!Capabilities.clientHas(call.clientCapabilities(), a.capability())) {
                throw new McpException("the client did not declare the '" + a.capability() + "' capability, so "
                        + a.method() + " cannot be sent");
            }
        }
        // every plain request goes out before the first wait, so the client handles the batch concurrently
        List<CompletableFuture<JsonNode>> sent = new ArrayList<>(batch.size());
        for (Ask a : batch) {
            sent.add(
                    viaTask(a)
                            ? null
                            : sender.send(
                                    a.method(),
                                    a.params(),
                                    RequestOptions.builder().timeout(timeout).build()));
        }
        List<JsonNode> results = new ArrayList<>(batch.size());
        try {
            for (int i = 0; i < batch.size(); i++) {
                Ask a = batch.get(i);
                CompletableFuture<JsonNode> f = sent.get(i);
                results.add(
                        f == null
                                ? ClientTasks.ask(sender, call.clientCapabilities(), a.method(), a.params(), timeout)
                                : await(a.method(), f));
            }
        } finally {
            for (CompletableFuture<JsonNode> f : sent) {
                if (f != null && !f.isDone()) {
                    f.cancel(true); // a failed or interrupted batch leaves no request waiting
                }
            }
        }
        return results;
    }

    private boolean viaTask(Ask a) {
        return clientTasks
                && call.version().hasCoreTasks()
                && ClientTasks.clientSupports(call.clientCapabilities(), a.method());
    }

    private static JsonNode await(String method, CompletableFuture<JsonNode> f) throws InterruptedException {
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
