package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResourcesPromptsTest {
    final McpServer server = McpServer.builder()
            .resource(
                    Resource.builder("test://static-text", "static-text")
                            .mimeType("text/plain")
                            .build(),
                    (req, ctx) ->
                            ReadResourceResult.of(List.of(TextResourceContents.of(req.uri(), "text/plain", "hello"))))
            .resource(
                    Resource.builder("test://static-binary", "static-binary").build(),
                    (req, ctx) -> ReadResourceResult.of(
                            List.of(BlobResourceContents.of(req.uri(), "image/png", "iVBORw0KGgo="))))
            .resource(Resource.builder("test://broken", "broken").build(), (req, ctx) -> {
                throw new IllegalStateException("disk on fire");
            })
            .resourceTemplate(new ServerResourceTemplate(
                    ResourceTemplate.builder("test://template/{id}/data", "tpl").build(),
                    (req, ctx) -> ReadResourceResult.of(List.of(TextResourceContents.of(
                            req.uri(),
                            "application/json",
                            "{\"id\":\"" + req.variables().get("id") + "\"}"))),
                    (req, ctx) -> Completion.of(List.of("123", "124", "200").stream()
                            .filter(v -> v.startsWith(req.value()))
                            .toList())))
            .prompt(new ServerPrompt(
                    Prompt.builder("greet")
                            .description("greets")
                            .arguments(List.of(
                                    PromptArgument.required("name", "who"), PromptArgument.optional("mood", "how")))
                            .build(),
                    (req, ctx) -> GetPromptResult.of(
                            null,
                            List.of(PromptMessage.of(
                                    Role.USER,
                                    TextContent.of("Hello " + req.arguments().get("name"))))),
                    (req, ctx) -> Completion.of(List.of("Alice", "Bob", "Alfred").stream()
                            .filter(v -> v.startsWith(req.value()))
                            .toList())))
            .prompt(
                    Prompt.builder("simple").description("no args").build(),
                    (req, ctx) ->
                            GetPromptResult.of(null, List.of(PromptMessage.of(Role.USER, TextContent.of("plain")))))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void readsStaticTextAndBinaryResources() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode text = c.call("resources/read", "{\"uri\":\"test://static-text\"}");
            assertThat(text.get("contents").get(0).get("text").asString()).isEqualTo("hello");
            JsonNode bin = c.call("resources/read", "{\"uri\":\"test://static-binary\"}");
            assertThat(bin.get("contents").get(0).get("blob").asString()).isEqualTo("iVBORw0KGgo=");
            assertThat(c.call("resources/list", "{}").get("resources")).hasSize(3);
        }
    }

    @Test
    void readsThroughTemplatesWithMatchedVariables() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("resources/read", "{\"uri\":\"test://template/123/data\"}");
            assertThat(r.get("contents").get(0).get("text").asString()).contains("123");
            assertThat(c.call("resources/templates/list", "{}")
                            .get("resourceTemplates")
                            .get(0)
                            .get("uriTemplate")
                            .asString())
                    .isEqualTo("test://template/{id}/data");
        }
    }

    @Test
    void unknownUriIsMinus32002InHandshakeEraAndMinus32602In2026() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            var err = c.error("resources/read", "{\"uri\":\"test://nope\"}");
            assertThat(err.code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
            assertThat(err.data().get("uri").asString()).isEqualTo("test://nope");
            assertThat(c.error("resources/read", RawClient.with26Meta("{\"uri\":\"test://nope\"}", "{}"))
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.error("resources/read", "{}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.error("resources/read", "{\"uri\":42}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void failingReadIsAnInternalErrorWithItsMessage() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            var err = c.error("resources/read", "{\"uri\":\"test://broken\"}");
            assertThat(err.code()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
            assertThat(err.message()).contains("disk on fire");
        }
    }

    @Test
    void statelessReadCarriesCachingHints() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call26("resources/read", "{\"uri\":\"test://static-text\"}");
            assertThat(r.has("ttlMs")).isTrue();
            assertThat(r.has("cacheScope")).isTrue();
            assertThat(r.get("resultType").asString()).isEqualTo("complete");
        }
    }

    @Test
    void subscribeReturnsEmptyAndUpdatesReachOnlySubscribers() {
        try (RawClient c = RawClient.connect(server).initialize();
                RawClient other = RawClient.connect(server).initialize()) {
            assertThat(c.call("resources/subscribe", "{\"uri\":\"test://static-text\"}")
                            .toString())
                    .isEqualTo("{}");
            server.notifyResourceUpdated("test://static-text");
            var updates = c.awaitNotifications("notifications/resources/updated", 1);
            assertThat(updates.get(0).get("params").get("uri").asString()).isEqualTo("test://static-text");
            assertThat(other.notifications).isEmpty();
            assertThat(c.call("resources/unsubscribe", "{\"uri\":\"test://static-text\"}")
                            .toString())
                    .isEqualTo("{}");
            assertThat(c.error("resources/subscribe", "{\"uri\":\"test://nope\"}")
                            .code())
                    .isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
        }
    }

    @Test
    void listenReceivesAcknowledgementThenRequestedNotifications() throws Exception {
        try (RawClient c = RawClient.connect(server)) {
            var listen = c.session.request(
                    "subscriptions/listen",
                    RawClient.with26Meta(
                            "{\"notifications\":{\"resourcesListChanged\":true,\"toolsListChanged\":true,"
                                    + "\"resourceSubscriptions\":[\"test://static-text\"]}}",
                            "{}"));
            List<JsonNode> acks = c.awaitNotifications("notifications/subscriptions/acknowledged", 1);
            assertThat(acks).hasSize(1);
            // a server without tools does not honour toolsListChanged: the acknowledgement omits it
            assertThat(acks.get(0).get("params").get("notifications"))
                    .isEqualTo(McpJson.parse(
                            "{\"resourcesListChanged\":true,\"resourceSubscriptions\":[\"test://static-text\"]}"));
            server.notifyResourceUpdated("test://static-text");
            server.addPrompt(
                    new ServerPrompt(Prompt.builder("p2").description("d").build(), (r, x) -> null));
            server.addResource(
                    new ServerResource(Resource.builder("test://added", "added").build(), (r, x) -> null));
            assertThat(c.awaitNotifications("notifications/resources/updated", 1))
                    .hasSize(1);
            assertThat(c.awaitNotifications("notifications/resources/list_changed", 1))
                    .hasSize(1);
            assertThat(c.notifications.stream()
                            .filter(n -> n.get("method").asString().contains("prompts")))
                    .isEmpty();
            listen.cancel(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (c.serverSession instanceof dev.jmcp.server.internal.ServerSessionImpl s
                    && !s.listeners().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(((dev.jmcp.server.internal.ServerSessionImpl) c.serverSession).listeners())
                    .isEmpty();
        }
    }

    @Test
    void promptsCheckRequiredArgumentsAndAcceptMissingArgumentsMember() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("prompts/get", "{\"name\":\"greet\",\"arguments\":{\"name\":\"Ann\"}}");
            assertThat(r.get("messages").get(0).get("content").get("text").asString())
                    .isEqualTo("Hello Ann");
            assertThat(c.call("prompts/get", "{\"name\":\"simple\"}").get("messages"))
                    .hasSize(1);
            assertThat(c.error("prompts/get", "{\"name\":\"greet\"}").message()).contains("name");
            assertThat(c.error("prompts/get", "{\"name\":\"greet\",\"arguments\":{\"name\":5}}")
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.error("prompts/get", "{\"name\":\"nope\"}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.call("prompts/list", "{}").get("prompts")).hasSize(2);
        }
    }

    @Test
    void completesPromptArgumentsAndTemplateVariables() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode init = c.call("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}");
            assertThat(init.get("capabilities").has("completions")).isTrue();
            assertThat(init.get("capabilities")
                            .get("resources")
                            .get("subscribe")
                            .asBoolean())
                    .isTrue();
            JsonNode p = c.call(
                    "completion/complete",
                    "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},\"argument\":{\"name\":\"name\",\"value\":\"Al\"}}");
            assertThat(p.get("completion").get("values").toString()).isEqualTo("[\"Alice\",\"Alfred\"]");
            JsonNode t = c.call(
                    "completion/complete",
                    "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"test://template/{id}/data\"},"
                            + "\"argument\":{\"name\":\"id\",\"value\":\"12\"}}");
            assertThat(t.get("completion").get("values")).hasSize(2);
            assertThat(c.error(
                                    "completion/complete",
                                    "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"zzz\"},"
                                            + "\"argument\":{\"name\":\"a\",\"value\":\"\"}}")
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void uriTemplatesExpandAndMatchLevelsOneToThree() {
        UriTemplate t = UriTemplate.parse("file:///{+path}{?rev,mode}");
        assertThat(t.expand(Map.of("path", "a/b c.txt", "rev", "3"))).isEqualTo("file:///a/b%20c.txt?rev=3");
        assertThat(t.match("file:///a/b%20c.txt?rev=3").orElseThrow())
                .containsEntry("path", "a/b c.txt")
                .containsEntry("rev", "3");
        UriTemplate simple = UriTemplate.parse("users/{id}{/sub}{.fmt}");
        assertThat(simple.expand(Map.of("id", "a b", "sub", "x", "fmt", "json")))
                .isEqualTo("users/a%20b/x.json");
        assertThat(simple.match("users/7/x.json").orElseThrow())
                .containsEntry("id", "7")
                .containsEntry("fmt", "json");
        assertThat(simple.match("other/7")).isEmpty();
        assertThat(UriTemplate.parse("x{#frag}").expand(Map.of("frag", "a/b"))).isEqualTo("x#a/b");
        assertThat(UriTemplate.parse("m{;x,y}").expand(Map.of("x", "1", "y", "2")))
                .isEqualTo("m;x=1;y=2");
        assertThat(UriTemplate.parse("{x,y}").expand(Map.of("x", "1", "y", "2")))
                .isEqualTo("1,2");
        assertThat(UriTemplate.parse("{var:3}").expand(Map.of("var", "value"))).isEqualTo("val");
    }
}
