package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.session.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exact JSON the server writes for the protocol messages it builds itself (results, notifications, requests
 * to the client, error data), per protocol revision. Values that differ per run (task ids, timestamps, signed
 * state) are masked as {@code "*"}; key order does not matter.
 */
class WireFormatTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final Set<String> VOLATILE = Set.of("taskId", "createdAt", "lastUpdatedAt", "requestState");
    static final String FULL_INFO = "{\"name\":\"wire\",\"title\":\"Wire\",\"version\":\"1.0\","
            + "\"description\":\"wire test\",\"icons\":[{\"src\":\"https://example.com/i.png\"}],"
            + "\"websiteUrl\":\"https://example.com\"}";

    final CountDownLatch release = new CountDownLatch(1);

    final McpServer server = McpServer.builder()
            .name("wire")
            .title("Wire")
            .version("1.0")
            .description("wire test")
            .websiteUrl("https://example.com")
            .icons(List.of(Icon.of("https://example.com/i.png")))
            .instructions("be brief")
            .cacheHints(5000, CacheScope.PRIVATE)
            .tool(
                    Tool.builder("job", EMPTY)
                            .description("a task")
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                            .build(),
                    (req, ctx) -> {
                        ctx.log(LoggingLevel.INFO, "jobs", Map.of("step", 1));
                        ctx.log(LoggingLevel.NOTICE, null, null);
                        ctx.progress(Progress.of(0.5).total(1.0).message("half"));
                        if (req.arguments().path("wait").asBoolean(false)) {
                            while (!ctx.isCancelled() && release.getCount() > 0) {
                                release.await(10, TimeUnit.MILLISECONDS);
                            }
                        }
                        if (req.arguments().path("fail").asBoolean(false)) {
                            return CallToolResult.error("bad");
                        }
                        return CallToolResult.text("done");
                    })
            .tool(Tool.builder("form", EMPTY).description("asks a form").build(), (req, ctx) -> {
                ctx.elicit(KeyedInputTest.form("name?"));
                return CallToolResult.text("ok");
            })
            .tool(Tool.builder("url", EMPTY).description("asks a URL").build(), (req, ctx) -> {
                ctx.elicit(UrlElicitRequest.of("Sign in", "el-1", "https://example.com/login"));
                return CallToolResult.text("ok");
            })
            .tool(Tool.builder("all", EMPTY).description("a batch").build(), (req, ctx) -> {
                ctx.inputs()
                        .elicit("user_name", KeyedInputTest.form("name?"))
                        .sample("greeting", KeyedInputTest.question())
                        .roots("client_roots")
                        .await();
                return CallToolResult.text("ok");
            })
            .tool(
                    Tool.builder("only_task", EMPTY)
                            .description("task required")
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.REQUIRED))
                            .build(),
                    (req, ctx) -> CallToolResult.text("t"))
            .tool(
                    Tool.builder("shape", EMPTY).description("structured only").build(),
                    (req, ctx) -> CallToolResult.builder()
                            .structuredContent(McpJson.parse("{\"n\":7}"))
                            .build())
            .resource(
                    Resource.builder("test://a", "a").build(),
                    (req, ctx) -> ReadResourceResult.of(List.of(TextResourceContents.of(req.uri(), "text/plain", "A"))))
            .prompt(new ServerPrompt(
                    Prompt.builder("greet").description("greets").build(),
                    (req, ctx) -> GetPromptResult.of(null, List.of()),
                    (req, ctx) -> Completion.of(List.of("x"))))
            .build();

    @AfterEach
    void close() {
        release.countDown();
        server.close();
    }

    static JsonNode masked(JsonNode node) {
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String key : List.copyOf(o.propertyNames())) {
                if (VOLATILE.contains(key) && o.get(key).isString()) {
                    o.put(key, "*");
                } else {
                    mask(o.get(key));
                }
            }
        } else if (node.isArray()) {
            node.forEach(WireFormatTest::mask);
        }
    }

    static void assertJson(JsonNode actual, String expected) {
        assertThat(masked(actual)).isEqualTo(McpJson.parse(expected));
    }

    static String init(String version) {
        return "{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}";
    }

    @Test
    void initializeResultFor20241105DropsLaterCapabilitiesAndServerInfoFields() {
        try (RawClient c = RawClient.connect(server)) {
            assertJson(
                    c.call("initialize", init("2024-11-05")),
                    "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{\"logging\":{},"
                            + "\"tools\":{\"listChanged\":true},\"resources\":{\"subscribe\":true,\"listChanged\":true},"
                            + "\"prompts\":{\"listChanged\":true}},"
                            + "\"serverInfo\":{\"name\":\"wire\",\"version\":\"1.0\"},\"instructions\":\"be brief\"}");
        }
    }

    @Test
    void initializeResultFor20250618HasTitlesButNoIconsOrTasks() {
        try (RawClient c = RawClient.connect(server)) {
            assertJson(
                    c.call("initialize", init("2025-06-18")),
                    "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"logging\":{},\"completions\":{},"
                            + "\"tools\":{\"listChanged\":true},\"resources\":{\"subscribe\":true,\"listChanged\":true},"
                            + "\"prompts\":{\"listChanged\":true}},"
                            + "\"serverInfo\":{\"name\":\"wire\",\"title\":\"Wire\",\"version\":\"1.0\"},"
                            + "\"instructions\":\"be brief\"}");
        }
    }

    @Test
    void initializeResultFor20251125HasEveryCapabilityAndTheFullServerInfo() {
        try (RawClient c = RawClient.connect(server)) {
            assertJson(
                    c.call("initialize", init("2025-11-25")),
                    "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"logging\":{},\"completions\":{},"
                            + "\"tools\":{\"listChanged\":true},\"resources\":{\"subscribe\":true,\"listChanged\":true},"
                            + "\"prompts\":{\"listChanged\":true},"
                            + "\"tasks\":{\"list\":{},\"cancel\":{},\"requests\":{\"tools\":{\"call\":{}}}}},"
                            + "\"serverInfo\":" + FULL_INFO + ",\"instructions\":\"be brief\"}");
        }
    }

    @Test
    void initializeResultOfABareServerDeclaresOnlyLogging() {
        McpServer bare = McpServer.builder().name("bare").version("0").build();
        try (RawClient c = RawClient.connect(bare)) {
            assertJson(
                    c.call("initialize", init("2025-11-25")),
                    "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"logging\":{}},"
                            + "\"serverInfo\":{\"name\":\"bare\",\"version\":\"0\"}}");
        } finally {
            bare.close();
        }
    }

    @Test
    void discoverResultDeclaresTheTasksExtensionInsteadOfCoreTasks() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call26("server/discover", null);
            assertJson(
                    r,
                    "{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"logging\":{},\"completions\":{},"
                            + "\"tools\":{\"listChanged\":true},\"resources\":{\"subscribe\":true,\"listChanged\":true},"
                            + "\"prompts\":{\"listChanged\":true},"
                            + "\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}},"
                            + "\"instructions\":\"be brief\","
                            + "\"ttlMs\":5000,\"cacheScope\":\"private\",\"resultType\":\"complete\","
                            + "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":" + FULL_INFO + "}}");
        }
    }

    @Test
    void emptyResultsAreEmptyObjects() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            assertJson(c.call("ping", (String) null), "{}");
            assertJson(c.call("logging/setLevel", "{\"level\":\"debug\"}"), "{}");
            assertJson(c.call("resources/subscribe", "{\"uri\":\"test://a\"}"), "{}");
            assertJson(c.call("resources/unsubscribe", "{\"uri\":\"test://a\"}"), "{}");
        }
    }

    @Test
    void structuredContentIsMirroredAsATextBlock() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            assertJson(
                    c.call("tools/call", "{\"name\":\"shape\",\"arguments\":{}}"),
                    "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"n\\\":7}\"}],\"structuredContent\":{\"n\":7}}");
        }
    }

    @Test
    void coreTaskResultsAndStatusNotifications() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode created = c.call(
                    "tools/call",
                    "{\"name\":\"job\",\"arguments\":{},\"task\":{\"ttl\":60000},"
                            + "\"_meta\":{\"progressToken\":7}}");
            String task = "\"taskId\":\"*\",\"createdAt\":\"*\",\"lastUpdatedAt\":\"*\",\"ttl\":60000,"
                    + "\"pollInterval\":500";
            assertJson(created, "{\"task\":{" + task + ",\"status\":\"working\"}}");
            String id = created.get("task").get("taskId").asString();
            JsonNode result = c.call("tasks/result", "{\"taskId\":\"" + id + "\"}");
            assertJson(
                    result,
                    "{\"content\":[{\"type\":\"text\",\"text\":\"done\"}],"
                            + "\"_meta\":{\"io.modelcontextprotocol/related-task\":{\"taskId\":\"*\"}}}");
            assertJson(c.call("tasks/get", "{\"taskId\":\"" + id + "\"}"), "{" + task + ",\"status\":\"completed\"}");
            assertJson(c.call("tasks/list", "{}"), "{\"tasks\":[{" + task + ",\"status\":\"completed\"}]}");
            assertJson(
                    c.awaitNotifications("notifications/tasks/status", 1).get(0),
                    "{\"method\":\"notifications/tasks/status\",\"params\":{" + task + ",\"status\":\"completed\"}}");
            assertJson(
                    c.awaitNotifications("notifications/message", 1).get(0),
                    "{\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"logger\":\"jobs\","
                            + "\"data\":{\"step\":1}}}");
            assertJson(
                    c.awaitNotifications("notifications/message", 2).get(1),
                    "{\"method\":\"notifications/message\",\"params\":{\"level\":\"notice\",\"data\":null}}");
            assertJson(
                    c.awaitNotifications("notifications/progress", 1).get(0),
                    "{\"method\":\"notifications/progress\",\"params\":{\"progressToken\":7,\"progress\":0.5,"
                            + "\"total\":1.0,\"message\":\"half\"}}");
        }
    }

    @Test
    void cancelledAndFailedCoreTasks() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            String id = c.call("tools/call", "{\"name\":\"job\",\"arguments\":{\"wait\":true},\"task\":{}}")
                    .get("task")
                    .get("taskId")
                    .asString();
            assertJson(
                    c.call("tasks/cancel", "{\"taskId\":\"" + id + "\"}"),
                    "{\"taskId\":\"*\",\"status\":\"cancelled\",\"statusMessage\":\"cancelled by the client\","
                            + "\"createdAt\":\"*\",\"lastUpdatedAt\":\"*\",\"ttl\":3600000,\"pollInterval\":500}");
            String failed = c.call("tools/call", "{\"name\":\"job\",\"arguments\":{\"fail\":true},\"task\":{}}")
                    .get("task")
                    .get("taskId")
                    .asString();
            c.call("tasks/result", "{\"taskId\":\"" + failed + "\"}");
            assertJson(
                    c.call("tasks/get", "{\"taskId\":\"" + failed + "\"}"),
                    "{\"taskId\":\"*\",\"status\":\"failed\",\"createdAt\":\"*\",\"lastUpdatedAt\":\"*\","
                            + "\"ttl\":3600000,\"pollInterval\":500}");
        }
    }

    @Test
    void extensionTaskIsCreatedWithTheDetailedTaskShape() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode created = c.call(
                    "tools/call",
                    RawClient.with26Meta(
                            "{\"name\":\"job\",\"arguments\":{\"wait\":true}}",
                            "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}"));
            assertJson(
                    created,
                    "{\"taskId\":\"*\",\"status\":\"working\",\"createdAt\":\"*\",\"lastUpdatedAt\":\"*\","
                            + "\"ttlMs\":3600000,\"pollIntervalMs\":500,\"resultType\":\"task\","
                            + "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":" + FULL_INFO + "}}");
            String id = created.get("taskId").asString();
            assertJson(
                    c.call(
                            "tasks/cancel",
                            RawClient.with26Meta(
                                    "{\"taskId\":\"" + id + "\"}",
                                    "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}")),
                    "{\"resultType\":\"complete\",\"_meta\":{\"io.modelcontextprotocol/serverInfo\":" + FULL_INFO
                            + "}}");
        }
    }

    @Test
    void extensionTasksGetInlinesTheResultOfACompletedTask() {
        String ext = "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";
        try (RawClient c = RawClient.connect(server)) {
            String id = c.call("tools/call", RawClient.with26Meta("{\"name\":\"job\",\"arguments\":{}}", ext))
                    .get("taskId")
                    .asString();
            JsonNode done = awaitEnded(c, id, ext);
            assertJson(
                    done,
                    "{\"taskId\":\"*\",\"status\":\"completed\",\"createdAt\":\"*\",\"lastUpdatedAt\":\"*\","
                            + "\"ttlMs\":3600000,\"pollIntervalMs\":500,"
                            + "\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]},"
                            + "\"resultType\":\"complete\","
                            + "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":" + FULL_INFO + "}}");
        }
    }

    /** {@code tasks/get} until the task left {@code working}; bounded, fails naming the last answer. */
    private static JsonNode awaitEnded(RawClient c, String id, String caps) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode t = c.call("tasks/get", RawClient.with26Meta("{\"taskId\":\"" + id + "\"}", caps));
        while ("working".equals(t.get("status").asString())) {
            assertThat(System.nanoTime() - deadline)
                    .as("task still working: %s", t)
                    .isNegative();
            Thread.onSpinWait();
            t = c.call("tasks/get", RawClient.with26Meta("{\"taskId\":\"" + id + "\"}", caps));
        }
        return t;
    }

    @Test
    void elicitationRequestsInFormAndUrlMode() {
        List<JsonNode> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        RequestHandler h = r -> {
            asked.add(r.params());
            return McpJson.parse("{\"action\":\"decline\"}");
        };
        try (RawClient c = RawClient.connect(server, Map.of("elicitation/create", h))
                .initialize("2025-11-25", "{\"elicitation\":{\"form\":{},\"url\":{}}}")) {
            c.call("tools/call", "{\"name\":\"form\",\"arguments\":{}}");
            c.call("tools/call", "{\"name\":\"url\",\"arguments\":{}}");
        }
        assertJson(
                asked.get(0),
                "{\"message\":\"name?\",\"requestedSchema\":{\"type\":\"object\","
                        + "\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}");
        assertJson(
                asked.get(1),
                "{\"mode\":\"url\",\"message\":\"Sign in\",\"elicitationId\":\"el-1\","
                        + "\"url\":\"https://example.com/login\"}");
    }

    @Test
    void inputRequiredResultListsEveryKindOfInputRequest() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call(
                    "tools/call",
                    RawClient.with26Meta(
                            "{\"name\":\"all\",\"arguments\":{}}",
                            "{\"elicitation\":{},\"sampling\":{},\"roots\":{}}"));
            assertJson(
                    r,
                    "{\"resultType\":\"input_required\",\"requestState\":\"*\",\"inputRequests\":{"
                            + "\"user_name\":{\"method\":\"elicitation/create\",\"params\":{"
                            + "\"message\":\"name?\",\"requestedSchema\":{\"type\":\"object\","
                            + "\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}},"
                            + "\"greeting\":{\"method\":\"sampling/createMessage\",\"params\":{\"messages\":"
                            + "[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}],\"maxTokens\":10}},"
                            + "\"client_roots\":{\"method\":\"roots/list\"}},"
                            + "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":" + FULL_INFO + "}}");
        }
    }

    @Test
    void inputRequiredResultAsksForAUrlElicitation() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call(
                    "tools/call",
                    RawClient.with26Meta("{\"name\":\"url\",\"arguments\":{}}", "{\"elicitation\":{\"url\":{}}}"));
            assertJson(
                    r,
                    "{\"resultType\":\"input_required\",\"requestState\":\"*\",\"inputRequests\":{"
                            + "\"input-0\":{\"method\":\"elicitation/create\",\"params\":{\"mode\":\"url\","
                            + "\"message\":\"Sign in\",\"url\":\"https://example.com/login\"}}},"
                            + "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":" + FULL_INFO + "}}");
        }
    }

    @Test
    void missingClientCapabilityErrorsNameTheCapability() {
        try (RawClient c = RawClient.connect(server)) {
            JsonRpcError noSampling = c.error(
                    "tools/call", RawClient.with26Meta("{\"name\":\"all\",\"arguments\":{}}", "{\"elicitation\":{}}"));
            assertJson(noSampling.data(), "{\"requiredCapabilities\":{\"sampling\":{}}}");
            JsonRpcError noForm = c.error(
                    "tools/call",
                    RawClient.with26Meta("{\"name\":\"form\",\"arguments\":{}}", "{\"elicitation\":{\"url\":{}}}"));
            assertJson(noForm.data(), "{\"requiredCapabilities\":{\"elicitation\":{\"form\":{}}}}");
            JsonRpcError noUrl =
                    c.error("tools/call", RawClient.with26Meta("{\"name\":\"url\",\"arguments\":{}}", "{}"));
            assertJson(noUrl.data(), "{\"requiredCapabilities\":{\"elicitation\":{\"url\":{}}}}");
            JsonRpcError noExtension =
                    c.error("tools/call", RawClient.with26Meta("{\"name\":\"only_task\",\"arguments\":{}}", "{}"));
            assertJson(
                    noExtension.data(),
                    "{\"requiredCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}");
            JsonRpcError getWithoutExtension = c.error("tasks/get", RawClient.with26Meta("{\"taskId\":\"x\"}", "{}"));
            assertJson(
                    getWithoutExtension.data(),
                    "{\"requiredCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}");
        }
    }

    @Test
    void unsupportedVersionAndResourceNotFoundErrorData() {
        try (RawClient c = RawClient.connect(server)) {
            ObjectNode p = RawClient.with26Meta(null, "{}");
            ((ObjectNode) p.get("_meta")).put("io.modelcontextprotocol/protocolVersion", "2099-01-01");
            assertJson(
                    c.error("tools/list", p).data(), "{\"supported\":[\"2026-07-28\"],\"requested\":\"2099-01-01\"}");
            ((ObjectNode) p.get("_meta")).put("io.modelcontextprotocol/protocolVersion", 5);
            assertJson(c.error("tools/list", p).data(), "{\"supported\":[\"2026-07-28\"],\"requested\":5}");
            assertJson(
                    c.error("resources/read", RawClient.with26Meta("{\"uri\":\"test://none\"}", "{}"))
                            .data(),
                    "{\"uri\":\"test://none\"}");
        }
    }

    @Test
    void listenAcknowledgesAndNotifiesWithTheSubscriptionId() throws Exception {
        try (RawClient c = RawClient.connect(server)) {
            var listen = c.session.request(
                    "subscriptions/listen",
                    RawClient.with26Meta(
                            "{\"notifications\":{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"test://a\"]}}",
                            "{}"));
            JsonNode ack = c.awaitNotifications("notifications/subscriptions/acknowledged", 1)
                    .get(0);
            JsonNode subscriptionId = ack.get("params").get("_meta").get("io.modelcontextprotocol/subscriptionId");
            assertThat(subscriptionId).isNotNull();
            String meta = "\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":" + subscriptionId + "}";
            assertJson(
                    ack,
                    "{\"method\":\"notifications/subscriptions/acknowledged\",\"params\":{" + meta
                            + ",\"notifications\":{\"toolsListChanged\":true,"
                            + "\"resourceSubscriptions\":[\"test://a\"]}}}");
            server.notifyResourceUpdated("test://a");
            assertJson(
                    c.awaitNotifications("notifications/resources/updated", 1).get(0),
                    "{\"method\":\"notifications/resources/updated\",\"params\":{" + meta + ",\"uri\":\"test://a\"}}");
            server.addTool(Tool.builder("late", EMPTY).description("late").build(), (req, ctx) -> null);
            assertJson(
                    c.awaitNotifications("notifications/tools/list_changed", 1).get(0),
                    "{\"method\":\"notifications/tools/list_changed\",\"params\":{" + meta + "}}");
            listen.cancel(true);
        }
    }
}
