package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitAction;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.logging.LoggingMessageNotification;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution.TaskSupport;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.Progress;
import dev.jmcp.server.RequestContext;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Annotated methods use their injected {@link RequestContext} (progress, log, elicit, sample), carry icons and
 * {@code _meta} on prompts and resources, and are called as tasks, over HTTP with the jmcp client in both eras. In
 * 2026-07-28 an elicitation or sampling request travels as an {@code input_required} result that the client answers
 * by retrying the call.
 */
@Timeout(30)
class AnnotatedContextAndTasksOverHttpTest {

    /** The handshake era and the stateless one. */
    enum Era {
        HANDSHAKE_2025_11_25(ProtocolVersion.V2025_11_25),
        STATELESS_2026_07_28(ProtocolVersion.V2026_07_28);

        final ProtocolVersion version;

        Era(ProtocolVersion version) {
            this.version = version;
        }
    }

    /** The answer of the task tools. */
    public record Report(String city, int steps) {}

    static volatile CountDownLatch release = new CountDownLatch(1);
    static final AtomicInteger slowRuns = new AtomicInteger();
    static final AtomicInteger askRuns = new AtomicInteger();

    /** Handlers that talk back to the client through their injected context. */
    public static final class Handlers {
        @McpTool(description = "Counts to n, reporting progress and logging each step")
        public String count(int n, RequestContext ctx) {
            for (int i = 1; i <= n; i++) {
                ctx.progress(Progress.of(i).total(n).message("step " + i));
                ctx.log(LoggingLevel.INFO, "counter", "step " + i);
            }
            return "counted to " + n;
        }

        @McpTool(description = "Asks the user's name")
        public String askName(String greeting, RequestContext ctx) {
            askRuns.incrementAndGet();
            ElicitResult answer = ctx.elicit(FormElicitRequest.of(
                    "Your name?",
                    RequestedSchema.of(Map.of("name", StringSchema.builder().build()), List.of("name"))));
            if (answer.action() != ElicitAction.ACCEPT) {
                return "no answer: " + answer.action();
            }
            return greeting + ", " + answer.content().get("name").asString();
        }

        @McpTool(description = "Asks the client's model")
        public String askModel(String question, RequestContext ctx) {
            CreateMessageResult r = ctx.sample(
                    CreateMessageRequest.builder(List.of(SamplingMessage.of(Role.USER, TextContent.of(question))), 50)
                            .build());
            return "model " + r.model() + " says " + ((TextContent) r.content().get(0)).text();
        }

        @McpTool(description = "A slow report, may run as a task", taskSupport = TaskSupport.OPTIONAL)
        public Report slowReport(String city) throws InterruptedException {
            slowRuns.incrementAndGet();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return new Report(city, 3);
        }

        @McpTool(description = "Runs only as a task", taskSupport = TaskSupport.REQUIRED)
        public String onlyAsTask(int n, RequestContext ctx) {
            ctx.progress(Progress.of(1).total(1));
            return "task " + n;
        }

        @McpPrompt(
                description = "A prompt with icons and _meta",
                icons = {"https://example.com/prompt.png", "data:image/png;base64,AAAA"},
                meta = "{\"com.example/owner\":\"docs\",\"rank\":2}")
        public String decorated(String topic) {
            return "Talk about " + topic;
        }

        @McpResource(
                uri = "memo://decorated",
                mimeType = "text/plain",
                icons = "https://example.com/resource.png",
                meta = "{\"com.example/source\":\"wiki\"}")
        public String decoratedResource() {
            return "fixed";
        }

        @McpResource(
                uri = "memo://decorated/{id}",
                icons = "https://example.com/template.png",
                meta = "{\"com.example/kind\":\"template\"}")
        public String decoratedTemplate(String id) {
            return "item " + id;
        }
    }

    static McpServer server;
    static McpHttpServer http;
    final List<LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
    final List<String> elicited = new CopyOnWriteArrayList<>();
    final List<String> sampled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = McpServer.builder()
                .name("annotated-context")
                .version("1")
                .handlers(new Handlers())
                .build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @BeforeEach
    void newLatch() {
        release = new CountDownLatch(1);
        slowRuns.set(0);
        askRuns.set(0);
    }

    @AfterEach
    void releaseTasks() {
        release.countDown();
    }

