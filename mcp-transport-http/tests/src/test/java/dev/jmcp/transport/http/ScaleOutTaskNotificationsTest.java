package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.server.InMemorySessionStore;
import dev.jmcp.server.InMemoryTaskStore;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #18, 2026-07-28: a {@code subscriptions/listen} stream on one instance follows a task another instance runs:
 * the acknowledgement honours the task (found in the shared store), its current state follows, and its end comes as
 * {@code notifications/tasks} over the shared bus.
 */
@Timeout(30)
class ScaleOutTaskNotificationsTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryTaskStore tasks = new InMemoryTaskStore();
    final InMemoryEventStore events = new InMemoryEventStore();
    final LocalMessageBus bus = LocalMessageBus.shared();
    final CountDownLatch release = new CountDownLatch(1);
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aListenStreamOnOneInstanceGetsTheEndOfATaskRunningOnAnother() throws Exception {
        URI a = instance(0);
        URI b = instance(1);
        JsonNode created =
                Raw2026.result(a, null, "tools/call", Raw2026.params("{\"name\":\"slow\",\"arguments\":{}}"));
        String id = created.get("taskId").asString();

        LinkedBlockingQueue<JsonNode> listen = listen(b, "{\"taskIds\":[\"" + id + "\"]}");
        JsonNode ack = next(listen);
        assertThat(ack.path("method").asString()).isEqualTo("notifications/subscriptions/acknowledged");
        assertThat(ack.path("params").path("notifications"))
                .as("the task is honoured on the instance that does not run it")
                .isEqualTo(McpJson.parse("{\"taskIds\":[\"" + id + "\"]}"));
        JsonNode working = next(listen);
        assertThat(working.path("params").path("status").asString()).isEqualTo("working");

        release.countDown();
        JsonNode completed = next(listen);
        assertThat(completed.path("method").asString()).isEqualTo("notifications/tasks");
        assertThat(completed.path("params").path("taskId").asString()).isEqualTo(id);
        assertThat(completed.path("params").path("status").asString()).isEqualTo("completed");
        assertThat(completed
                        .path("params")
                        .path("result")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asString())
                .isEqualTo("done on instance-0");
    }

    URI instance(int n) {
        McpServer server = McpServer.builder()
                .name("instance-" + n)
                .sessionStore(sessions, Duration.ofMinutes(5))
                .taskStore(tasks)
                .messageBus(bus)
                .tool(
                        Tool.builder("slow", EMPTY)
                                .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                                .build(),
                        (req, ctx) -> {
                            if (!release.await(20, TimeUnit.SECONDS)) {
                                return CallToolResult.text("never released");
                            }
                            return CallToolResult.text("done on instance-" + n);
                        })
                .build();
        McpHttpServer http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.eventStore(events).messageBus(bus))
                .start();
        open.add(0, server);
        open.add(0, http);
        return http.uri();
    }

    /** Opens a raw {@code subscriptions/listen} stream; its messages are queued by the HTTP client's thread. */
    LinkedBlockingQueue<JsonNode> listen(URI uri, String filterJson) throws Exception {
        ObjectNode body = McpJson.object();
        body.put("jsonrpc", "2.0");
        body.put("id", 77);
        body.put("method", "subscriptions/listen");
        body.set("params", Raw2026.params("{\"notifications\":" + filterJson + "}"));
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", Raw2026.VERSION)
                .header("Mcp-Method", "subscriptions/listen")
                .POST(HttpRequest.BodyPublishers.ofString(McpJson.write(body)))
                .build();
        HttpResponse<Stream<String>> response = HTTP.send(req, HttpResponse.BodyHandlers.ofLines());
        LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    StringBuilder data = new StringBuilder();
                    try {
                        response.body().forEach(line -> {
                            if (line.startsWith("data:")) {
                                data.append(line.substring(5).strip());
                            } else if (line.isEmpty() && data.length() > 0) {
                                messages.add(McpJson.parse(data.toString()));
                                data.setLength(0);
                            }
                        });
                    } catch (RuntimeException e) {
                        // closed by the test
                    }
                },
                "listen-reader");
        reader.setDaemon(true);
        reader.start();
        open.add(0, () -> response.body().close());
        return messages;
    }

    static JsonNode next(LinkedBlockingQueue<JsonNode> messages) throws InterruptedException {
        JsonNode m = messages.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message on the listen stream").isNotNull();
        return m;
    }
}
