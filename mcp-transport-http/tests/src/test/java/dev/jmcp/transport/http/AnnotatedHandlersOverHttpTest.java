package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.completion.CompletionArgument;
import dev.jmcp.core.protocol.completion.CompletionContext;
import dev.jmcp.core.protocol.completion.PromptReference;
import dev.jmcp.core.protocol.completion.ResourceTemplateReference;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.TransportMetadata;
import dev.jmcp.server.CompletionRequest;
import dev.jmcp.server.Description;
import dev.jmcp.server.McpCompletion;
import dev.jmcp.server.McpParam;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.PromptRequest;
import dev.jmcp.server.RequestContext;
import dev.jmcp.server.ResourceRequest;
import dev.jmcp.server.ServerSession;
import dev.jmcp.server.ToolRequest;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Annotated tools, prompts, resources and completions served over HTTP to the jmcp client, in both eras. */
@Timeout(30)
class AnnotatedHandlersOverHttpTest {

    /** The two eras: a handshake-era client and the default (2026-07-28) one. */
    enum Era {
        HANDSHAKE(ProtocolVersion.V2025_11_25),
        STATELESS(null);

        final ProtocolVersion pinned;

        Era(ProtocolVersion pinned) {
            this.pinned = pinned;
        }
    }

    record Forecast(String city, int days, LocalDate from, @Description("degrees Celsius") double high) {}

    enum Tone {
        FORMAL,
        CASUAL
    }

    /** The handlers: plain methods of an ordinary class. */
    public static final class Handlers {
        @McpTool(
                title = "Adder",
                description = "Adds two integers",
                readOnly = true,
                destructive = false,
                idempotent = true,
                openWorld = false,
                icons = "https://example.com/add.png",
                meta = "{\"team\":\"math\"}")
        public int add(@McpParam(description = "the first term") int a, int b) {
            return a + b;
        }

        @McpTool(taskSupport = ToolExecution.TaskSupport.OPTIONAL)
        @Description("The forecast for a city")
        public Forecast forecast(String city, Optional<Integer> days, LocalDate from) {
            return new Forecast(city, days.orElse(3), from, 21.5);
        }

        @McpTool
        public CompletableFuture<Forecast> later(String city) {
            return CompletableFuture.supplyAsync(() -> new Forecast(city, 1, LocalDate.of(2026, 1, 1), 2));
        }

        @McpTool
        public String whoami(
                RequestContext ctx,
                ServerSession session,
                TransportMetadata transport,
                ProtocolVersion version,
                Optional<AuthInfo> auth,
                AuthInfo plainAuth) {
            return String.join(
                    ",",
                    String.valueOf(ctx != null),
                    session != null ? "session" : "no-session",
                    transport.transport(),
                    version.id(),
                    auth.map(AuthInfo::principal).orElse("anonymous"),
                    String.valueOf(plainAuth == null ? "null" : plainAuth.principal()));
        }

        @McpTool
        public void noop() {}

        @McpTool
        public List<ContentBlock> blocks() {
            return List.of(TextContent.of("one"), TextContent.of("two"));
        }

        @McpTool
        public CallToolResult raw() {
            return CallToolResult.text("as is");
        }

        @McpTool
        public String fail() {
            throw new IllegalStateException("the disk is full");
        }

        @McpTool
        public String rpcFail() {
            throw new McpRpcException(-32042, "quota exceeded");
        }

        @McpTool
        public String day(LocalDate day) {
            return day.getDayOfWeek().toString();
        }

        @McpPrompt(title = "Greeting", description = "Greets someone")
        public String greet(@McpParam(description = "who") String name, Optional<Integer> times, Tone tone) {
            String hello = tone == Tone.FORMAL ? "Good day" : "Hi";
            return (hello + " " + name + "! ").repeat(times.orElse(1)).trim();
        }

        @McpPrompt
        public List<PromptMessage> conversation(String topic) {
            return List.of(
                    PromptMessage.of(Role.USER, TextContent.of("Tell me about " + topic)),
                    PromptMessage.of(Role.ASSISTANT, TextContent.of("Gladly.")));
        }

        @McpCompletion(prompt = "greet", argument = "name")
        public List<String> names(String prefix) {
            return List.of("Ada", "Alan", "Grace").stream()
                    .filter(n -> n.startsWith(prefix))
                    .collect(Collectors.toList());
        }

        @McpResource(uri = "memo://readme", mimeType = "text/plain", description = "The readme")
        public String readme() {
            return "read me";
        }

