package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolsTest {
    static final JsonNode ADD_SCHEMA = McpJson.parse(
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"integer\"}},"
                    + "\"required\":[\"a\",\"b\"],\"additionalProperties\":false}");
    static final JsonNode EMPTY_SCHEMA = McpJson.parse("{\"type\":\"object\"}");

    final CountDownLatch slowStarted = new CountDownLatch(1);
    final AtomicBoolean sawCancel = new AtomicBoolean();

    final McpServer server = McpServer.builder()
            .name("tools")
            .handlerTimeout(Duration.ofMillis(800))
            .pageSize(2)
            .tool(
                    Tool.builder("add", ADD_SCHEMA).description("adds").build(),
                    (req, ctx) -> CallToolResult.text(
                            String.valueOf(req.arguments().get("a").asInt()
                                    + req.arguments().get("b").asInt())))
            .tool(
                    Tool.builder("simple", EMPTY_SCHEMA).description("simple").build(),
                    (req, ctx) -> CallToolResult.text("hello"))
            .tool(Tool.builder("boom", EMPTY_SCHEMA).description("throws").build(), (req, ctx) -> {
                throw new IllegalStateException("kaboom");
            })
            .tool(
                    Tool.builder("forever", EMPTY_SCHEMA)
                            .description("never returns")
                            .build(),
                    (req, ctx) -> {
                        while (true) {
                            try {
                                Thread.sleep(10_000);
                            } catch (InterruptedException ignored) {
                                // a hostile handler that swallows interrupts
                            }
                        }
                    })
            .tool(
                    Tool.builder("slow", EMPTY_SCHEMA)
                            .description("waits for cancel")
                            .build(),
                    (req, ctx) -> {
                        slowStarted.countDown();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        while (!ctx.isCancelled() && System.nanoTime() < deadline) {
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                break;
                            }
                        }
                        sawCancel.set(ctx.isCancelled());
                        return CallToolResult.text("late");
                    })
            .tool(
                    Tool.builder("structured", EMPTY_SCHEMA)
                            .description("structured")
                            .outputSchema(
                                    McpJson.parse("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},"
                                            + "\"required\":[\"n\"]}"))
                            .build(),
                    (req, ctx) -> CallToolResult.builder()
                            .structuredContent(
                                    req.arguments().path("bad").asBoolean(false)
                                            ? McpJson.parse("{\"n\":\"x\"}")
                                            : McpJson.parse("{\"n\":7}"))
                            .build())
            .tool(
                    Tool.builder("chatty", EMPTY_SCHEMA)
                            .description("logs and reports progress")
                            .build(),
                    (req, ctx) -> {
                        ctx.log(LoggingLevel.DEBUG, "t", "debug message");
                        ctx.log(LoggingLevel.INFO, "t", "info message");
                        ctx.log(LoggingLevel.ERROR, "t", "error message");
                        ctx.progress(Progress.of(0).total(100).message("start"));
                        ctx.progress(Progress.of(0).total(100).message("duplicate, dropped"));
                        ctx.progress(Progress.of(50).total(100));
                        ctx.progress(Progress.of(100).total(100).message("done"));
                        return CallToolResult.text("ok");
                    })
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void callsAToolWithValidArguments() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":3}}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("5");
            assertThat(r.has("isError")).isFalse();
        }
    }

    @Test
    void acceptsACallWithoutArgumentsMember() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("tools/call", "{\"name\":\"simple\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("hello");
        }
    }

    @Test
    void wrongArgumentTypesAndMissingFieldsAreErrorResults() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode wrong = c.call("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":\"two\",\"b\":3}}");
            assertThat(wrong.get("isError").asBoolean()).isTrue();
            assertThat(wrong.get("content").get(0).get("text").asString()).contains("Invalid arguments", "a");
            JsonNode missing = c.call("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":1}}");
            assertThat(missing.get("isError").asBoolean()).isTrue();
            assertThat(missing.get("content").get(0).get("text").asString()).contains("b");
        }
    }

    @Test
    void nonObjectArgumentsAreInvalidParams() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            assertThat(c.error("tools/call", "{\"name\":\"add\",\"arguments\":[1,2]}")
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void unknownToolIsInvalidParams() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            assertThat(c.error("tools/call", "{\"name\":\"nope\"}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.error("tools/call", "{}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void handlerExceptionBecomesErrorResult() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("tools/call", "{\"name\":\"boom\",\"arguments\":{}}");
            assertThat(r.get("isError").asBoolean()).isTrue();
            assertThat(r.get("content").get(0).get("text").asString()).contains("kaboom");
        }
    }

    @Test
    void handlerThatNeverReturnsTimesOutWithAnErrorResult() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("tools/call", "{\"name\":\"forever\",\"arguments\":{}}");
            assertThat(r.get("isError").asBoolean()).isTrue();
            assertThat(r.get("content").get(0).get("text").asString()).contains("timed out");
        }
    }

    @Test
    void clientCancellationReachesTheHandlerAndItsLateResultIsDropped() throws Exception {
        try (RawClient c = RawClient.connect(server).initialize()) {
            var future = c.session.request("tools/call", McpJson.parse("{\"name\":\"slow\",\"arguments\":{}}"));
            assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
            future.cancel(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!sawCancel.get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(sawCancel).isTrue();
            assertThat(c.call("ping", (String) null).toString()).isEqualTo("{}");
        }
    }

    @Test
    void structuredContentIsValidatedAndMirroredAsText() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode ok = c.call("tools/call", "{\"name\":\"structured\",\"arguments\":{}}");
            assertThat(ok.get("structuredContent").get("n").asInt()).isEqualTo(7);
            assertThat(McpJson.parse(ok.get("content").get(0).get("text").asString())
                            .get("n")
                            .asInt())
                    .isEqualTo(7);
            JsonNode bad = c.call("tools/call", "{\"name\":\"structured\",\"arguments\":{\"bad\":true}}");
            assertThat(bad.get("isError").asBoolean()).isTrue();
            assertThat(bad.get("content").get(0).get("text").asString()).contains("outputSchema");
        }
    }

    @Test
    void structuredContentIsLeftOutForOldClientsButTheTextMirrorStays() {
        try (RawClient c = RawClient.connect(server).initialize("2025-03-26", "{}")) {
            JsonNode ok = c.call("tools/call", "{\"name\":\"structured\",\"arguments\":{}}");
            assertThat(ok.has("structuredContent")).isFalse();
            assertThat(ok.get("content").get(0).get("text").asString()).contains("7");
        }
    }

    @Test
    void logsAreFilteredBySessionLevelAndProgressIncreases() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            c.call("logging/setLevel", "{\"level\":\"info\"}");
            JsonNode r =
                    c.call("tools/call", "{\"name\":\"chatty\",\"arguments\":{},\"_meta\":{\"progressToken\":42}}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("ok");
            var logs = c.awaitNotifications("notifications/message", 2);
            assertThat(logs)
                    .extracting(n -> n.get("params").get("level").asString())
                    .containsExactly("info", "error");
            var progress = c.awaitNotifications("notifications/progress", 3);
            assertThat(progress)
                    .extracting(n -> n.get("params").get("progress").asDouble())
                    .containsExactly(0.0, 50.0, 100.0);
            assertThat(progress.get(0).get("params").get("progressToken").asInt())
                    .isEqualTo(42);
        }
    }

    @Test
    void statelessLogsFollowTheMetaLogLevelAndAreOffWithoutIt() {
        try (RawClient c = RawClient.connect(server)) {
            c.call26("tools/call", "{\"name\":\"chatty\",\"arguments\":{}}");
            var p = RawClient.with26Meta("{\"name\":\"chatty\",\"arguments\":{}}", "{}");
            ((tools.jackson.databind.node.ObjectNode) p.get("_meta")).put("io.modelcontextprotocol/logLevel", "error");
            JsonNode r = c.call("tools/call", p);
            assertThat(r.get("resultType").asString()).isEqualTo("complete");
            var logs = c.awaitNotifications("notifications/message", 1);
            assertThat(logs).hasSize(1);
            assertThat(logs.get(0).get("params").get("level").asString()).isEqualTo("error");
        }
    }

    @Test
    void listIsPaginatedWithOpaqueCursorsAndBadCursorsAreRefused() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            String cursor = null;
            for (int i = 0; i < 10; i++) {
                JsonNode page = c.call("tools/list", cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}");
                page.get("tools").forEach(t -> names.add(t.get("name").asString()));
                assertThat(page.get("tools").size()).isLessThanOrEqualTo(2);
                if (!page.has("nextCursor")) {
                    break;
                }
                cursor = page.get("nextCursor").asString();
            }
            assertThat(names).containsExactly("add", "simple", "boom", "forever", "slow", "structured", "chatty");
            assertThat(c.error("tools/list", "{\"cursor\":\"garbage!\"}").code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.error("tools/list", "{\"cursor\":\"dG9vbHM6OTk5\"}").code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.error("tools/list", "{\"cursor\":12}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void statelessListCarriesCachingHints() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call26("tools/list", "{}");
            assertThat(r.has("ttlMs")).isTrue();
            assertThat(r.get("cacheScope").asString()).isEqualTo("private");
            assertThat(r.get("resultType").asString()).isEqualTo("complete");
        }
    }

    @Test
    void hugeArgumentsAreValidatedNotFatal() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            String big = "x".repeat(2_000_000);
            JsonNode r = c.call("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":\"" + big + "\",\"b\":1}}");
            assertThat(r.get("isError").asBoolean()).isTrue();
            assertThat(r.get("content").get(0).get("text").asString().length()).isLessThan(10_000);
        }
    }

    @Test
    void toolNamesBreakingTheShouldRuleAreWarnedAboutAndUnsupportedDialectsRefused() {
        McpServer named = McpServer.builder()
                .tool(Tool.builder("bad name!", EMPTY_SCHEMA).build(), (r, c) -> null)
                .tool(Tool.builder("x".repeat(129), EMPTY_SCHEMA).build(), (r, c) -> null)
                .build();
        named.close();
        assertThat(dev.jmcp.server.internal.ToolNames.check("github/create_issue"))
                .isFalse();
        assertThat(dev.jmcp.server.internal.ToolNames.check("create_issue")).isTrue();
        assertThatThrownBy(() -> dev.jmcp.server.internal.ToolNames.check(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McpServer.builder()
                        .tool(
                                Tool.builder(
                                                "t",
                                                McpJson.parse(
                                                        "{\"$schema\":\"https://example.com/mine\",\"type\":\"object\"}"))
                                        .build(),
                                (r, c) -> null)
                        .build())
                .hasMessageContaining("unsupported JSON Schema dialect");
        assertThatThrownBy(() -> McpServer.builder()
                        .tool(
                                Tool.builder("t", McpJson.parse("{\"type\":\"string\"}"))
                                        .build(),
                                (r, c) -> null)
                        .build())
                .hasMessageContaining("type");
    }

    @Test
    void otherDialectsAreHonoured() {
        JsonNode draft7 = McpJson.parse("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
                + "\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}");
        try (McpServer s = McpServer.builder()
                        .tool(Tool.builder("d7", draft7).description("d").build(), (r, c) -> CallToolResult.text("ok"))
                        .build();
                RawClient c = RawClient.connect(s).initialize()) {
            assertThat(c.call("tools/call", "{\"name\":\"d7\",\"arguments\":{\"n\":1}}")
                            .has("isError"))
                    .isFalse();
            assertThat(c.call("tools/call", "{\"name\":\"d7\",\"arguments\":{}}")
                            .get("isError")
                            .asBoolean())
                    .isTrue();
            JsonNode listed = c.call("tools/list", "{}").get("tools").get(0).get("inputSchema");
            assertThat(listed.get("$schema").asString()).isEqualTo("http://json-schema.org/draft-07/schema#");
        }
    }

    @Test
    void toolsCanBeAddedAndRemovedAtRunTimeWithListChanged() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            server.addTool(
                    Tool.builder("late", EMPTY_SCHEMA).description("late").build(),
                    (r, x) -> CallToolResult.text("hi"));
            assertThat(c.awaitNotifications("notifications/tools/list_changed", 1))
                    .hasSize(1);
            assertThat(c.call("tools/call", "{\"name\":\"late\"}")
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("hi");
            assertThat(server.removeTool("late")).isTrue();
            assertThat(c.awaitNotifications("notifications/tools/list_changed", 2))
                    .hasSize(2);
            assertThat(c.error("tools/call", "{\"name\":\"late\"}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void capabilitiesAreDerivedFromRegistrations() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}");
            assertThat(r.get("capabilities").get("tools").get("listChanged").asBoolean())
                    .isTrue();
            assertThat(r.get("capabilities").has("logging")).isTrue();
            assertThat(r.get("capabilities").has("tasks")).isFalse();
        }
    }
}
