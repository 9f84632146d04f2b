package dev.jmcp.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.opentelemetry.internal.Semconv;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every span, attribute and metric this module writes is named by the OpenTelemetry semantic conventions for MCP
 * ({@code docs/gen-ai/mcp.md}, summarised in {@code shared/reference/otel-mcp.md}): the names below are copied from
 * the conventions, and a run over Streamable HTTP (client → server: tools, a tool error, a JSON-RPC error, a prompt,
 * a resource, a list) must stay within them, with the required and conditionally required attributes present.
 */
@Timeout(90)
class SemanticConventionsTest {
    /** Span attributes of the conventions: required, conditionally required, recommended and opt-in. */
    static final Set<String> SPAN_ATTRIBUTES = Set.of(
            "mcp.method.name",
            "error.type",
            "gen_ai.tool.name",
            "gen_ai.prompt.name",
            "jsonrpc.request.id",
            "mcp.resource.uri",
            "rpc.response.status_code",
            "gen_ai.operation.name",
            "mcp.protocol.version",
            "mcp.session.id",
            "network.transport",
            "network.protocol.name",
            "network.protocol.version",
            "server.address",
            "server.port",
            "client.address",
            "client.port",
            "gen_ai.tool.call.arguments",
            "gen_ai.tool.call.result");

    /** Attributes a metric may carry: the span attributes less the per-request and per-session ones. */
    static final Set<String> METRIC_ATTRIBUTES = SPAN_ATTRIBUTES.stream()
            .filter(name -> !Set.of(
                            "jsonrpc.request.id",
                            "mcp.session.id",
                            "mcp.resource.uri",
                            "client.address",
                            "client.port",
                            "gen_ai.tool.call.arguments",
                            "gen_ai.tool.call.result")
                    .contains(name))
            .collect(Collectors.toUnmodifiableSet());

    /** The conventions' four histograms. */
    static final Set<String> METRICS = Set.of(
            "mcp.client.operation.duration",
            "mcp.server.operation.duration",
            "mcp.client.session.duration",
            "mcp.server.session.duration");

    static final List<Double> BUCKETS =
            List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

