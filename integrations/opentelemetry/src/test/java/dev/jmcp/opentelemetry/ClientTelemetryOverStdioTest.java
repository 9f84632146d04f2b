package dev.jmcp.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.stdio.StdioClientTransport;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client side over stdio with a real subprocess ({@link WhoAmIStdioServerMain}): without any transport
 * configured on the telemetry, client spans carry {@code network.transport=pipe} from the transport, and the
 * {@code jsonrpc.request.id} the server in the other process answered under.
 */
@Timeout(60)
class ClientTelemetryOverStdioTest {
    private final Telemetry otel = new Telemetry();

    @AfterEach
    void stop() {
        otel.close();
    }

    private static List<String> java(Class<?> main) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName());
    }

    @Test
    void clientSpansOverStdioCarryPipeAndTheRequestIdTheServerAnsweredUnder() {
        String answered;
        try (McpClient client = McpClient.builder()
                .transport(StdioClientTransport.builder(java(WhoAmIStdioServerMain.class))
                        .build())
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .interceptor(McpClientTelemetry.create(otel.sdk))
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            client.connect();
            CallToolResult result = client.callTool("whoami", Map.of());
            answered = ((TextContent) result.content().get(0)).text();
        }
        SpanData call = Poll.value(
                "the tools/call span",
                () -> otel.span("tools/call whoami", SpanKind.CLIENT).orElse(null),
                s -> s != null,
                Duration.ofSeconds(30));
        // the server process saw the same id, and its stdio transport reported pipe too
        assertThat(answered).isEqualTo(call.getAttributes().get(stringKey("jsonrpc.request.id")) + " pipe");
        assertThat(call.getAttributes().get(stringKey("network.transport"))).isEqualTo("pipe");
        assertThat(call.getAttributes().get(stringKey("network.protocol.name"))).isNull();
        assertThat(call.getAttributes().get(stringKey("mcp.session.id")))
                .as("stdio has no session id the client could name")
                .isNull();
        SpanData initialize = otel.span("initialize", SpanKind.CLIENT).orElseThrow();
        assertThat(initialize.getAttributes().get(stringKey("jsonrpc.request.id")))
                .isNotBlank();
    }
}
