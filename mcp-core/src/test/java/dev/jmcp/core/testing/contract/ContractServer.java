package dev.jmcp.core.testing.contract;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server peer of the contract suite: a bare {@link McpSession} per connection with the handlers the suite
 * calls. Everything it observes can be asked for over the protocol, so it serves equally in process and in a
 * subprocess (the stdio transport).
 *
 * <p>Requests: {@code initialize}; {@code echo} (returns its params); {@code notes {expect}} (waits until that
 * many {@code contract/note} notifications arrived, returns them); {@code events {count}} ({@code count}
 * {@code contract/event} notifications on the request's stream, then the result); {@code progress} (three
 * progress notifications, then the result); {@code sample} (asks the client {@code sampling/createMessage}
 * and returns its answer); {@code broadcast} (a {@code contract/broadcast} notification on the general
 * channel); {@code gate} (waits until {@code open} is called); {@code open}; {@code sleep {ms}}; {@code hang
 * {notifyFirst}} (optionally one {@code contract/event} on its stream, then waits until cancelled). Notifications: {@code contract/note {n}} is recorded; {@code contract/close} closes
 * the server's session.
 */
public final class ContractServer {
    /** The longest any handler waits. */
    public static final Duration HANDLER_WAIT = Duration.ofSeconds(20);

    private final List<McpSession> sessions = new CopyOnWriteArrayList<>();
    private final CompletableFuture<McpSession> firstSession = new CompletableFuture<>();
    private final CompletableFuture<Throwable> firstSessionClosed = new CompletableFuture<>();

    /** Serves {@code transport} with a new started session and returns it. */
    public McpSession connect(Transport transport) {
        List<JsonNode> notes = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        McpSession.Builder b = McpSession.builder(transport).name("contract-server");
        b.requestHandler("initialize", r -> {
            JsonNode requested = r.params() == null ? null : r.params().get("protocolVersion");
            ProtocolVersion v = ProtocolVersion.negotiateHandshake(requested == null ? null : requested.asString());
            r.session().setProtocolVersion(v);
            ObjectNode result = McpJson.object();
            result.put("protocolVersion", v.id());
            result.putObject("capabilities");
            result.putObject("serverInfo").put("name", "contract-server").put("version", "1");
            return result;
        });
        b.requestHandler("echo", r -> r.params() == null ? McpJson.object() : r.params());
        b.notificationHandler("contract/note", n -> notes.add(n.params().get("n")));
        b.requestHandler("notes", r -> {
            int expect = r.params().get("expect").intValue();
            long deadline = System.nanoTime() + HANDLER_WAIT.toNanos();
            while (notes.size() < expect && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            ObjectNode result = McpJson.object();
            ArrayNode list = result.putArray("notes");
            notes.forEach(list::add);
            return result;
        });
        b.requestHandler("events", r -> {
            int count = r.params().get("count").intValue();
            for (int i = 0; i < count; i++) {
                r.notify("contract/event", McpJson.object().put("i", i))
                        .get(HANDLER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            return McpJson.object().put("count", count);
        });
        b.requestHandler("progress", r -> {
            for (int i = 0; i < 3; i++) {
                r.sendProgress(i * 50, 100.0, "step " + i);
            }
            return McpJson.object().put("done", true);
        });
        b.requestHandler("sample", r -> {
            JsonNode answer = r.request(
                            "sampling/createMessage",
                            McpJson.object().put("q", r.params().get("q").asString()),
                            RequestOptions.builder().timeout(HANDLER_WAIT).build())
                    .get(HANDLER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return McpJson.object().set("answer", answer);
        });
        b.requestHandler("broadcast", r -> {
            r.session().notify("contract/broadcast", r.params());
            return McpJson.object();
        });
        b.requestHandler("gate", r -> McpJson.object()
                .put("opened", gate.await(HANDLER_WAIT.toMillis(), TimeUnit.MILLISECONDS)));
        b.requestHandler("open", r -> {
            gate.countDown();
            return McpJson.object();
        });
        b.requestHandler("sleep", r -> {
            Thread.sleep(r.params().get("ms").longValue());
            return r.params();
        });
        b.requestHandler("hang", r -> {
            if (r.params() != null && r.params().path("notifyFirst").asBoolean(false)) {
                r.notify("contract/event", McpJson.object().put("i", 0))
                        .get(HANDLER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + HANDLER_WAIT.toNanos();
            while (!r.isCancelled() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return McpJson.object();
        });
        McpSession[] self = new McpSession[1];
        b.notificationHandler("contract/close", n -> {
            Thread closer = new Thread(() -> self[0].close(), "contract-server-close");
            closer.setDaemon(true);
            closer.start();
        });
        if (sessions.isEmpty()) {
            b.onClose(firstSessionClosed::complete);
        }
        McpSession session = b.build();
        self[0] = session;
        sessions.add(session);
        firstSession.complete(session);
        return session.start();
    }

    /** The sessions served so far, oldest first. */
    public List<McpSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Completes (with the cause, or null) when the close listener of the first session served fires. */
    public CompletableFuture<Throwable> firstSessionClosed() {
        return firstSessionClosed;
    }

    /** Completes with the first session served. */
    public CompletableFuture<McpSession> firstSession() {
        return firstSession;
    }
}
