package dev.jmcp.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerOutcome;
import dev.jmcp.server.ServerSession;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * What the first version left out, over Streamable HTTP on 127.0.0.1: {@code jsonrpc.request.id} on client spans,
 * {@code network.protocol.name}/{@code version} reported by the transports on both sides, the CLIENT span of a
 * {@code subscriptions/listen} stream, CLIENT spans for the server's own requests to the client, and {@code
 * mcp.session.id} on client spans taken from the current session (no supplier configured, a recovery followed).
 */
@Timeout(60)
class ConventionsCompleteOverHttpTest {
    private static final JsonNode OBJECT = McpJson.parse("{\"type\":\"object\"}");

    private final Telemetry otel = new Telemetry();
    private McpServer server;
    private McpHttpServer http;

    @BeforeEach
    void start() {
        ServerInterceptor refuseTaggedListens = (call, chain) -> call.method().equals(McpMethods.SUBSCRIPTIONS_LISTEN)
                        && call.params()
                                .path("notifications")
                                .path("promptsListChanged")
                                .asBoolean(false)
                ? ServerOutcome.error(JsonRpcError.of(-32000, "no prompt streams here"))
                : chain.proceed();
        server = McpServer.builder()
                .name("server")
                .version("1")
                .interceptor(McpServerTelemetry.create(otel.sdk))
                .interceptor(refuseTaggedListens)
                .tool(Tool.builder("echo", OBJECT).build(), (req, ctx) -> CallToolResult.text("echo"))
                .tool(Tool.builder("ask", OBJECT).build(), (req, ctx) -> {
                    List<Root> roots = ctx.roots();
                    ElicitResult answer = ctx.elicit(FormElicitRequest.of(
                            "name?",
                            RequestedSchema.of(
                                    Map.of("name", StringSchema.builder().build()), List.of("name"))));
                    return CallToolResult.text(
                            roots.size() + " " + answer.content().get("name").asString());
                })
                .build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
        otel.close();
    }

    /** A client with default telemetry: no server URI, no session id supplier (the transport reports both). */
    private McpClient client(ProtocolVersion pinned, StreamableHttpClientTransport transport) {
        McpClientTelemetry telemetry = McpClientTelemetry.create(otel.sdk);
        McpClientBuilder builder = McpClient.builder()
                .transport(transport)
                .interceptor(telemetry)
                .roots(() -> List.of(Root.of("file:///work", "work")))
                .elicitation(telemetry.tracedElicitation(
                        request -> ElicitResult.accept(Map.of("name", McpJson.toTree("ann")))))
                .requestTimeout(Duration.ofSeconds(30))
                .discoveryTimeout(Duration.ofSeconds(30));
        if (pinned != null) {
            builder.protocolVersion(pinned);
        }
        return builder.build();
    }

    private SpanData awaitSpan(String name, SpanKind kind) {
        return Poll.value(
                name + " " + kind, () -> otel.span(name, kind).orElse(null), s -> s != null, Duration.ofSeconds(30));
    }

    private List<SpanData> awaitSpans(String what, Predicate<SpanData> filter, int count) {
        return Poll.value(what, () -> otel.spans(filter), l -> l.size() >= count, Duration.ofSeconds(30));
    }

    private static String attr(SpanData span, String key) {
        return span.getAttributes().get(stringKey(key));
    }

    /** The SERVER span whose parent is {@code client} (the server span of that very request). */
    private SpanData servedBy(SpanData client) {
        return Poll.value(
                "the server span of " + client.getName(),
                () ->
                        otel
                                .spans(s -> s.getKind() == SpanKind.SERVER
                                        && s.getParentSpanId().equals(client.getSpanId()))
                                .stream()
                                .findFirst()
                                .orElse(null),
                s -> s != null,
                Duration.ofSeconds(30));
    }