        @McpResource(uri = "memo://notes/{id}", mimeType = "text/plain")
        public String note(int id) {
            return id == 0 ? null : "note " + id;
        }

        @McpCompletion(resourceTemplate = "memo://notes/{id}", argument = "id")
        public String[] ids(String prefix) {
            return new String[] {prefix + "1", prefix + "2"};
        }

        @McpResource(uri = "memo://bytes", mimeType = "application/octet-stream")
        public byte[] bytes() {
            return new byte[] {1, 2, 3};
        }
    }

    /** More return and injection shapes, registered as a class (instantiated by build()). */
    public static final class MoreHandlers {
        @McpTool
        public TextContent single(ToolRequest request, RequestContext ctx) {
            return TextContent.of(request.name() + " " + ctx.requestId());
        }

        @McpTool
        public CompletableFuture<String> failsLater() {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no such city"));
        }

        @McpPrompt
        public GetPromptResult full(PromptRequest request) {
            return GetPromptResult.of(
                    "full " + request.arguments().size(), List.of(PromptMessage.of(Role.USER, TextContent.of("x"))));
        }

        @McpPrompt
        public String broken() {
            throw new IllegalStateException("template missing");
        }

        @McpPrompt
        public String city(String country, String name) {
            return name + ", " + country;
        }

        @McpCompletion(prompt = "city", argument = "name")
        public Completion cities(String prefix, CompletionRequest request) {
            String country = request.contextArguments().getOrDefault("country", "");
            List<String> all = country.equals("FR") ? List.of("Paris", "Pau") : List.of("Perth");
            return Completion.of(all.stream().filter(c -> c.startsWith(prefix)).collect(Collectors.toList()));
        }

        @McpResource(uri = "memo://forecast/{city}")
        public Forecast forecastResource(String city, ResourceRequest request) {
            return new Forecast(
                    city, 1, LocalDate.of(2026, 7, 28), request.uri().length());
        }

        @McpResource(uri = "memo://denied")
        public String denied() {
            throw new McpRpcException(-32043, "not for you");
        }
    }

    private static final Map<String, AuthInfo> TOKENS =
            Map.of("alice", SessionTestSupport.caller("alice", "app", "alice"));

    private static McpHttpServer start(boolean withAuth) {
        McpServer server = McpServer.builder()
                .name("annotated")
                .version("1")
                .handlers(new Handlers())
                .handlers(MoreHandlers.class)
                .build();
        McpHttpServer.Builder b = McpHttpServer.builder(server).port(0);
        if (withAuth) {
            b.authorization(SessionTestSupport.auth(TOKENS));
        }
        return b.start();
    }

