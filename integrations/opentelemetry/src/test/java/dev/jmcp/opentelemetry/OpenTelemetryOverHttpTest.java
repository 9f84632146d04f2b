package dev.jmcp.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The OpenTelemetry interceptors over Streamable HTTP on 127.0.0.1: one trace from a client through a server whose
 * tool calls a second MCP server, the conventions' span names, attributes and metrics, error types, context in the
 * server's own sampling request, and opt-in payload capture.
 */
@Timeout(30)
class OpenTelemetryOverHttpTest {
    private static final List<Double> BUCKETS =
            List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);
    private static final JsonNode OBJECT = McpJson.parse("{\"type\":\"object\"}");

    private final Telemetry otel = new Telemetry();
    private final LinkedBlockingQueue<JsonNode> samplingMeta = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> samplingSpan = new LinkedBlockingQueue<>();
    private McpServer backend;
    private McpHttpServer backendHttp;
    private McpClient backendClient;
    private McpServer front;
    private McpHttpServer frontHttp;

    @BeforeEach
    void start() {
        backend = McpServer.builder()
                .name("backend")
                .version("1")
                .interceptor(McpServerTelemetry.create(otel.sdk))
                .tool(Tool.builder("lookup", OBJECT).build(), (req, ctx) -> CallToolResult.text("found"))
                .build();
        backendHttp = McpHttpServer.builder(backend).host("127.0.0.1").port(0).start();
        // the front server's tool calls the backend through a traced client (2026-07-28: no session there)
        backendClient = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(backendHttp.uri()))
                .interceptor(McpClientTelemetry.builder(otel.sdk)
                        .server(backendHttp.uri())
                        .build())
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        backendClient.connect();
        front = McpServer.builder()
                .name("front")
                .version("1")
                .interceptor(McpServerTelemetry.builder(otel.sdk)
                        .captureToolArguments()
                        .captureToolResults()
                        .maxCapturedChars(40)
                        .build())
                .tool(
                        Tool.builder("ask", OBJECT).build(),
                        (req, ctx) -> backendClient.callTool("lookup", Map.of("q", req.stringArgument("q"))))
                .tool(Tool.builder("broken", OBJECT).build(), (req, ctx) -> CallToolResult.error("it broke"))
                .tool(
                        Tool.builder("summarize", OBJECT).build(),
                        (req, ctx) -> CallToolResult.text(ctx.sample(CreateMessageRequest.builder(
                                                List.of(SamplingMessage.of(Role.USER, TextContent.of("hi"))), 10)
                                        .build())
                                .model()))
                .build();
        frontHttp = McpHttpServer.builder(front).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {frontHttp, front, backendClient, backendHttp, backend, otel}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private McpClient client(McpClientTelemetry telemetry) {
        return McpClient.builder()
                .transport(StreamableHttpClientTransport.create(frontHttp.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .interceptor(telemetry)
                .sampling(telemetry.tracedSampling(request -> {
                    samplingMeta.add(request.meta() == null ? McpJson.object() : request.meta());
                    samplingSpan.add(io.opentelemetry.api.trace.Span.current()
                            .getSpanContext()
                            .getSpanId());
                    return CreateMessageResult.of(Role.ASSISTANT, TextContent.of("ok"), "model-x", "endTurn");
                }))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    private McpClient client() {
        return client(
                McpClientTelemetry.builder(otel.sdk).server(frontHttp.uri()).build());
    }

    private void awaitSpans(int count) {
        Poll.until(count + " spans", () -> otel.spans.getFinishedSpanItems().size() >= count);
    }

    @Test
    void oneTraceSpansTheClientTheServerAndTheSecondServerItCalls() {
        try (McpClient client = client()) {
            client.connect();
            otel.spans.reset();
            CallToolResult result = client.callTool("ask", Map.of("q", "weather"));
            assertThat(result.failed()).isFalse();
            awaitSpans(4);
        }
        SpanData outerClient = otel.span("tools/call ask", SpanKind.CLIENT).orElseThrow();
        SpanData frontServer = otel.span("tools/call ask", SpanKind.SERVER).orElseThrow();
        SpanData innerClient = otel.span("tools/call lookup", SpanKind.CLIENT).orElseThrow();
        SpanData backendServer = otel.span("tools/call lookup", SpanKind.SERVER).orElseThrow();

        assertThat(List.of(frontServer, innerClient, backendServer))
                .allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(outerClient.getTraceId()));
        assertThat(frontServer.getParentSpanId()).isEqualTo(outerClient.getSpanId());
        assertThat(frontServer.getParentSpanContext().isRemote()).isTrue();
        assertThat(innerClient.getParentSpanId()).isEqualTo(frontServer.getSpanId());
        assertThat(backendServer.getParentSpanId()).isEqualTo(innerClient.getSpanId());

        // the conventions' attributes, server side (a handshake-era session)
        var server = frontServer.getAttributes();
        assertThat(server.get(stringKey("mcp.method.name"))).isEqualTo("tools/call");
        assertThat(server.get(stringKey("gen_ai.tool.name"))).isEqualTo("ask");
        assertThat(server.get(stringKey("gen_ai.operation.name"))).isEqualTo("execute_tool");
        assertThat(server.get(stringKey("jsonrpc.request.id"))).isNotBlank();
        assertThat(server.get(stringKey("mcp.session.id"))).isNotBlank();
        assertThat(server.get(stringKey("mcp.protocol.version"))).isEqualTo("2025-11-25");
        assertThat(server.get(stringKey("network.transport"))).isEqualTo("tcp");
        assertThat(server.get(stringKey("network.protocol.name"))).isEqualTo("http");
        assertThat(server.get(stringKey("client.address"))).isEqualTo("127.0.0.1");
        assertThat(server.get(longKey("client.port"))).isPositive();
        assertThat(server.get(stringKey("error.type"))).isNull();
        // client side
        var client = outerClient.getAttributes();
        assertThat(client.get(stringKey("mcp.method.name"))).isEqualTo("tools/call");
        assertThat(client.get(stringKey("gen_ai.tool.name"))).isEqualTo("ask");
        assertThat(client.get(stringKey("server.address"))).isEqualTo("127.0.0.1");
        assertThat(client.get(longKey("server.port")))
                .isEqualTo((long) frontHttp.uri().getPort());
        assertThat(client.get(stringKey("network.transport"))).isEqualTo("tcp");
        // the backend is served per request (2026-07-28): no session to name
        assertThat(backendServer.getAttributes().get(stringKey("mcp.session.id")))
                .isNull();
        assertThat(backendServer.getAttributes().get(stringKey("mcp.protocol.version")))
                .isEqualTo("2026-07-28");
    }

    @Test
    void durationHistogramsHaveTheConventionsNamesUnitAndBuckets() {
        try (McpClient client = client()) {
            client.connect();
            client.callTool("ask", Map.of("q", "x"));
        }
        for (String name : List.of("mcp.client.operation.duration", "mcp.server.operation.duration")) {
            MetricData metric =
                    Poll.value(name, () -> otel.metric(name).orElse(null), m -> m != null, Duration.ofSeconds(10));
            assertThat(metric.getUnit()).isEqualTo("s");
            HistogramPointData point = metric.getHistogramData().getPoints().stream()
                    .filter(p -> "ask".equals(p.getAttributes().get(stringKey("gen_ai.tool.name"))))
                    .findFirst()
                    .orElseThrow();
            assertThat(point.getBoundaries()).isEqualTo(BUCKETS);
            assertThat(point.getCount()).isEqualTo(1);
            assertThat(point.getAttributes().get(stringKey("mcp.method.name"))).isEqualTo("tools/call");
            assertThat(point.getAttributes().get(stringKey("jsonrpc.request.id")))
                    .as("no per-request attribute on a metric")
                    .isNull();
        }
    }

    @Test
    void sessionDurationIsRecordedWhenTheSessionCloses() {
        try (McpClient client = client()) {
            client.connect();
        }
        MetricData metric = Poll.value(
                "mcp.server.session.duration",
                () -> otel.metric("mcp.server.session.duration").orElse(null),
                m -> m != null,
                Duration.ofSeconds(10));
        HistogramPointData point =
                metric.getHistogramData().getPoints().iterator().next();
        assertThat(point.getBoundaries()).isEqualTo(BUCKETS);
        assertThat(point.getAttributes().get(stringKey("mcp.protocol.version"))).isEqualTo("2025-11-25");
        assertThat(point.getAttributes().get(stringKey("network.transport"))).isEqualTo("tcp");
    }

    @Test
    void toolErrorsAndJsonRpcErrorsSetErrorType() {
        int code;
        try (McpClient client = client()) {
            client.connect();
            assertThat(client.callTool("broken", Map.of()).failed()).isTrue();
            McpRpcException error = (McpRpcException)
                    org.assertj.core.api.Assertions.catchThrowable(() -> client.callTool("no-such-tool", Map.of()));
            assertThat(error).isNotNull();
            code = error.code();
        }
        awaitSpans(4);
        for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
            SpanData broken = otel.span("tools/call broken", kind).orElseThrow();
            assertThat(broken.getAttributes().get(stringKey("error.type"))).isEqualTo("tool_error");
            assertThat(broken.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            SpanData missing = otel.span("tools/call no-such-tool", kind).orElseThrow();
            assertThat(missing.getAttributes().get(stringKey("error.type"))).isEqualTo(String.valueOf(code));
            assertThat(missing.getAttributes().get(stringKey("rpc.response.status_code")))
                    .isEqualTo(String.valueOf(code));
            assertThat(missing.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        }
    }

    @Test
    void theServersSamplingRequestIsAClientSpanOfTheToolCallAndCarriesItsContext() throws Exception {
        try (McpClient client = client()) {
            client.connect();
            CallToolResult result = client.callTool("summarize", Map.of());
            assertThat(result.content()).as(result.toString()).singleElement().isEqualTo(TextContent.of("model-x"));
        }
        JsonNode meta = samplingMeta.poll(10, TimeUnit.SECONDS);
        assertThat(meta).isNotNull();
        awaitSpans(4);
        SpanData server = otel.span("tools/call summarize", SpanKind.SERVER).orElseThrow();
        // the server's request to the client is a CLIENT span of its own, child of the tool call's span...
        SpanData outgoing = otel.span("sampling/createMessage", SpanKind.CLIENT).orElseThrow();
        assertThat(outgoing.getTraceId()).isEqualTo(server.getTraceId());
        assertThat(outgoing.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(outgoing.getAttributes().get(stringKey("jsonrpc.request.id")))
                .isNotBlank();
        assertThat(outgoing.getAttributes().get(stringKey("mcp.method.name"))).isEqualTo("sampling/createMessage");
        // ...and the context the request carries in _meta is that CLIENT span's
        assertThat(meta.get("traceparent").asString())
                .startsWith("00-" + server.getTraceId() + "-" + outgoing.getSpanId() + "-");
        // the client's sampling handler runs in a SERVER span of that trace, child of the server's CLIENT span
        SpanData sampling = otel.span("sampling/createMessage", SpanKind.SERVER).orElseThrow();
        assertThat(sampling.getTraceId()).isEqualTo(server.getTraceId());
        assertThat(sampling.getParentSpanId()).isEqualTo(outgoing.getSpanId());
        assertThat(samplingSpan.poll()).isEqualTo(sampling.getSpanId());
        assertThat(sampling.getAttributes().get(stringKey("mcp.method.name"))).isEqualTo("sampling/createMessage");
    }

    @Test
    void toolPayloadsAreCapturedOnlyWhenOptedInAndBounded() {
        String longText = "x".repeat(200);
        try (McpClient client = client()) {
            client.connect();
            client.callTool("ask", Map.of("q", longText));
        }
        awaitSpans(4);
        SpanData optedIn = otel.span("tools/call ask", SpanKind.SERVER).orElseThrow();
        String args = optedIn.getAttributes().get(stringKey("gen_ai.tool.call.arguments"));
        assertThat(args).startsWith("{\"q\":\"xxx").hasSize(40).endsWith("…");
        assertThat(optedIn.getAttributes().get(stringKey("gen_ai.tool.call.result")))
                .contains("found")
                .hasSizeLessThanOrEqualTo(40);
        for (SpanData byDefault : List.of(
                otel.span("tools/call ask", SpanKind.CLIENT).orElseThrow(),
                otel.span("tools/call lookup", SpanKind.SERVER).orElseThrow())) {
            assertThat(byDefault.getAttributes().get(stringKey("gen_ai.tool.call.arguments")))
                    .isNull();
            assertThat(byDefault.getAttributes().get(stringKey("gen_ai.tool.call.result")))
                    .isNull();
        }
    }

    @Test
    void tracingNeverChangesTheAnswer() {
        try (McpClient client = client()) {
            client.connect();
            assertThatThrownBy(() -> client.callTool("no-such-tool", Map.of())).isInstanceOf(McpRpcException.class);
            assertThat(client.callTool("ask", Map.of("q", "a")).content())
                    .singleElement()
                    .isEqualTo(TextContent.of("found"));
        }
    }
}
