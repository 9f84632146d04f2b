package dev.jmcp.transport.http;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.RequestStreamControl;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scriptable MCP peer on the bare session engine (a {@link ServerConnector} of its own, no {@code McpServer}):
 * transport tests use it to provoke what a real server would not do on demand (floods, slow or missing answers,
 * raw notifications), and tests that need real server behaviour use {@code McpServer} instead.
 */
final class FakeServer implements ServerConnector {
    final List<McpSession> sessions = new CopyOnWriteArrayList<>();
    final List<Transport> transports = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> cancelled = new LinkedBlockingQueue<>();
    final BlockingQueue<String> notifications = new LinkedBlockingQueue<>();

    @Override
    public ServerConnection connect(Transport transport) {
        return open(transport, false);
    }

    @Override
    public ServerConnection connectStateless(Transport transport) {
        return open(transport, true);
    }

    private McpSession open(Transport transport, boolean stateless) {
        transports.add(transport);
        McpSession.Builder b = McpSession.builder(transport).name(stateless ? "fake-stateless" : "fake");
        b.requestHandler("initialize", r -> {
            JsonNode requested = r.params() == null ? null : r.params().get("protocolVersion");
            ProtocolVersion v = ProtocolVersion.negotiateHandshake(requested == null ? null : requested.asString());
            r.session().setProtocolVersion(v);
            ObjectNode result = McpJson.object();
            result.put("protocolVersion", v.id());
            result.putObject("capabilities").putObject("tools");
            result.putObject("serverInfo").put("name", "fake").put("version", "1");
            return result;
        });
        b.requestHandler("tools/list", r -> {
            ObjectNode result = McpJson.object();
            result.putArray("tools");
            return result;
        });
        b.requestHandler("echo", r -> r.params() == null ? McpJson.object() : r.params());
        b.requestHandler("fail", r -> {
            throw new dev.jmcp.core.McpRpcException(r.params().path("code").intValue(), "failed as asked");
        });
        b.requestHandler("progress", r -> {
            for (int i = 0; i < 3; i++) {
                r.sendProgress(i * 50, 100.0, "step " + i);
            }
            return McpJson.object().put("done", true);
        });
        b.requestHandler("sample", r -> {
            JsonNode answer = r.request(
                            "sampling/createMessage", McpJson.object().put("q", "hi"), RequestOptions.defaults())
                    .get(10, TimeUnit.SECONDS);
            return McpJson.object().set("answer", answer);
        });
        b.requestHandler("broadcast", r -> {
            r.session().notify("notifications/tools/list_changed", null);
            return McpJson.object();
        });
        b.requestHandler("stream", r -> {
            int count = r.params().get("count").intValue();
            int closeEvery =
                    r.params().has("closeEvery") ? r.params().get("closeEvery").intValue() : 0;
            for (int i = 0; i < count; i++) {
                r.notify("notifications/message", McpJson.object().put("i", i)).get(5, TimeUnit.SECONDS);
                if (closeEvery > 0 && i % closeEvery == closeEvery - 1) {
                    ((RequestStreamControl) transport).closeRequestStream(r.id());
                    Thread.sleep(5);
                }
            }
            return McpJson.object().put("count", count);
        });
        b.requestHandler("reconnect", r -> {
            ((RequestStreamControl) transport).closeRequestStream(r.id());
            Thread.sleep(100);
            return McpJson.object().put("resumed", true);
        });
        b.requestHandler("slow", r -> {
            r.onCancel(() -> cancelled.add(String.valueOf(r.id().value())));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !r.isCancelled()) {
                Thread.sleep(10);
            }
            return McpJson.object();
        });
        b.requestHandler("headers", r -> {
            ObjectNode result = McpJson.object();
            for (String name : List.of(
                    "mcp-protocol-version", "mcp-session-id", "x-custom", "authorization", "mcp-method", "mcp-name")) {
                r.context().transport().header(name).ifPresent(v -> result.put(name, v));
            }
            return result;
        });
        b.requestHandler("flood", r -> {
            int count = r.params().get("count").intValue();
            String payload = "y".repeat(r.params().get("size").intValue());
            for (int i = 0; i < count; i++) {
                r.session()
                        .notify(
                                "notifications/message",
                                McpJson.object().put("i", i).put("p", payload));
            }
            return McpJson.object();
        });
        b.requestHandler("subscriptions/listen", r -> {
            r.onCancel(() -> cancelled.add("listen:" + r.id().value()));
            r.notify("notifications/subscriptions/acknowledged", McpJson.object())
                    .get(5, TimeUnit.SECONDS);
            for (int i = 0; !r.isCancelled() && i < 1000; i++) {
                r.notify("notifications/message", McpJson.object().put("i", i)).get(5, TimeUnit.SECONDS);
                Thread.sleep(20);
            }
            return McpJson.object();
        });
        b.notificationHandler("notifications/initialized", n -> notifications.add(n.method()));
        b.notificationHandler("notifications/ping", n -> notifications.add(n.method()));
        McpSession session = b.build();
        sessions.add(session);
        return session.start();
    }

    /** The handler for {@link InboundRequest}s is not needed elsewhere. */
    static ObjectNode initializeParams(String version) {
        ObjectNode p = McpJson.object();
        p.put("protocolVersion", version);
        p.putObject("capabilities");
        p.putObject("clientInfo").put("name", "test").put("version", "1");
        return p;
    }
}