    private static McpClient client(McpHttpServer http, Era era, String token) {
        StreamableHttpClientTransport.Builder t = StreamableHttpClientTransport.builder(http.uri());
        if (token != null) {
            t.header("Authorization", "Bearer " + token);
        }
        var b = McpClient.builder().transport(t.build()).requestTimeout(Duration.ofSeconds(10));
        if (era.pinned != null) {
            b.protocolVersion(era.pinned);
        }
        McpClient client = b.build();
        client.connect();
        return client;
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void toolsAreListedWithSchemasTitlesHintsIconsMetaAndTaskSupport(Era era) {
        try (McpHttpServer http = start(false);
                McpClient client = client(http, era, null)) {
            Map<String, Tool> tools = client.listAllTools().stream().collect(Collectors.toMap(Tool::name, t -> t));
            assertThat(tools.keySet())
                    .containsExactlyInAnyOrder(
                            "add",
                            "forecast",
                            "later",
                            "whoami",
                            "noop",
                            "blocks",
                            "raw",
                            "fail",
                            "rpcFail",
                            "day",
                            "single",
                            "failsLater");
            Tool add = tools.get("add");
            assertThat(add.title()).isEqualTo("Adder");
            assertThat(add.description()).isEqualTo("Adds two integers");
            assertThat(add.inputSchema()
                            .get("properties")
                            .get("a")
                            .get("description")
                            .asString())
                    .isEqualTo("the first term");
            assertThat(add.inputSchema().get("required").toString()).isEqualTo("[\"a\",\"b\"]");
            assertThat(add.annotations().readOnlyHint()).isTrue();
            assertThat(add.annotations().destructiveHint()).isFalse();
            assertThat(add.annotations().idempotentHint()).isTrue();
            assertThat(add.annotations().openWorldHint()).isFalse();
            assertThat(add.icons()).extracting(i -> i.src()).containsExactly("https://example.com/add.png");
            assertThat(add.meta().get("team").asString()).isEqualTo("math");
            assertThat(add.outputSchema()).isNull();
            Tool forecast = tools.get("forecast");
            assertThat(forecast.description()).isEqualTo("The forecast for a city");
            assertThat(forecast.inputSchema().get("required").toString()).isEqualTo("[\"city\",\"from\"]");
            assertThat(forecast.inputSchema()
                            .get("properties")
                            .get("from")
                            .get("format")
                            .asString())
                    .isEqualTo("date");
            assertThat(forecast.outputSchema()
                            .get("properties")
                            .get("high")
                            .get("description")
                            .asString())
                    .isEqualTo("degrees Celsius");
            assertThat(forecast.execution().taskSupport()).isEqualTo(ToolExecution.TaskSupport.OPTIONAL);
            assertThat(tools.get("whoami").inputSchema().get("properties").isEmpty())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void toolReturnsBecomeTextStructuredContentBlocksOrTheResultItself(Era era) {
        try (McpHttpServer http = start(false);
                McpClient client = client(http, era, null)) {
            assertThat(text(client.callTool("add", Map.of("a", 2, "b", 3)))).isEqualTo("5");
            CallToolResult forecast = client.callTool("forecast", Map.of("city", "Oslo", "from", "2026-07-28"));
            assertThat(forecast.isError()).isNotEqualTo(Boolean.TRUE);
            JsonNode expected = McpJson.parse("{\"city\":\"Oslo\",\"days\":3,\"from\":\"2026-07-28\",\"high\":21.5}");
            assertThat(forecast.structuredContent()).isEqualTo(expected);
            assertThat(McpJson.parse(text(forecast))).isEqualTo(expected);
            CallToolResult later = client.callTool("later", Map.of("city", "Rome"));
            assertThat(later.structuredContent().get("city").asString()).isEqualTo("Rome");
            CallToolResult noop = client.callTool("noop", Map.of());
            assertThat(noop.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(noop.content()).isEmpty();
            assertThat(client.callTool("blocks", Map.of()).content())
                    .extracting(b -> ((TextContent) b).text())
                    .containsExactly("one", "two");
            assertThat(text(client.callTool("raw", Map.of()))).isEqualTo("as is");
            assertThat(text(client.callTool("single", Map.of()))).startsWith("single ");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void moreShapesOfPromptsResourcesCompletionsAndAsynchronousFailures(Era era) {
        try (McpHttpServer http = start(false);
                McpClient client = client(http, era, null)) {
            CallToolResult later = client.callTool("failsLater", Map.of());
            assertThat(later.isError()).isTrue();
            assertThat(text(later)).contains("no such city");
            assertThat(client.getPrompt("full", Map.of("a", "1")).description()).isEqualTo("full 1");
            assertThatThrownBy(() -> client.getPrompt("broken", Map.of()))
                    .isInstanceOf(McpRpcException.class)
                    .hasMessageContaining("template missing");
            Completion paris = client.complete(
                            CompleteRequest.builder(PromptReference.of("city"), CompletionArgument.of("name", "Pa"))
                                    .context(new CompletionContext(Map.of("country", "FR")))
                                    .build())
                    .completion();
            assertThat(paris.values()).containsExactly("Paris", "Pau");
            TextResourceContents forecast = (TextResourceContents)
                    client.readResource("memo://forecast/Oslo").contents().get(0);
            assertThat(forecast.mimeType()).isEqualTo("application/json");
            assertThat(McpJson.parse(forecast.text()).get("city").asString()).isEqualTo("Oslo");
            assertThatThrownBy(() -> client.readResource("memo://denied"))
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(-32043));
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void contextSessionTransportVersionAndAuthAreInjected(Era era) {
        try (McpHttpServer http = start(true);
                McpClient client = client(http, era, "alice")) {
            String version = era.pinned != null ? era.pinned.id() : ProtocolVersion.V2026_07_28.id();
            String[] parts = text(client.callTool("whoami", Map.of())).split(",");
            assertThat(parts[0]).isEqualTo("true");
            assertThat(parts[1]).isEqualTo("session");
            assertThat(parts[2]).isNotEqualTo("unknown");
            assertThat(parts[3]).isEqualTo(version);
            assertThat(parts[4]).isEqualTo("alice");
            assertThat(parts[5]).isEqualTo("alice");
        }
        try (McpHttpServer http = start(false);
                McpClient client = client(http, era, null)) {
            String[] parts = text(client.callTool("whoami", Map.of())).split(",");
            assertThat(parts[4]).isEqualTo("anonymous");
            assertThat(parts[5]).isEqualTo("null");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void failuresBecomeSafeErrorResultsRpcErrorsPassAndBadArgumentsAreNamed(Era era) {
        try (McpHttpServer http = start(false);
                McpClient client = client(http, era, null)) {
            CallToolResult fail = client.callTool("fail", Map.of());
            assertThat(fail.isError()).isTrue();
            assertThat(text(fail)).contains("the disk is full").doesNotContain("IllegalStateException", "\tat ");
            assertThatThrownBy(() -> client.callTool("rpcFail", Map.of()))
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(-32042))
                    .hasMessageContaining("quota exceeded");
            assertThatThrownBy(() -> client.callTool("day", Map.of("day", "2026-13-45")))
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMS))
                    .hasMessageContaining("\"day\"");
            CallToolResult missing = client.callTool("add", Map.of("a", 1));
            assertThat(missing.isError()).isTrue();
            assertThatThrownBy(() -> client.getPrompt("greet", Map.of("name", "Ada", "tone", "LOUD")))
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMS))
                    .hasMessageContaining("\"tone\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void promptsAreListedRenderedAndCompleted(Era era) {
        try (McpHttpServer http = start(false);
                McpClient client = client(http, era, null)) {
            Prompt greet = client.listAllPrompts().stream()
                    .filter(p -> p.name().equals("greet"))
                    .findFirst()
                    .orElseThrow();
            assertThat(greet.title()).isEqualTo("Greeting");
            assertThat(greet.arguments())
                    .extracting(a -> a.name() + ":" + a.required() + ":" + a.description())
                    .containsExactly("name:true:who", "times:false:null", "tone:true:null");
            GetPromptResult r = client.getPrompt("greet", Map.of("name", "Ada", "times", "2", "tone", "CASUAL"));
            assertThat(r.description()).isEqualTo("Greets someone");
            assertThat(((TextContent) r.messages().get(0).content()).text()).isEqualTo("Hi Ada! Hi Ada!");
            GetPromptResult conversation = client.getPrompt("conversation", Map.of("topic", "owls"));
            assertThat(conversation.messages())
                    .extracting(PromptMessage::role)
                    .containsExactly(Role.USER, Role.ASSISTANT);
            Completion names = client.complete(CompleteRequest.of(PromptReference.of("greet"), "name", "A"))
                    .completion();
            assertThat(names.values()).containsExactly("Ada", "Alan");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void resourcesAndTemplatesAreReadAndCompleted(Era era) {
        try (McpHttpServer http = start(false);
                McpClient client = client(http, era, null)) {
            assertThat(client.listAllResources())
                    .extracting(r -> r.uri() + " " + r.mimeType())
                    .containsExactlyInAnyOrder(
                            "memo://readme text/plain", "memo://bytes application/octet-stream", "memo://denied null");
            assertThat(client.listAllResourceTemplates())
                    .extracting(ResourceTemplate::uriTemplate)
                    .containsExactlyInAnyOrder("memo://notes/{id}", "memo://forecast/{city}");
            TextResourceContents readme = (TextResourceContents)
                    client.readResource("memo://readme").contents().get(0);
            assertThat(readme.text()).isEqualTo("read me");
            assertThat(readme.mimeType()).isEqualTo("text/plain");
            TextResourceContents note = (TextResourceContents)
                    client.readResource("memo://notes/7").contents().get(0);
            assertThat(note.text()).isEqualTo("note 7");
            assertThat(note.uri()).isEqualTo("memo://notes/7");
            BlobResourceContents blob = (BlobResourceContents)
                    client.readResource("memo://bytes").contents().get(0);
            assertThat(Base64.getDecoder().decode(blob.blob())).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> client.readResource("memo://notes/0")).isInstanceOf(McpRpcException.class);
            assertThatThrownBy(() -> client.readResource("memo://notes/x"))
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMS))
                    .hasMessageContaining("\"id\"");
            Completion ids = client.complete(
                            CompleteRequest.of(ResourceTemplateReference.of("memo://notes/{id}"), "id", "4"))
                    .completion();
            assertThat(ids.values()).containsExactly("41", "42");
        }
    }
}
