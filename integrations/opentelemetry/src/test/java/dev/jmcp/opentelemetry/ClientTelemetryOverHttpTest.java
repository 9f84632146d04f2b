package dev.jmcp.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The client side of the conventions over Streamable HTTP on 127.0.0.1: spans for the client's own
 * {@code initialize} and {@code server/discover}, {@code mcp.session.id} on client spans, the
 * {@code mcp.client.session.duration} histogram, and one parent for every round of a 2026-07-28
 * {@code input_required} exchange.
 */
@Timeout(90)
class ClientTelemetryOverHttpTest {
    private static final List<Double> BUCKETS =
            List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);
    private static final JsonNode OBJECT = McpJson.parse("{\"type\":\"object\"}");

    private final Telemetry otel = new Telemetry();
    private McpServer server;
    private McpHttpServer http;

    @BeforeEach
    void start() {
        server = McpServer.builder()
                .name("server")
                .version("1")
                .interceptor(McpServerTelemetry.create(otel.sdk))
                .tool(Tool.builder("echo", OBJECT).build(), (req, ctx) -> CallToolResult.text("echo"))
                .tool(Tool.builder("profile", OBJECT).build(), (req, ctx) -> {
                    String name = ctx.elicit("name", form("name?"))
                            .content()
                            .get("name")
                            .asString();
                    String color = ctx.elicit("color", form("color?"))
                            .content()
                            .get("name")
                            .asString();
                    return CallToolResult.text(name + "/" + color);
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

    private static FormElicitRequest form(String message) {
        return FormElicitRequest.of(
                message,
                RequestedSchema.of(Map.of("name", StringSchema.builder().build()), List.of("name")));
    }

    private McpClient client(ProtocolVersion pinned, StreamableHttpClientTransport transport) {
        McpClientTelemetry telemetry = McpClientTelemetry.builder(otel.sdk)
                .server(http.uri())
                .sessionId(transport::sessionId)
                .build();
        McpClientBuilder builder = McpClient.builder()
                .transport(transport)
                .interceptor(telemetry)
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

    @Test
    void theHandshakeIsAClientSpanThatParentsTheServersSpanAndNamesTheSession() {
        StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(http.uri());
        String sessionId;
        try (McpClient client = client(ProtocolVersion.V2025_11_25, transport)) {
            client.connect();
            sessionId = transport.sessionId();
            client.callTool("echo", Map.of());
        }
        assertThat(sessionId).isNotBlank();
        SpanData initialize = awaitSpan("initialize", SpanKind.CLIENT);
        SpanData served = awaitSpan("initialize", SpanKind.SERVER);
        assertThat(served.getTraceId()).isEqualTo(initialize.getTraceId());
        assertThat(served.getParentSpanId()).isEqualTo(initialize.getSpanId());
        assertThat(initialize.getAttributes().get(stringKey("mcp.method.name"))).isEqualTo("initialize");
        assertThat(initialize.getAttributes().get(stringKey("mcp.protocol.version")))
                .isEqualTo("2025-11-25");
        assertThat(initialize.getAttributes().get(stringKey("mcp.session.id"))).isEqualTo(sessionId);

        SpanData call = awaitSpan("tools/call echo", SpanKind.CLIENT);
        SpanData handled = awaitSpan("tools/call echo", SpanKind.SERVER);
        assertThat(call.getAttributes().get(stringKey("mcp.session.id"))).isEqualTo(sessionId);
        assertThat(handled.getAttributes().get(stringKey("mcp.session.id"))).isEqualTo(sessionId);
    }

    @Test
    void discoveryIsAClientSpanAndStatelessCallsNameNoSession() {
        StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(http.uri());
        try (McpClient client = client(null, transport)) {
            client.connect();
            client.callTool("echo", Map.of());
        }
        SpanData discover = awaitSpan("server/discover", SpanKind.CLIENT);
        SpanData served = awaitSpan("server/discover", SpanKind.SERVER);
        assertThat(served.getParentSpanId()).isEqualTo(discover.getSpanId());
        assertThat(discover.getAttributes().get(stringKey("mcp.protocol.version")))
                .isEqualTo("2026-07-28");
        SpanData call = awaitSpan("tools/call echo", SpanKind.CLIENT);
        assertThat(call.getAttributes().get(stringKey("mcp.session.id"))).isNull();
        assertThat(otel.span("initialize", SpanKind.CLIENT)).isEmpty();
    }

    @Test
    void clientSessionDurationIsRecordedWhenTheClientCloses() {
        try (McpClient client = client(ProtocolVersion.V2025_11_25, StreamableHttpClientTransport.create(http.uri()))) {
            client.connect();
            assertThat(otel.metric("mcp.client.session.duration")).isEmpty();
        }
        MetricData metric = Poll.value(
                "mcp.client.session.duration",
                () -> otel.metric("mcp.client.session.duration").orElse(null),
                m -> m != null,
                Duration.ofSeconds(30));
        assertThat(metric.getUnit()).isEqualTo("s");
        HistogramPointData point =
                metric.getHistogramData().getPoints().iterator().next();
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(point.getBoundaries()).isEqualTo(BUCKETS);
        assertThat(point.getAttributes().get(stringKey("mcp.protocol.version"))).isEqualTo("2025-11-25");
        assertThat(point.getAttributes().get(stringKey("network.transport"))).isEqualTo("tcp");
        assertThat(point.getAttributes().get(stringKey("mcp.session.id")))
                .as("no per-session value on a metric")
                .isNull();
    }

    @Test
    void everyInputRequiredRoundIsAChildOfTheCallersSpan() {
        Span caller = otel.sdk.getTracer("test").spanBuilder("caller").startSpan();
        try (McpClient client = client(ProtocolVersion.V2026_07_28, StreamableHttpClientTransport.create(http.uri()))) {
            client.connect();
            try (Scope ignored = caller.makeCurrent()) {
                assertThat(client.callTool("profile", Map.of()).content().toString())
                        .contains("ann/ann");
            }
        } finally {
            caller.end();
        }
        Poll.until(
                "three rounds traced",
                () -> otel.spans(s -> s.getName().equals("tools/call profile") && s.getKind() == SpanKind.CLIENT)
                                .size()
                        == 3);
        List<SpanData> rounds =
                otel.spans(s -> s.getName().equals("tools/call profile") && s.getKind() == SpanKind.CLIENT);
        assertThat(rounds)
                .allSatisfy(s -> assertThat(s.getTraceId())
                        .isEqualTo(caller.getSpanContext().getTraceId()))
                .allSatisfy(s -> assertThat(s.getParentSpanId())
                        .isEqualTo(caller.getSpanContext().getSpanId()));
        // each round's server span is the child of that round's client span
        List<SpanData> served =
                otel.spans(s -> s.getName().equals("tools/call profile") && s.getKind() == SpanKind.SERVER);
        assertThat(served).hasSize(3);
        assertThat(served)
                .extracting(SpanData::getParentSpanId)
                .containsExactlyInAnyOrderElementsOf(
                        rounds.stream().map(SpanData::getSpanId).toList());
    }
}
