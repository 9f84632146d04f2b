package dev.jmcp.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.stdio.StdioServerTransport;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * The server side over the stdio framing (pipes, raw JSON-RPC lines as another SDK writes them): the W3C
 * trace context the TypeScript SDK puts in {@code params._meta} becomes the parent of the server span, baggage
 * reaches the handler, the MDC names the request while the handler runs, and the session's duration is recorded
 * with {@code network.transport=pipe}.
 */
@Timeout(30)
class OpenTelemetryOverStdioTest {
    /** The example of the W3C Trace Context specification, as the TypeScript SDK sends it. */
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private static final String PARENT_ID = "b7ad6b7169203331";

    private final Telemetry otel = new Telemetry();
    private final Map<String, String> seenMdc = new HashMap<>();
    private final Map<String, String> seenBaggage = new HashMap<>();
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private McpServer server;
    private ServerConnection connection;
    private OutputStream toServer;

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (toServer != null) {
            toServer.close();
        }
        if (server != null) {
            server.close();
        }
        otel.close();
    }

    private void startServer() throws IOException {
        server = McpServer.builder()
                .name("stdio-traced")
                .version("1")
                .interceptor(McpServerTelemetry.create(otel.sdk))
                .interceptor(new McpLoggingContext())
                .tool(
                        Tool.builder("whoami", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            synchronized (seenMdc) {
                                seenMdc.putAll(MDC.getCopyOfContextMap());
                                seenBaggage.put("tenant", Baggage.current().getEntryValue("tenant"));
                                seenBaggage.put(
                                        "span", Span.current().getSpanContext().getSpanId());
                            }
                            return CallToolResult.text("you");
                        })
                .build();
        // NIO pipes, not java.io's piped streams: those break when the last thread that wrote ends, and the stdio
        // transport writes an answer on whichever thread finished it (a virtual thread on JDK 21+)
        Pipe toServerPipe = Pipe.open();
        InputStream serverIn = Channels.newInputStream(toServerPipe.source());
        toServer = Channels.newOutputStream(toServerPipe.sink());
        Pipe fromServerPipe = Pipe.open();
        InputStream fromServer = Channels.newInputStream(fromServerPipe.source());
        OutputStream serverOut = Channels.newOutputStream(fromServerPipe.sink());
        connection = server.connect(StdioServerTransport.create(serverIn, serverOut));
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException closed) {
                        // the server closed its end
                    }
                },
                "stdio-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void send(String json) throws IOException {
        toServer.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private JsonNode answer() throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("an answer within 10 s").isNotNull();
        return McpJson.parse(line);
    }

    @Test
    void aTypeScriptTraceparentInMetaBecomesTheParentOfTheServerSpan() throws Exception {
        startServer();
        send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"typescript-sdk\",\"version\":\"1.20.0\"}}}");
        assertThat(answer().get("result").get("protocolVersion").asString()).isEqualTo("2025-11-25");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{},"
                + "\"_meta\":{\"traceparent\":\"00-" + TRACE_ID + "-" + PARENT_ID + "-01\","
                + "\"tracestate\":\"congo=t61rcWkgMzE\",\"baggage\":\"tenant=acme\"}}}");
        JsonNode answer = answer();
        assertThat(answer.get("id").asInt()).isEqualTo(2);
        assertThat(answer.get("result").get("content").get(0).get("text").asString())
                .isEqualTo("you");

        SpanData span = Poll.value(
                "the tools/call span",
                () -> otel.span("tools/call whoami", SpanKind.SERVER).orElse(null),
                s -> s != null,
                Duration.ofSeconds(10));
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
        assertThat(span.getParentSpanContext().isRemote()).isTrue();
        assertThat(span.getSpanContext().getTraceState().get("congo")).isEqualTo("t61rcWkgMzE");
        assertThat(span.getAttributes().get(stringKey("network.transport"))).isEqualTo("pipe");
        assertThat(span.getAttributes().get(stringKey("jsonrpc.request.id"))).isEqualTo("2");
        assertThat(span.getAttributes().get(stringKey("mcp.protocol.version"))).isEqualTo("2025-11-25");
        String sessionId = span.getAttributes().get(stringKey("mcp.session.id"));
        assertThat(sessionId).isNotBlank();

        synchronized (seenMdc) {
            assertThat(seenBaggage).containsEntry("tenant", "acme").containsEntry("span", span.getSpanId());
            assertThat(seenMdc)
                    .containsEntry("mcp.method.name", "tools/call")
                    .containsEntry("jsonrpc.request.id", "2")
                    .containsEntry("mcp.session.id", sessionId);
        }
        // the initialize span has no incoming context: a root span of its own trace
        SpanData initialize = otel.span("initialize", SpanKind.SERVER).orElseThrow();
        assertThat(initialize.getParentSpanContext().isValid()).isFalse();
        assertThat(initialize.getAttributes().get(stringKey("mcp.protocol.version")))
                .isEqualTo("2025-11-25");

        connection.close();
        MetricData sessions = Poll.value(
                "mcp.server.session.duration",
                () -> otel.metric("mcp.server.session.duration").orElse(null),
                m -> m != null,
                Duration.ofSeconds(10));
        HistogramPointData point =
                sessions.getHistogramData().getPoints().iterator().next();
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(point.getAttributes().get(stringKey("network.transport"))).isEqualTo("pipe");
    }

    @Test
    void withoutTraceContextInMetaTheServerSpanStartsATrace() throws Exception {
        startServer();
        send(
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"plain\",\"version\":\"1\"}}}");
        answer();
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send("{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}");
        answer();
        SpanData span = Poll.value(
                "the tools/call span",
                () -> otel.span("tools/call whoami", SpanKind.SERVER).orElse(null),
                s -> s != null,
                Duration.ofSeconds(10));
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getAttributes().get(stringKey("jsonrpc.request.id"))).isEqualTo("b");
        synchronized (seenMdc) {
            assertThat(seenBaggage.get("tenant")).isNull();
        }
    }
}