    @Test
    void clientSpansCarryTheJsonRpcRequestIdTheServerSpansSee() {
        for (ProtocolVersion version : List.of(ProtocolVersion.V2025_11_25, ProtocolVersion.V2026_07_28)) {
            otel.spans.reset();
            try (McpClient client = client(version, StreamableHttpClientTransport.create(http.uri()))) {
                client.connect();
                client.callTool("echo", Map.of());
                client.callTool("echo", Map.of());
            }
            List<SpanData> calls = awaitSpans(
                    "two client spans",
                    s -> s.getName().equals("tools/call echo") && s.getKind() == SpanKind.CLIENT,
                    2);
            assertThat(calls)
                    .extracting(s -> attr(s, "jsonrpc.request.id"))
                    .doesNotContainNull()
                    .doesNotHaveDuplicates();
            for (SpanData call : calls) {
                assertThat(attr(call, "jsonrpc.request.id"))
                        .as("%s: the id the server answered under", version)
                        .isEqualTo(attr(servedBy(call), "jsonrpc.request.id"));
            }
            String connecting = version.isStateless() ? "server/discover" : "initialize";
            SpanData handshake = awaitSpan(connecting, SpanKind.CLIENT);
            assertThat(attr(handshake, "jsonrpc.request.id"))
                    .isEqualTo(attr(servedBy(handshake), "jsonrpc.request.id"));
        }
    }

