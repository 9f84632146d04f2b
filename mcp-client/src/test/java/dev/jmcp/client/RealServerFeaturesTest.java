package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Subscriptions and tool tasks against the real jmcp McpServer. */
class RealServerFeaturesTest {
    private static final JsonNode OBJECT = McpJson.parse("{\"type\":\"object\"}");
    private static final String A = "file:///a";

    private final McpServer server = McpServer.builder()
            .name("real")
            .version("1")
            .tool(
                    Tool.builder("job", OBJECT)
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                            .build(),
                    (req, ctx) -> {
                        Thread.sleep(100);
                        return CallToolResult.text("done");
                    })
            .resource(
                    Resource.builder(A, "a").build(),
                    (req, ctx) -> ReadResourceResult.of(List.of(TextResourceContents.of(A, "text/plain", "x"))))
            .build();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        server.close();
    }

    private McpClient client(ProtocolVersion pinned) {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        return McpClient.builder()
                .transport(pair.clientSide())
                .protocolVersion(pinned)
                .requestTimeout(Duration.ofSeconds(5))
                .onListChanged(k -> seen.add("changed:" + k))
                .onResourceUpdated(u -> seen.add("updated:" + u.uri()))
                .build();
    }

    private static SubscriptionFilter toolsAndA() {
        return SubscriptionFilter.builder()
                .toolsListChanged(true)
                .resourceSubscriptions(List.of(A))
                .build();
    }

    @Test
    void statelessSubscriptionDeliversListChangesAndResourceUpdates() {
        try (McpClient client = client(null)) {
            assertThat(client.connect().isStateless()).isTrue();
            Subscription sub = client.subscribe(toolsAndA());
            assertThat(sub.acknowledged().toolsListChanged()).isTrue();
            assertThat(sub.acknowledged().resourceSubscriptions()).containsExactly(A);

            server.addTool(Tool.builder("later", OBJECT).build(), (req, ctx) -> CallToolResult.text("l"));
            server.notifyResourceUpdated(A);
            Poll.until("seen.size() == 2", () -> seen.size() == 2);
            assertThat(seen).containsExactlyInAnyOrder("changed:TOOLS", "updated:" + A);

            sub.close();
            assertThat(sub.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void handshakeSubscriptionUsesResourcesSubscribeAndStopsAfterClose() throws Exception {
        try (McpClient client = client(ProtocolVersion.V2025_11_25)) {
            client.connect();
            Subscription sub = client.subscribe(toolsAndA());
            server.notifyResourceUpdated(A);
            Poll.until("seen.contains('updated:' + A)", () -> seen.contains("updated:" + A));

            sub.close();
            assertThat(sub.isOpen()).isFalse();
            // once the server processed resources/unsubscribe, an update is no longer delivered
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            boolean silent = false;
            while (!silent && System.nanoTime() < deadline) {
                seen.clear();
                server.notifyResourceUpdated(A);
                client.ping(); // the update, if sent, precedes the ping's answer
                Thread.sleep(50);
                silent = seen.isEmpty();
            }
            assertThat(silent).isTrue();
        }
    }

    @Test
    void callToolAsTaskAndWaitGetsTheToolResult() {
        try (McpClient client = client(ProtocolVersion.V2025_11_25)) {
            client.connect();
            CallToolResult result =
                    client.callToolAsTaskAndWait("job", null, TaskMetadata.ttl(60_000), Duration.ofSeconds(5));
            assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("done");
            assertThat(client.listAllTasks()).hasSize(1);
        }
    }
}