    private McpClient client(Era era) {
        McpClient c = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(era.version)
                .requestTimeout(Duration.ofSeconds(10))
                .onLog(logs::add)
                .elicitation(req -> {
                    elicited.add(req.message());
                    return ElicitResult.accept(Map.of("name", JsonNodeFactory.instance.stringNode("Ada")));
                })
                .sampling(req -> {
                    sampled.add(((TextContent) req.messages().get(0).content().get(0)).text());
                    return CreateMessageResult.of(Role.ASSISTANT, TextContent.of("42"), "m-1", "endTurn");
                })
                .build();
        c.connect();
        assertThat(c.protocolVersion()).isEqualTo(era.version);
        return c;
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void anAnnotatedToolReportsProgressAndLogsThroughItsContext(Era era) {
        try (McpClient client = client(era)) {
            client.setLoggingLevel(LoggingLevel.DEBUG);
            List<String> progress = new CopyOnWriteArrayList<>();
            CallToolResult r = client.callTool(
                    "count",
                    McpJson.parse("{\"n\":3}"),
                    CallOptions.builder()
                            .progress((done, total, message) -> progress.add(done + "/" + total + " " + message))
                            .build());
            assertThat(text(r)).isEqualTo("counted to 3");
            assertThat(progress).containsExactly("1.0/3.0 step 1", "2.0/3.0 step 2", "3.0/3.0 step 3");
            Poll.until("three log messages", () -> logs.size() >= 3);
            assertThat(logs)
                    .extracting(m -> m.logger() + ":" + m.data().asString())
                    .containsExactly("counter:step 1", "counter:step 2", "counter:step 3");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void anAnnotatedToolElicitsAndSamplesThroughItsContext(Era era) {
        try (McpClient client = client(era)) {
            assertThat(text(client.callTool("askName", Map.of("greeting", "Hello"))))
                    .isEqualTo("Hello, Ada");
            assertThat(elicited).contains("Your name?");
            // 2025-11-25: one run, blocked on an elicitation/create request; 2026-07-28: the first run ends with
            // input_required, the client retries with the answer, and the method runs again to completion.
            assertThat(askRuns.get()).isEqualTo(era == Era.HANDSHAKE_2025_11_25 ? 1 : 2);
            assertThat(text(client.callTool("askModel", Map.of("question", "The answer?"))))
                    .isEqualTo("model m-1 says 42");
            assertThat(sampled).contains("The answer?");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void anAnnotatedToolWithTaskSupportIsCalledAsATask(Era era) {
        try (McpClient client = client(era)) {
            Tool slow = client.listAllTools().stream()
                    .filter(t -> t.name().equals("slowReport"))
                    .findFirst()
                    .orElseThrow();
            assertThat(slow.execution().taskSupport()).isEqualTo(TaskSupport.OPTIONAL);
            CreateTaskResult created =
                    client.callToolAsTask("slowReport", McpJson.parse("{\"city\":\"Oslo\"}"), TaskMetadata.ttl(60_000));
            String id = created.task().taskId();
            assertThat(client.getTask(id).status()).isEqualTo(TaskStatus.WORKING);
            Poll.until("the method runs", () -> slowRuns.get() == 1);
            release.countDown();
            Poll.until("the task completed", () -> client.getTask(id).status() == TaskStatus.COMPLETED);
            CallToolResult result = client.getToolTaskResult(id);
            assertThat(result.structuredContent()).isEqualTo(McpJson.parse("{\"city\":\"Oslo\",\"steps\":3}"));

            CallToolResult required = client.callToolAsTaskAndWait(
                    "onlyAsTask", McpJson.parse("{\"n\":7}"), TaskMetadata.defaults(), Duration.ofSeconds(10));
            assertThat(text(required)).isEqualTo("task 7");
            assertThat(slowRuns.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void promptsAndResourcesCarryTheirIconsAndMeta(Era era) {
        try (McpClient client = client(era)) {
            Prompt prompt = client.listAllPrompts().stream()
                    .filter(p -> p.name().equals("decorated"))
                    .findFirst()
                    .orElseThrow();
            assertThat(prompt.icons())
                    .extracting(i -> i.src())
                    .containsExactly("https://example.com/prompt.png", "data:image/png;base64,AAAA");
            assertThat(prompt.meta()).isEqualTo(McpJson.parse("{\"com.example/owner\":\"docs\",\"rank\":2}"));

            Resource resource = client.listAllResources().stream()
                    .filter(r -> r.uri().equals("memo://decorated"))
                    .findFirst()
                    .orElseThrow();
            assertThat(resource.icons()).extracting(i -> i.src()).containsExactly("https://example.com/resource.png");
            assertThat(resource.meta()).isEqualTo(McpJson.parse("{\"com.example/source\":\"wiki\"}"));

            ResourceTemplate template = client.listAllResourceTemplates().stream()
                    .filter(t -> t.uriTemplate().equals("memo://decorated/{id}"))
                    .findFirst()
                    .orElseThrow();
            assertThat(template.icons()).extracting(i -> i.src()).containsExactly("https://example.com/template.png");
            JsonNode templateMeta = template.meta();
            assertThat(templateMeta).isEqualTo(McpJson.parse("{\"com.example/kind\":\"template\"}"));
        }
    }
}
