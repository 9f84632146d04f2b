package dev.jmcp.core.testing.contract;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw client for the contract suite: sends requests with the ids it is given, records every inbound message
 * in arrival order, counts answers per id (so a duplicate shows), and answers {@code sampling/createMessage}
 * itself. Nothing is dropped or deduplicated, unlike a session.
 */
public final class ContractClient implements TransportListener {
    private final Transport transport;
    private final List<JsonRpcMessage> inbound = new CopyOnWriteArrayList<>();
    private final Map<RequestId, CompletableFuture<JsonRpcMessage>> answers = new ConcurrentHashMap<>();
    private final Map<RequestId, AtomicInteger> answerCounts = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonRpcNotification> notifications = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonRpcErrorResponse> unmatchedErrors = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonRpcCodecException> invalid = new LinkedBlockingQueue<>();
    private final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    private final AtomicInteger closeCalls = new AtomicInteger();

    /** A client over {@code transport}; call {@link #start()}. */
    public ContractClient(Transport transport) {
        this.transport = transport;
    }

    /** Starts the transport with this client as its listener. */
    public ContractClient start() {
        transport.start(this);
        return this;
    }

    /** The transport. */
    public Transport transport() {
        return transport;
    }

    /** Sends a request; the future completes with its answer (response or error response) as received. */
    public CompletableFuture<JsonRpcMessage> call(RequestId id, String method, tools.jackson.databind.JsonNode params) {
        CompletableFuture<JsonRpcMessage> answer = answers.computeIfAbsent(id, k -> new CompletableFuture<>());
        transport.send(new JsonRpcRequest(id, method, params)).whenComplete((ok, error) -> {
            if (error != null) {
                answer.completeExceptionally(error);
            }
        });
        return answer;
    }

    /** Sends a notification; the future is the transport's. */
    public CompletableFuture<Void> notify(String method, tools.jackson.databind.JsonNode params) {
        return transport.send(new JsonRpcNotification(method, params));
    }

    /** Every message received so far, in arrival order. */
    public List<JsonRpcMessage> inbound() {
        return List.copyOf(inbound);
    }

    /** How many answers carried {@code id}. */
    public int answerCount(RequestId id) {
        AtomicInteger n = answerCounts.get(id);
        return n == null ? 0 : n.get();
    }

    /** Notifications received, in arrival order. */
    public BlockingQueue<JsonRpcNotification> notifications() {
        return notifications;
    }

    /** Error responses whose id matched no request sent (for example a parse error's null id). */
    public BlockingQueue<JsonRpcErrorResponse> unmatchedErrors() {
        return unmatchedErrors;
    }

    /** Completes with the close cause (or null) when the transport reports its close. */
    public CompletableFuture<Throwable> closed() {
        return closed;
    }

    @Override
    public void onMessage(JsonRpcMessage message, InboundContext context) {
        inbound.add(message);
        if (message instanceof JsonRpcNotification n) {
            notifications.add(n);
        } else if (message instanceof JsonRpcRequest r) {
            JsonRpcMessage reply = "sampling/createMessage".equals(r.method())
                    ? new JsonRpcResponse(
                            r.id(),
                            McpJson.object()
                                    .put(
                                            "text",
                                            "sampled " + r.params().get("q").asString()))
                    : new JsonRpcErrorResponse(r.id(), dev.jmcp.core.jsonrpc.JsonRpcError.of(-32601, r.method()));
            transport.send(reply);
        } else {
            RequestId id = message instanceof JsonRpcResponse ok ? ok.id() : ((JsonRpcErrorResponse) message).id();
            CompletableFuture<JsonRpcMessage> answer = id == null ? null : answers.get(id);
            if (answer == null) {
                if (message instanceof JsonRpcErrorResponse e) {
                    unmatchedErrors.add(e);
                }
                return;
            }
            answerCounts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            answer.complete(message);
        }
    }

    @Override
    public void onInvalidMessage(JsonRpcCodecException error) {
        invalid.add(error);
    }

    /** How many times the transport reported its close (the contract says once). */
    public int closeCalls() {
        return closeCalls.get();
    }

    @Override
    public void onClose(Throwable cause) {
        closeCalls.incrementAndGet();
        closed.complete(cause);
        McpTransportException failure = new McpTransportException("transport closed", cause);
        answers.values().forEach(f -> f.completeExceptionally(failure));
    }
}