    @Test
    void everyNameTheModuleDeclaresIsOneOfTheConventions() throws Exception {
        List<String> attributes = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (Field f : Semconv.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                continue;
            }
            Object value = f.get(null);
            if (value instanceof AttributeKey<?> key) {
                attributes.add(key.getKey());
            } else if (f.getName().endsWith("_DURATION")) {
                metrics.add((String) value);
            }
        }
        assertThat(attributes).isNotEmpty().allSatisfy(name -> assertThat(SPAN_ATTRIBUTES)
                .contains(name));
        assertThat(metrics).containsExactlyInAnyOrderElementsOf(METRICS);
        assertThat(Semconv.DURATION_BUCKETS).isEqualTo(BUCKETS);
        assertThat(Semconv.TOOL_ERROR).isEqualTo("tool_error");
        assertThat(Semconv.EXECUTE_TOOL).isEqualTo("execute_tool");
    }

    @Test
    void aRunOverHttpWritesOnlyTheConventionsNamesWithTheRequiredAttributes() throws Exception {
        try (Telemetry otel = new Telemetry()) {
            McpServer server = McpServer.builder()
                    .name("conventions")
                    .version("1")
                    .interceptor(McpServerTelemetry.builder(otel.sdk)
                            .captureToolArguments()
                            .captureToolResults()
                            .build())
                    .tool(
                            Tool.builder("ok", McpJson.parse("{\"type\":\"object\"}"))
                                    .build(),
                            (req, ctx) -> CallToolResult.text("fine"))
                    .tool(
                            Tool.builder("broken", McpJson.parse("{\"type\":\"object\"}"))
                                    .build(),
                            (req, ctx) -> CallToolResult.error("broke"))
                    .prompt(Prompt.builder("greet").build(), (req, ctx) -> GetPromptResult.of(null, List.of()))
                    .resource(
                            Resource.builder("test://a", "a").build(),
                            (req, ctx) -> ReadResourceResult.of(
                                    List.of(TextResourceContents.of(req.uri(), "text/plain", "A"))))
                    .build();
            try (McpHttpServer http =
                    McpHttpServer.builder(server).host("127.0.0.1").port(0).start()) {
                StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(http.uri());
                McpClientTelemetry telemetry = McpClientTelemetry.builder(otel.sdk)
                        .server(http.uri())
                        .sessionId(transport::sessionId)
                        .captureToolArguments()
                        .captureToolResults()
                        .build();
                try (McpClient client = McpClient.builder()
                        .transport(transport)
                        .protocolVersion(ProtocolVersion.V2025_11_25)
                        .interceptor(telemetry)
                        .requestTimeout(Duration.ofSeconds(30))
                        .build()) {
                    client.connect();
                    client.callTool("ok", Map.of("a", 1));
                    client.callTool("broken", Map.of());
                    assertThat(catchThrowable(() -> client.callTool("missing", Map.of())))
                            .isNotNull();
                    client.getPrompt("greet", Map.of());
                    client.readResource("test://a");
                    client.listTools();
                }
            } finally {
                server.close();
            }
            // 7 requests (initialize and six calls), each a CLIENT and a SERVER span
            Poll.until("14 spans", () -> otel.spans.getFinishedSpanItems().size() >= 14);
            List<SpanData> spans = otel.spans.getFinishedSpanItems();
            for (SpanData span : spans) {
                Attributes a = span.getAttributes();
                assertThat(a.asMap().keySet()).as(span.getName()).allSatisfy(key -> assertThat(SPAN_ATTRIBUTES)
                        .contains(key.getKey()));
                String method = a.get(stringKey("mcp.method.name"));
                assertThat(method).as("required on " + span.getName()).isNotBlank();
                assertThat(span.getKind()).isIn(SpanKind.CLIENT, SpanKind.SERVER);
                assertThat(a.get(stringKey("mcp.protocol.version"))).isEqualTo("2025-11-25");
                assertThat(a.get(stringKey("network.transport"))).isEqualTo("tcp");
                if (span.getKind() == SpanKind.SERVER) {
                    assertThat(a.get(stringKey("jsonrpc.request.id")))
                            .as("conditionally required on " + span.getName())
                            .isNotBlank();
                } else {
                    assertThat(a.get(stringKey("server.address"))).isEqualTo("127.0.0.1");
                }
                if (!method.equals("initialize")) {
                    assertThat(a.get(stringKey("mcp.session.id"))).isNotBlank();
                }
                switch (method) {
                    case "tools/call" -> {
                        String tool = a.get(stringKey("gen_ai.tool.name"));
                        assertThat(span.getName()).isEqualTo("tools/call " + tool);
                        assertThat(a.get(stringKey("gen_ai.operation.name"))).isEqualTo("execute_tool");
                        if (tool.equals("broken")) {
                            assertThat(a.get(stringKey("error.type"))).isEqualTo("tool_error");
                        }
                        if (tool.equals("missing")) {
                            assertThat(a.get(stringKey("error.type"))).isNotBlank();
                            assertThat(a.get(stringKey("rpc.response.status_code")))
                                    .isEqualTo(a.get(stringKey("error.type")));
                        }
                    }
                    case "prompts/get" -> {
                        assertThat(span.getName()).isEqualTo("prompts/get greet");
                        assertThat(a.get(stringKey("gen_ai.prompt.name"))).isEqualTo("greet");
                    }
                    case "resources/read" -> {
                        assertThat(span.getName()).as("no URI in the name").isEqualTo("resources/read");
                        assertThat(a.get(stringKey("mcp.resource.uri"))).isEqualTo("test://a");
                    }
                    default -> assertThat(span.getName()).isEqualTo(method);
                }
            }
            assertThat(spans)
                    .extracting(s -> s.getAttributes().get(stringKey("mcp.method.name")))
                    .contains("initialize", "tools/call", "prompts/get", "resources/read", "tools/list");

            List<MetricData> metrics = Poll.value(
                    "all four histograms",
                    () -> otel.metrics.collectAllMetrics().stream().toList(),
                    all -> all.stream()
                                    .map(MetricData::getName)
                                    .collect(Collectors.toSet())
                                    .size()
                            >= 4,
                    Duration.ofSeconds(30));
            assertThat(metrics).extracting(MetricData::getName).containsExactlyInAnyOrderElementsOf(METRICS);
            for (MetricData metric : metrics) {
                assertThat(metric.getUnit()).as(metric.getName()).isEqualTo("s");
                for (HistogramPointData point : metric.getHistogramData().getPoints()) {
                    assertThat(point.getBoundaries()).as(metric.getName()).isEqualTo(BUCKETS);
                    assertThat(point.getAttributes().asMap().keySet())
                            .as(metric.getName())
                            .allSatisfy(key -> assertThat(METRIC_ATTRIBUTES).contains(key.getKey()));
                    if (metric.getName().endsWith("operation.duration")) {
                        assertThat(point.getAttributes().get(stringKey("mcp.method.name")))
                                .isNotBlank();
                    }
                }
            }
        }
    }
}
