package dev.jmcp.test;

import static dev.jmcp.test.McpAssertions.assertNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.Progress;
import dev.jmcp.server.RequestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The notification assertions against a real server, run in memory and over HTTP by its subclasses: each passes
 * when the notification arrives and fails, after its bounded wait, naming what arrived.
 */
@Timeout(15)
abstract class NotificationsContract {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration SHORT = Duration.ofMillis(200);

    /** The handlers. */
    public static class Handlers {
        @McpTool
        public String work(int steps, RequestContext context) {
            for (int i = 1; i <= steps; i++) {
                context.progress(Progress.of(i).total(steps).message("step " + i));
            }
            context.log(LoggingLevel.INFO, "worker", "worked " + steps + " steps");
            return "done";
        }

        @McpResource(uri = "test://counter", mimeType = "text/plain")
        public String counter() {
            return "1";
        }
    }

    @McpTestServer
    static Object server() {
        return new Handlers();
    }

    @Test
    void progressAndLogsOfACallAreAwaited(McpClient client, McpNotifications notifications) {
        client.setLoggingLevel(LoggingLevel.DEBUG);
        client.callTool(
                "work",
                McpJson.toTree(Map.of("steps", 3)),
                CallOptions.builder().progress((p, t, m) -> {}).build());
        assertNotifications(notifications).awaitProgress(3, WAIT).awaitLog(LoggingLevel.INFO, "worked 3 steps", WAIT);
        assertThat(notifications.progress()).extracting(p -> p.message()).contains("step 3");
        assertThatThrownBy(() -> assertNotifications(notifications).awaitProgress(4, SHORT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at least 4 progress notifications")
                .hasMessageContaining("step 3");
        assertThatThrownBy(() -> assertNotifications(notifications).awaitLog(LoggingLevel.ERROR, "worked", SHORT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("error log message")
                .hasMessageContaining("worked 3 steps");
    }

    @Test
    void listChangesAndResourceUpdatesAreAwaited(McpClient client, McpServer server, McpNotifications notifications) {
        assertThatThrownBy(() -> assertNotifications(notifications).awaitToolListChanged(SHORT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("notifications/tools/list_changed");
        Subscription subscription = client.subscribe(SubscriptionFilter.builder()
                .toolsListChanged(true)
                .resourceSubscriptions(List.of("test://counter"))
                .build());
        server.addTool(
                Tool.builder("extra", McpJson.parse("{\"type\":\"object\"}")).build(),
                (request, ctx) -> CallToolResult.text("extra"));
        server.notifyResourceUpdated("test://counter");
        assertNotifications(notifications).awaitToolListChanged(WAIT).awaitResourceUpdated("test://counter", WAIT);
        assertThatThrownBy(() -> assertNotifications(notifications).awaitPromptListChanged(SHORT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("prompts/list_changed")
                .hasMessageContaining("list changes [TOOLS]");
        server.removeTool("extra");
        subscription.close();
    }
}
