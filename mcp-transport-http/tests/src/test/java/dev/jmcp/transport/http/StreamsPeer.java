package dev.jmcp.transport.http;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scriptable peer on the bare session engine for the stream-hardening tests (issue #14): handlers that sleep,
 * emit numbered notifications on their own stream, or flood the session.
 */
final class StreamsPeer implements ServerConnector {
    final List<Transport> transports = new CopyOnWriteArrayList<>();
    /** How many {@code spam} handlers finished. */
    final AtomicInteger spamsDone = new AtomicInteger();

    @Override
    public ServerConnection connect(Transport transport) {
        transports.add(transport);
        McpSession.Builder b = McpSession.builder(transport).name("streams-peer");
        b.requestHandler("initialize", r -> {
            JsonNode requested = r.params() == null ? null : r.params().get("protocolVersion");
            ProtocolVersion v = ProtocolVersion.negotiateHandshake(requested == null ? null : requested.asString());
            r.session().setProtocolVersion(v);
            ObjectNode result = McpJson.object();
            result.put("protocolVersion", v.id());
            result.putObject("capabilities");
            result.putObject("serverInfo").put("name", "streams-peer").put("version", "1");
            return result;
        });
        b.requestHandler("echo", r -> r.params() == null ? McpJson.object() : r.params());
        b.requestHandler("sleep", r -> {
            long ms = r.params().get("ms").longValue();
            Thread.sleep(ms);
            return McpJson.object().put("slept", ms);
        });
        // numbered notifications on the request's own stream, then the result
        b.requestHandler("emit", r -> {
            int count = r.params().get("count").intValue();
            String payload = "x".repeat(r.params().path("size").asInt(0));
            int pauseEvery = r.params().path("pauseEvery").asInt(0);
            for (int i = 0; i < count; i++) {
                r.notify("notifications/message", McpJson.object().put("i", i).put("p", payload))
                        .get(5, TimeUnit.SECONDS);
                if (pauseEvery > 0 && i % pauseEvery == pauseEvery - 1) {
                    Thread.sleep(1);
                }
            }
            return McpJson.object().put("count", count);
        });
        // notifications unrelated to any request: they go to the standalone (GET) stream
        b.requestHandler("flood", r -> {
            int count = r.params().get("count").intValue();
            String payload = "y".repeat(r.params().path("size").asInt(0));
            for (int i = 0; i < count; i++) {
                r.session()
                        .notify(
                                "notifications/message",
                                McpJson.object().put("i", i).put("p", payload));
            }
            return McpJson.object();
        });
        // keeps notifying the session (ignoring failures once it closed) for a while after answering
        b.requestHandler("spam", r -> {
            int count = r.params().get("count").intValue();
            Thread t = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    r.session().notify("notifications/message", McpJson.object().put("i", i));
                    if (i % 50 == 0) {
                        Thread.onSpinWait();
                    }
                }
                spamsDone.incrementAndGet();
            });
            t.setDaemon(true);
            t.start();
            return McpJson.object();
        });
        return b.build().start();
    }

    @Override
    public ServerConnection connectStateless(Transport transport) {
        throw new UnsupportedOperationException("stateful tests only");
    }
}
