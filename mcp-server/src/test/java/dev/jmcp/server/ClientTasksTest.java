package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class ClientTasksTest {
    static final String TASK = "{\"taskId\":\"ct-1\",\"status\":\"%s\",\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"lastUpdatedAt\":\"2026-01-01T00:00:00Z\",\"ttl\":60000,\"pollInterval\":20}";

    final List<String> seenMethods = new CopyOnWriteArrayList<>();
    final List<JsonNode> elicitParams = new CopyOnWriteArrayList<>();
    final AtomicInteger polls = new AtomicInteger();

    McpServer server(ClientRequestMode mode) {
        return McpServer.builder()
                .clientRequestMode(mode)
                .tool(
                        Tool.builder("ask", McpJson.parse("{\"type\":\"object\"}"))
                                .description("elicits")
                                .build(),
                        (req, ctx) -> {
                            ElicitResult r = ctx.elicit(FormElicitRequest.of(
                                    "name?",
                                    RequestedSchema.of(
                                            Map.of(
                                                    "name",
                                                    StringSchema.builder().build()),
                                            null)));
                            return CallToolResult.text(
                                    r.action() + ":" + r.content().get("name").asString());
                        })
                .build();
    }

    Map<String, RequestHandler> clientHandlers() {
        return Map.of(
                "elicitation/create",
                r -> {
                    seenMethods.add(r.method());
                    elicitParams.add(r.params());
                    if (r.params().has("task")) {
                        return McpJson.parse("{\"task\":" + String.format(TASK, "working") + "}");
                    }
                    return McpJson.parse("{\"action\":\"accept\",\"content\":{\"name\":\"direct\"}}");
                },
                "tasks/get",
                r -> {
                    seenMethods.add(r.method());
                    return McpJson.parse(String.format(TASK, polls.incrementAndGet() < 3 ? "working" : "completed"));
                },
                "tasks/result",
                r -> {
                    seenMethods.add(r.method());
                    return McpJson.parse("{\"action\":\"accept\",\"content\":{\"name\":\"via-task\"},"
                            + "\"_meta\":{\"io.modelcontextprotocol/related-task\":{\"taskId\":\"ct-1\"}}}");
                });
    }

    McpServer server;

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void elicitationRunsAsAClientTaskWhenTheClientSupportsIt() {
        server = server(ClientRequestMode.TASKS);
        try (RawClient c = RawClient.connect(server, clientHandlers())
                .initialize(
                        "2025-11-25",
                        "{\"elicitation\":{},\"tasks\":{\"requests\":{\"elicitation\":{\"create\":{}}}}}")) {
            JsonNode r = c.call("tools/call", "{\"name\":\"ask\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("ACCEPT:via-task");
            assertThat(elicitParams.get(0).get("task").get("ttl").asLong()).isPositive();
            assertThat(seenMethods)
                    .startsWith("elicitation/create", "tasks/get")
                    .endsWith("tasks/result");
            assertThat(polls.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void withoutTheClientCapabilityElicitationIsAPlainRequest() {
        server = server(ClientRequestMode.TASKS);
        try (RawClient c =
                RawClient.connect(server, clientHandlers()).initialize("2025-11-25", "{\"elicitation\":{}}")) {
            JsonNode r = c.call("tools/call", "{\"name\":\"ask\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("ACCEPT:direct");
            assertThat(elicitParams.get(0).has("task")).isFalse();
            assertThat(seenMethods).containsExactly("elicitation/create");
        }
    }

    @Test
    void theOptionIsOffByDefault() {
        server = server(ClientRequestMode.PLAIN);
        try (RawClient c = RawClient.connect(server, clientHandlers())
                .initialize(
                        "2025-11-25",
                        "{\"elicitation\":{},\"tasks\":{\"requests\":{\"elicitation\":{\"create\":{}}}}}")) {
            JsonNode r = c.call("tools/call", "{\"name\":\"ask\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("ACCEPT:direct");
        }
    }
}