    @Test
    void bothSidesRecordTheHttpVersionTheRequestWasCarriedOver() {
        // the built-in engine speaks HTTP/1.1; a JDK client configured for HTTP/2 negotiates 1.1 with this server
        // (no h2c): each side reports what was negotiated, not what was configured
        List<StreamableHttpClientTransport> transports = List.of(
                StreamableHttpClientTransport.create(http.uri()),
                StreamableHttpClientTransport.builder(http.uri())
                        .httpClient(HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_2)
                                .build())
                        .build());
        for (StreamableHttpClientTransport transport : transports) {
            otel.spans.reset();
            try (McpClient client = client(ProtocolVersion.V2025_11_25, transport)) {
                client.connect();
                client.callTool("echo", Map.of());
            }
            SpanData call = awaitSpan("tools/call echo", SpanKind.CLIENT);
            for (SpanData span : List.of(call, servedBy(call))) {
                assertThat(attr(span, "network.transport"))
                        .as(span.getKind().name())
                        .isEqualTo("tcp");
                assertThat(attr(span, "network.protocol.name"))
                        .as(span.getKind().name())
                        .isEqualTo("http");
                assertThat(attr(span, "network.protocol.version"))
                        .as(span.getKind().name())
                        .isEqualTo("1.1");
            }
        }
        for (String name : List.of("mcp.client.operation.duration", "mcp.server.operation.duration")) {
            MetricData metric =
                    Poll.value(name, () -> otel.metric(name).orElse(null), m -> m != null, Duration.ofSeconds(10));
            HistogramPointData point = metric.getHistogramData().getPoints().stream()
                    .filter(p -> "echo".equals(p.getAttributes().get(stringKey("gen_ai.tool.name"))))
                    .findFirst()
                    .orElseThrow();
            assertThat(point.getAttributes().get(stringKey("network.protocol.name")))
                    .isEqualTo("http");
            assertThat(point.getAttributes().get(stringKey("network.protocol.version")))
                    .isEqualTo("1.1");
        }
    }

    @Test
    void aSubscriptionsListenStreamIsOneClientSpanFromOpenToClose() {
        try (McpClient client = client(ProtocolVersion.V2026_07_28, StreamableHttpClientTransport.create(http.uri()))) {
            client.connect();
            Subscription subscription = client.subscribe(
                    SubscriptionFilter.builder().toolsListChanged(true).build());
            assertThat(subscription.acknowledged()).isNotNull();
            assertThat(otel.span("subscriptions/listen", SpanKind.CLIENT))
                    .as("the stream is open: its span has not ended")
                    .isEmpty();
            subscription.close();
            SpanData listen = awaitSpan("subscriptions/listen", SpanKind.CLIENT);
            assertThat(attr(listen, "mcp.method.name")).isEqualTo("subscriptions/listen");
            assertThat(attr(listen, "jsonrpc.request.id")).isNotBlank();
            assertThat(attr(listen, "network.protocol.name")).isEqualTo("http");
            assertThat(attr(listen, "error.type"))
                    .as("closing is the stream's normal end")
                    .isNull();
            assertThat(listen.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            SpanData served = servedBy(listen);
            assertThat(served.getName()).isEqualTo("subscriptions/listen");
            assertThat(attr(served, "jsonrpc.request.id")).isEqualTo(attr(listen, "jsonrpc.request.id"));
        }
    }

    @Test
    void aListenStreamTheServerRefusesEndsItsClientSpanWithTheErrorType() {
        try (McpClient client = client(ProtocolVersion.V2026_07_28, StreamableHttpClientTransport.create(http.uri()))) {
            client.connect();
            Throwable refused = catchThrowable(() -> client.subscribe(
                    SubscriptionFilter.builder().promptsListChanged(true).build()));
            assertThat(refused).isInstanceOf(McpRpcException.class);
        }
        SpanData listen = awaitSpan("subscriptions/listen", SpanKind.CLIENT);
        assertThat(attr(listen, "error.type")).isEqualTo("-32000");
        assertThat(attr(listen, "rpc.response.status_code")).isEqualTo("-32000");
        assertThat(listen.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void theServersRootsAndElicitationRequestsAreClientSpansOfTheToolCall() {
        try (McpClient client = client(ProtocolVersion.V2025_11_25, StreamableHttpClientTransport.create(http.uri()))) {
            client.connect();
            assertThat(client.callTool("ask", Map.of()).content().toString()).contains("1 ann");
        }
        SpanData toolCall = awaitSpan("tools/call ask", SpanKind.SERVER);
        for (String method : List.of("roots/list", "elicitation/create")) {
            SpanData outgoing = awaitSpan(method, SpanKind.CLIENT);
            assertThat(outgoing.getTraceId()).isEqualTo(toolCall.getTraceId());
            assertThat(outgoing.getParentSpanId()).as(method).isEqualTo(toolCall.getSpanId());
            Attributes a = outgoing.getAttributes();
            assertThat(a.get(stringKey("mcp.method.name"))).isEqualTo(method);
            assertThat(a.get(stringKey("jsonrpc.request.id"))).isNotBlank();
            assertThat(a.get(stringKey("mcp.session.id"))).isEqualTo(attr(toolCall, "mcp.session.id"));
            assertThat(a.get(stringKey("mcp.protocol.version"))).isEqualTo("2025-11-25");
            assertThat(a.get(stringKey("network.protocol.version"))).isEqualTo("1.1");
            assertThat(a.get(stringKey("error.type"))).isNull();
        }
        // the client's traced elicitation handler continues the server's CLIENT span, not its tool call span
        SpanData elicited = awaitSpan("elicitation/create", SpanKind.SERVER);
        assertThat(elicited.getParentSpanId())
                .isEqualTo(otel.span("elicitation/create", SpanKind.CLIENT)
                        .orElseThrow()
                        .getSpanId());
        MetricData metric = Poll.value(
                "the server's outgoing durations",
                () -> otel.metric("mcp.client.operation.duration").orElse(null),
                m -> m != null
                        && m.getHistogramData().getPoints().stream().anyMatch(p -> "roots/list"
                                .equals(p.getAttributes().get(stringKey("mcp.method.name")))),
                Duration.ofSeconds(10));
        assertThat(metric.getUnit()).isEqualTo("s");
    }

    @Test
    void clientSpansNameTheCurrentSessionWithoutASessionIdSupplier() {
        StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(http.uri());
        String first;
        String second;
        try (McpClient client = client(ProtocolVersion.V2025_11_25, transport)) {
            client.connect();
            first = transport.sessionId();
            client.callTool("echo", Map.of());
            server.sessions().forEach(ServerSession::close); // the server forgets it: the client starts a new one
            otel.spans.reset();
            client.callTool("echo", Map.of());
            second = transport.sessionId();
        }
        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        SpanData reinitialize = awaitSpan("initialize", SpanKind.CLIENT);
        assertThat(attr(reinitialize, "mcp.session.id")).isEqualTo(second);
        List<SpanData> calls = awaitSpans(
                "the retried call",
                s -> s.getName().equals("tools/call echo")
                        && s.getKind() == SpanKind.CLIENT
                        && attr(s, "error.type") == null,
                1);
        assertThat(calls).extracting(s -> attr(s, "mcp.session.id")).containsOnly(second);
        assertThat(attr(servedBy(calls.get(0)), "mcp.session.id")).isEqualTo(second);
    }
}
