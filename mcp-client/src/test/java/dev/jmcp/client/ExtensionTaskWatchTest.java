package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.session.InboundNotification;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.testsupport.Poll;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 2026-07-28 client with a {@link TaskStatusListener} subscribes to each task it creates
 * ({@code subscriptions/listen} with {@code taskIds}, declaring the tasks extension) and ends that subscription
 * when a notification shows the task terminal. (The HTTP test against the jmcp server is
 * {@code TaskStatusNotificationsOverHttpTest}.)
 */
class ExtensionTaskWatchTest {
    private static final String TASK = "{\"taskId\":\"t-1\",\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"lastUpdatedAt\":\"2026-01-01T00:00:01Z\",\"ttlMs\":60000,\"pollIntervalMs\":5000,";

    private static JsonNode listen(InboundRequest r) throws InterruptedException {
        r.notify(
                "notifications/subscriptions/acknowledged",
                McpJson.parse("{\"notifications\":{\"taskIds\":[\"t-1\"]},\"_meta\":"
                        + "{\"io.modelcontextprotocol/subscriptionId\":" + r.id().value() + "}}"));
        r.notify("notifications/tasks", McpJson.parse(TASK + "\"status\":\"working\"}"));
        r.notify("notifications/tasks", McpJson.parse(TASK + "\"status\":\"completed\",\"result\":{\"content\":[]}}"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!r.isCancelled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return McpJson.object();
    }

    @Test
    void aCreatedTaskIsSubscribedToUntilItEnds() throws Exception {
        List<TaskStatusNotification> seen = new CopyOnWriteArrayList<>();
        AtomicLong listenId = new AtomicLong(-1);
        try (FakeServer server = FakeServer.stateless(
                                "{\"tools\":{},\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}")
                        .on("tools/call", r -> McpJson.parse(TASK + "\"status\":\"working\",\"resultType\":\"task\"}"))
                        .on("subscriptions/listen", r -> {
                            listenId.set((Long) r.id().value());
                            return listen(r);
                        });
                McpClient client = server.client().onTaskStatus(seen::add).build()) {
            client.connect();
            assertThat(client.callToolAsTask("slow", McpJson.object(), null)
                            .task()
                            .taskId())
                    .isEqualTo("t-1");

            Poll.until("the completed status reached the listener", () -> seen.stream()
                    .anyMatch(n -> n.status() == TaskStatus.COMPLETED));
            JsonNode params = server.last("subscriptions/listen").params();
            assertThat(params.get("notifications")).isEqualTo(McpJson.parse("{\"taskIds\":[\"t-1\"]}"));
            assertThat(params.get("_meta")
                            .get("io.modelcontextprotocol/clientCapabilities")
                            .get("extensions")
                            .has("io.modelcontextprotocol/tasks"))
                    .as("task status notifications need the extension declared")
                    .isTrue();
            InboundNotification cancelled = server.nextNotification("notifications/cancelled");
            assertThat(cancelled.params().get("requestId").asLong())
                    .as("the subscription ends once the task is terminal")
                    .isEqualTo(listenId.get());
        }
    }
}
