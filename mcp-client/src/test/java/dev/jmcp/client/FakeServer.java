package dev.jmcp.client;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.session.InboundNotification;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestHandler;
import dev.jmcp.core.testing.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A server made of a raw session with request handlers, recording what the client sent. */
final class FakeServer implements AutoCloseable {
    /** One request the client sent. */
    record Received(String method, JsonNode params) {}

    final InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
    final McpSession session;
    final List<Received> requests = new CopyOnWriteArrayList<>();
    final BlockingQueue<InboundNotification> notifications = new LinkedBlockingQueue<>();
    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();

    FakeServer() {
        McpSession.Builder sb = McpSession.builder(pair.serverSide()).name("fake-server");
        sb.fallbackRequestHandler(r -> {
            requests.add(new Received(r.method(), r.params()));
            RequestHandler h = handlers.get(r.method());
            if (h == null) {
                throw new McpRpcException(-32601, "Method not found: " + r.method());
            }
            return h.handle(r);
        });
        for (String n : List.of(
                "notifications/initialized",
                "notifications/cancelled",
                "notifications/roots/list_changed",
                "notifications/tasks/status")) {
            sb.notificationHandler(n, notifications::add);
        }
        this.session = sb.build();
        session.start();
    }

    /** A handshake-era fake: initialize answers {@code version} with {@code capabilities}. */
    static FakeServer handshake(String version, String capabilitiesJson) {
        return new FakeServer().on("initialize", r -> {
            ObjectNode result = McpJson.object();
            result.put("protocolVersion", version);
            result.set("capabilities", McpJson.parse(capabilitiesJson));
            result.putObject("serverInfo").put("name", "fake").put("version", "9");
            result.put("instructions", "be nice");
            return result;
        });
    }

    /** A 2026-07-28 fake: server/discover lists 2026-07-28 with {@code capabilities}. */
    static FakeServer stateless(String capabilitiesJson) {
        return new FakeServer().on("server/discover", r -> {
            ObjectNode result = McpJson.object();
            result.putArray("supportedVersions").add("2026-07-28").add("2025-11-25");
            result.set("capabilities", McpJson.parse(capabilitiesJson));
            result.putObject("_meta")
                    .putObject("io.modelcontextprotocol/serverInfo")
                    .put("name", "fake26")
                    .put("version", "1");
            result.put("resultType", "complete");
            return result;
        });
    }

    FakeServer on(String method, RequestHandler handler) {
        handlers.put(method, handler);
        return this;
    }

    FakeServer onJson(String method, String resultJson) {
        return on(method, r -> McpJson.parse(resultJson));
    }

    McpClientBuilder client() {
        return McpClient.builder().transport(pair.clientSide()).requestTimeout(Duration.ofSeconds(5));
    }

    List<String> methods() {
        return requests.stream().map(Received::method).toList();
    }

    List<Received> all(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    Received last(String method) {
        List<Received> all = all(method);
        if (all.isEmpty()) {
            throw new AssertionError("no " + method + " in " + methods());
        }
        return all.get(all.size() - 1);
    }

    InboundNotification nextNotification(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            InboundNotification n = notifications.poll(50, TimeUnit.MILLISECONDS);
            if (n != null && n.method().equals(method)) {
                return n;
            }
        }
        throw new AssertionError("no notification " + method);
    }

    @Override
    public void close() {
        session.close();
    }
}
