package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Server-initiated flows under load, against a real jmcp server over loopback HTTP: a tool that samples the client's
 * model and elicits a form is answered by the tester (a stand-in model and user) after the configured latencies,
 * which show in the tool's latency.
 */
@Timeout(30)
class ServerInitiatedAnswersTest {
    @Test
    void samplingAndElicitationAreAnsweredWithTheConfiguredLatency() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        McpServer server = McpServer.builder()
                .name("asks")
                .version("1")
                .tool(
                        Tool.builder("ask", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            CreateMessageResult r = ctx.sample(CreateMessageRequest.builder(
                                            List.of(SamplingMessage.of(Role.USER, TextContent.of("hi"))), 100)
                                    .build());
                            ElicitResult e = ctx.elicit(FormElicitRequest.of(
                                    "who are you?",
                                    RequestedSchema.of(
                                            Map.of(
                                                    "username",
                                                    StringSchema.builder().build()),
                                            List.of("username"))));
                            if (e.content() != null && e.content().get("username") != null) {
                                accepted.incrementAndGet();
                            }
                            return CallToolResult.text(
                                    r.model() + " " + e.action().wire());
                        })
                .build();
        try (server;
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport r = LoadTest.builder()
                    .target(TargetSpec.http(http.uri().toString())
                            .withAnswers(
                                    new TargetSpec.ClientAnswers(Duration.ofMillis(120), Duration.ofMillis(80), true)))
                    .closedModel(2)
                    .iterations(2)
                    .toolCall("ask", null, 1)
                    .build()
                    .run();
            assertThat(r.summary().errorsByClass())
                    .as(String.valueOf(r.errorSamples()))
                    .isEmpty();
            assertThat(r.tools().get("ask").successes()).isEqualTo(2);
            assertThat(accepted.get()).isEqualTo(2);
            // every call waited for the stand-in model (120 ms) and user (80 ms); (each such call took ~4.5 s over
            // handshake-era HTTP on the loaded test machine, in the client/server round trips, not in the tester)
            assertThat(r.tools().get("ask").latency().minMs()).isGreaterThanOrEqualTo(200);
        }
    }
}
