package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.testsupport.Poll;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HandlersAndListenersTest {
    private static final String FORM =
            "{\"mode\":\"form\",\"message\":\"Profile\",\"requestedSchema\":{\"type\":\"object\","
                    + "\"properties\":{\"name\":{\"type\":\"string\",\"default\":\"John Doe\"},"
                    + "\"age\":{\"type\":\"integer\",\"default\":30},\"score\":{\"type\":\"number\",\"default\":95.5},"
                    + "\"status\":{\"type\":\"string\",\"enum\":[\"active\",\"inactive\"],\"default\":\"active\"},"
                    + "\"verified\":{\"type\":\"boolean\",\"default\":true}},\"required\":[]}}";
    private static final String SAMPLE =
            "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}]," + "\"maxTokens\":5";

    private static JsonNode ask(FakeServer server, String method, String params) throws Exception {
        return server.session
                .request(method, params == null ? null : McpJson.parse(params))
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void handshakeElicitationGetsEverySchemaDefaultTheUserLeftOut() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .elicitation(r -> ElicitResult.accept(Map.of("age", McpJson.toTree(31))))
                        .build()) {
            client.connect();
            JsonNode answer = ask(server, "elicitation/create", FORM);
            assertThat(answer.get("action").asString()).isEqualTo("accept");
            assertThat(answer.get("content"))
                    .isEqualTo(McpJson.parse("{\"age\":31,\"name\":\"John Doe\",\"score\":95.5,"
                            + "\"status\":\"active\",\"verified\":true}"));
        }
    }

    @Test
    void defaultsAreNotFilledWhenTurnedOffOrDeclined() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .elicitation(r -> ElicitResult.accept(Map.of()))
                        .fillElicitationDefaults(false)
                        .build()) {
            client.connect();
            JsonNode content = ask(server, "elicitation/create", FORM).get("content");
            assertThat(content == null || content.isEmpty()).isTrue();
        }
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client =
                        server.client().elicitation(r -> ElicitResult.decline()).build()) {
            client.connect();
            JsonNode answer = ask(server, "elicitation/create", FORM);
            assertThat(answer.get("action").asString()).isEqualTo("decline");
            assertThat(answer.has("content")).isFalse();
        }
    }

    @Test
    void urlElicitationNeedsTheUrlMode() throws Exception {
        String url = "{\"mode\":\"url\",\"message\":\"Sign in\",\"elicitationId\":\"e1\",\"url\":\"https://x.test/a\"}";
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .elicitation(r -> ElicitResult.accept(null))
                        .build()) {
            client.connect();
            assertThatThrownBy(() -> ask(server, "elicitation/create", url))
                    .hasCauseInstanceOf(McpRpcException.class)
                    .hasMessageContaining("url");
        }
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .elicitation(
                                r -> {
                                    assertThat(((UrlElicitRequest) r).url()).isEqualTo("https://x.test/a");
                                    return ElicitResult.accept(null);
                                },
                                ElicitationMode.URL)
                        .build()) {
            client.connect();
            assertThat(ask(server, "elicitation/create", url).get("action").asString())
                    .isEqualTo("accept");
            assertThatThrownBy(() -> ask(server, "elicitation/create", FORM)).hasMessageContaining("form");
        }
    }

    @Test
    void samplingWithToolsNeedsTheToolsCapability() throws Exception {
        String withTools = SAMPLE + ",\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"}}]}";
        SamplingHandler h = r -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("yo"), "m", "endTurn");
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client().sampling(h).build()) {
            client.connect();
            assertThat(ask(server, "sampling/createMessage", SAMPLE + "}")
                            .get("model")
                            .asString())
                    .isEqualTo("m");
            assertThatThrownBy(() -> ask(server, "sampling/createMessage", withTools))
                    .hasMessageContaining("sampling.tools");
        }
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client =
                        server.client().sampling(h, SamplingToolUse.TOOLS).build()) {
            client.connect();
            assertThat(ask(server, "sampling/createMessage", withTools)
                            .get("role")
                            .asString())
                    .isEqualTo("assistant");
        }
    }

    @Test
    void rootsAndUnregisteredHandlers() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .roots(() -> List.of(Root.of("file:///w", "w")))
                        .build()) {
            client.connect();
            assertThat(ask(server, "roots/list", null)
                            .get("roots")
                            .get(0)
                            .get("name")
                            .asString())
                    .isEqualTo("w");
            assertThatThrownBy(() -> ask(server, "sampling/createMessage", SAMPLE + "}"))
                    .hasMessageContaining("-32601");
            client.notifyRootsListChanged();
            server.nextNotification("notifications/roots/list_changed");
        }
    }

    @Test
    void notificationsReachTheirListeners() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .onLog(m -> seen.add("log:" + m.level() + ":" + m.data().asString()))
                        .onResourceUpdated(u -> seen.add("updated:" + u.uri()))
                        .onListChanged(k -> seen.add("changed:" + k))
                        .onTaskStatus(t -> seen.add("task:" + t.taskId() + ":" + t.status()))
                        .build()) {
            client.connect();
            server.session.notify("notifications/message", McpJson.parse("{\"level\":\"error\",\"data\":\"boom\"}"));
            server.session.notify("notifications/resources/updated", McpJson.parse("{\"uri\":\"file:///a\"}"));
            server.session.notify("notifications/prompts/list_changed", null);
            server.session.notify(
                    "notifications/tasks/status",
                    McpJson.parse("{\"taskId\":\"t9\",\"status\":\"completed\",\"createdAt\":\"2025-01-01T00:00:00Z\","
                            + "\"lastUpdatedAt\":\"2025-01-01T00:00:00Z\",\"ttl\":null}"));
            Poll.until("seen.size() == 4", () -> seen.size() == 4);
            assertThat(seen)
                    .containsExactly("log:ERROR:boom", "updated:file:///a", "changed:PROMPTS", "task:t9:COMPLETED");
        }
    }

    @Test
    void listCacheRefreshesOnListChanged() throws Exception {
        AtomicInteger version = new AtomicInteger(1);
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{\"tools\":{\"listChanged\":true}}")
                        .on(
                                "tools/list",
                                r -> McpJson.parse("{\"tools\":[{\"name\":\"v" + version.get()
                                        + "\",\"inputSchema\":{\"type\":\"object\"}}]}"));
                McpClient client = server.client().listCache(true).build()) {
            client.connect();
            assertThat(client.cachedTools()).extracting(Tool::name).containsExactly("v1");
            assertThat(client.cachedTools()).extracting(Tool::name).containsExactly("v1");
            assertThat(server.all("tools/list")).hasSize(1);
            version.set(2);
            server.session.notify("notifications/tools/list_changed", null);
            Poll.until(
                    "server.all('tools/list').size() == 2",
                    () -> server.all("tools/list").size() == 2);
            assertThat(client.cachedTools()).extracting(Tool::name).containsExactly("v2");
        }
    }

    @Test
    void cachedListsNeedTheCache() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{\"tools\":{}}");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(client::cachedTools).hasMessageContaining("listCache(true)");
        }
    }
}
