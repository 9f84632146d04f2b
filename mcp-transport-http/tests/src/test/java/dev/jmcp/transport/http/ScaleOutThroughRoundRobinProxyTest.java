package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.InMemorySessionStore;
import dev.jmcp.server.InMemoryTaskStore;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * jmcp's own client, unchanged, against two instances behind a round-robin proxy with no stickiness (issue #18):
 * every request may land on either instance, and the session behaves as one.
 */
@Timeout(30)
class ScaleOutThroughRoundRobinProxyTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    final InMemorySessionStore sessions = new InMemorySessionStore();
    final LocalMessageBus bus = LocalMessageBus.shared();
    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryTaskStore tasks = new InMemoryTaskStore();
    final List<AutoCloseable> open = new ArrayList<>();
    final List<McpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    URI instance(int n) {
        McpServer server = McpServer.builder()
                .sessionStore(sessions, Duration.ofMinutes(5))
                .taskStore(tasks)
                .messageBus(bus)
                .tool(Tool.builder("whoami", EMPTY).build(), (req, ctx) -> CallToolResult.text("instance-" + n))
                .tool(Tool.builder("ask", EMPTY).build(), (req, ctx) -> {
                    var answer = ctx.elicit(FormElicitRequest.of(
                            "name?",
                            RequestedSchema.of(
                                    Map.of("name", StringSchema.builder().build()), List.of())));
                    return CallToolResult.text(
                            "hello " + answer.content().get("name").asString() + " from " + n);
                })
                .resource(
                        Resource.builder("file:///watched", "watched").build(),
                        (req, ctx) ->
                                ReadResourceResult.of(List.of(TextResourceContents.of(req.uri(), "text/plain", "x"))))
                .build();
        McpHttpServer http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.eventStore(events).messageBus(bus))
                .start();
        open.add(0, server);
        open.add(0, http);
        servers.add(server);
        return http.uri();
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @Test
    void aClientBehindARoundRobinProxyIsServedByBothInstancesAsOneSession() throws Exception {
        RoundRobinProxy proxy = new RoundRobinProxy(List.of(instance(0), instance(1)));
        open.add(0, proxy);
        List<String> updated = new CopyOnWriteArrayList<>();
        McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(proxy.uri()).build())
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .elicitation(request -> ElicitResult.accept(Map.of("name", McpJson.toTree("Ada"))))
                .onResourceUpdated(u -> updated.add(u.uri()))
                .build();
        open.add(0, client);
        client.connect();

        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            servedBy.add(text(client.callTool("whoami", Map.of())));
        }
        assertThat(servedBy).contains("instance-0", "instance-1");
        // an elicitation asked on one instance and answered through whichever the proxy picks
        for (int i = 0; i < 3; i++) {
            assertThat(text(client.callTool("ask", Map.of()))).startsWith("hello Ada from ");
        }
        // subscribed through some instance, updated on each: the GET stream (on one of them) carries each once
        client.subscribeResource("file:///watched");
        Poll.until("the client's GET stream is attached somewhere", () -> bus.channelCount() >= 5);
        servers.get(0).notifyResourceUpdated("file:///watched");
        servers.get(1).notifyResourceUpdated("file:///watched");
        Poll.until("both updates arrived", () -> updated.size() >= 2);
        assertThat(text(client.callTool("whoami", Map.of()))).startsWith("instance-");
        assertThat(updated).containsExactly("file:///watched", "file:///watched");
        assertThat(proxy.requestsTo(0)).isPositive();
        assertThat(proxy.requestsTo(1)).isPositive();
    }
}
