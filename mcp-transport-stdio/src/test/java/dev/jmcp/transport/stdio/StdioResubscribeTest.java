package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Open subscriptions survive a stdio server process that exits: the next {@code connect()} re-establishes them on
 * the new process ({@code subscriptions/listen} sent again in 2026-07-28, {@code resources/subscribe} again in the
 * handshake era).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StdioResubscribeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "discover"})
    void subscriptionsAreReestablishedOnTheNewProcessAfterConnect(String era) {
        List<String> updates = new CopyOnWriteArrayList<>();
        McpClientBuilder builder = McpClient.builder()
                .transport(() -> StdioClientTransport.builder(TestProcesses.java(WatchedResourceStdioServerMain.class))
                        .build())
                .requestTimeout(Duration.ofSeconds(15))
                .onResourceUpdated(u -> updates.add(u.uri()));
        if (!era.equals("discover")) {
            builder.protocolVersion(ProtocolVersion.parse(era).orElseThrow());
        }
        try (McpClient client = builder.build()) {
            client.connect();
            Subscription sub = client.subscribe(SubscriptionFilter.builder()
                    .resourceSubscriptions(List.of(WatchedResourceStdioServerMain.URI))
                    .build());
            Poll.until("an update from the first process", () -> {
                client.callTool("touch", Map.of());
                return !updates.isEmpty();
            });
            assertThatThrownBy(() -> client.callTool("crash", Map.of("code", 5)))
                    .hasMessageContaining("exited with code 5");
            Poll.until("the client noticed", () -> !client.isConnected());
            assertThat(sub.isOpen()).as("waits for the next connect").isTrue();

            client.connect();
            updates.clear();
            Poll.until("an update from the new process", () -> {
                client.callTool("touch", Map.of());
                return !updates.isEmpty();
            });
            assertThat(sub.isOpen()).isTrue();
            sub.close();
            assertThat(sub.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
        }
    }
}
