package dev.jmcp.server;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestHandler;
import dev.jmcp.core.testing.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A raw engine session on the client side of an in-memory pair, for driving the server in tests. */
final class RawClient implements AutoCloseable {
    final McpSession session;
    final ServerSession serverSession;
    final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    final InMemoryTransport.Pair pair;

    private RawClient(McpServer server, boolean stateless, java.util.Map<String, RequestHandler> handlers) {
        pair = InMemoryTransport.linkedPair();
        serverSession = stateless ? server.connectStateless(pair.serverSide()) : server.connect(pair.serverSide());
        McpSession.Builder b =
                McpSession.builder(pair.clientSide()).name("raw-client").requestTimeout(Duration.ofSeconds(10));
        handlers.forEach(b::requestHandler);
        for (String m : List.of(
                "notifications/message",
                "notifications/progress",
                "notifications/tools/list_changed",
                "notifications/resources/list_changed",
                "notifications/prompts/list_changed",
                "notifications/resources/updated",
                "notifications/tasks/status",
                "notifications/subscriptions/acknowledged",
                "notifications/elicitation/complete")) {
            b.notificationHandler(m, n -> {
                ObjectNode o = McpJson.object();
                o.put("method", n.method());
                if (n.params() != null) {
                    o.set("params", n.params());
                }
                notifications.add(o);
            });
        }
        session = b.build().start();
    }

    static RawClient connect(McpServer server) {
        return new RawClient(server, false, java.util.Map.of());
    }

    static RawClient connect(McpServer server, java.util.Map<String, RequestHandler> handlers) {
        return new RawClient(server, false, handlers);
    }

    static RawClient stateless(McpServer server) {
        return new RawClient(server, true, java.util.Map.of());
    }

    /** Initializes with the given version and capabilities JSON. */
    RawClient initialize(String version, String capabilitiesJson) {
        ObjectNode p = McpJson.object();
        p.put("protocolVersion", version);
        p.set("capabilities", McpJson.parse(capabilitiesJson));
        p.set("clientInfo", McpJson.parse("{\"name\":\"raw\",\"version\":\"1\"}"));
        call("initialize", p);
        session.notify("notifications/initialized", null);
        return this;
    }

    RawClient initialize() {
        return initialize("2025-11-25", "{}");
    }

    JsonNode call(String method, JsonNode params) {
        return await(session.request(method, params));
    }

    JsonNode call(String method, String paramsJson) {
        return call(method, paramsJson == null ? null : McpJson.parse(paramsJson));
    }

    /** A 2026-07-28 request: adds the required _meta to params. */
    JsonNode call26(String method, String paramsJson) {
        return call(method, with26Meta(paramsJson, "{}"));
    }

    static ObjectNode with26Meta(String paramsJson, String capsJson) {
        ObjectNode p = paramsJson == null ? McpJson.object() : (ObjectNode) McpJson.parse(paramsJson);
        ObjectNode meta = p.has("_meta") ? (ObjectNode) p.get("_meta") : p.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.set("io.modelcontextprotocol/clientCapabilities", McpJson.parse(capsJson));
        meta.set("io.modelcontextprotocol/clientInfo", McpJson.parse("{\"name\":\"raw\",\"version\":\"1\"}"));
        return p;
    }

    /** Calls and returns the JSON-RPC error it fails with. */
    JsonRpcError error(String method, JsonNode params) {
        try {
            JsonNode r = call(method, params);
            throw new AssertionError("expected an error, got " + r);
        } catch (McpRpcException e) {
            return e.error();
        }
    }

    JsonRpcError error(String method, String paramsJson) {
        return error(method, paramsJson == null ? null : McpJson.parse(paramsJson));
    }

    static JsonNode await(CompletableFuture<JsonNode> f) {
        try {
            return f.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code count} notifications of {@code method} arrived (bounded). */
    List<JsonNode> awaitNotifications(String method, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = notifications.stream()
                    .filter(n -> method.equals(n.get("method").asString()))
                    .toList();
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return notifications.stream()
                .filter(n -> method.equals(n.get("method").asString()))
                .toList();
    }

    @Override
    public void close() {
        session.close();
    }
}
