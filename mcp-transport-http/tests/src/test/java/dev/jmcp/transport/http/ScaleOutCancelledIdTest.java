package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.ScaleOutOverHttpTest.call;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.initialize;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.next;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.postSse;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.sse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.InMemorySessionStore;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue #18: in a scaled-out deployment a server-to-client request leaves with its id prefixed by the instance's; the
 * {@code notifications/cancelled} the server sends when that request times out names the same, prefixed id, so the
 * client can match it.
 */
@Timeout(30)
class ScaleOutCancelledIdTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    McpServer server;
    McpHttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCancellationOfATimedOutElicitationNamesTheIdTheClientSaw() throws Exception {
        LocalMessageBus bus = LocalMessageBus.shared();
        server = McpServer.builder()
                .name("instance")
                .sessionStore(new InMemorySessionStore(), Duration.ofMinutes(5))
                .messageBus(bus)
                .clientRequestTimeout(Duration.ofMillis(500))
                .tool(Tool.builder("ask", EMPTY).build(), (req, ctx) -> {
                    ctx.elicit(FormElicitRequest.of(
                            "name?",
                            RequestedSchema.of(
                                    Map.of("name", StringSchema.builder().build()), List.of())));
                    return CallToolResult.text("answered");
                })
                .build();
        http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.eventStore(new InMemoryEventStore()).messageBus(bus))
                .start();
        URI uri = http.uri();
        String session = initialize(uri);
        try (RawSse get = RawSse.open(uri, "GET", sse(session), null)) {
            Poll.until("the GET stream is attached", () -> bus.hasSubscribers("mcp:stream:" + session + ":0"));
            try (RawSse post = RawSse.open(uri, "POST", postSse(session), call(2, "ask", "{}"))) {
                JsonNode ask = McpJson.parse(next(post, "elicitation/create").data());
                assertThat(ask.path("id").asString())
                        .as("prefixed by the instance")
                        .startsWith("jmcp~");
                JsonNode cancelled =
                        McpJson.parse(next(get, "notifications/cancelled").data());
                assertThat(cancelled.path("params").path("requestId")).isEqualTo(ask.path("id"));
            }
        }
    }
}
