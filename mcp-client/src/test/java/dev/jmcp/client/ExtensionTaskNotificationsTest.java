package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.testsupport.Poll;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The 2026-07-28 tasks extension's {@code notifications/tasks} reaches the {@link TaskStatusListener} in the same
 * shape as the 2025-11-25 {@code notifications/tasks/status}. (In-memory; against the jmcp server over HTTP:
 * {@code TaskStatusNotificationsOverHttpTest}.)
 */
class ExtensionTaskNotificationsTest {
    @Test
    void extensionTaskNotificationsReachTheTaskStatusListener() {
        List<TaskStatusNotification> seen = new CopyOnWriteArrayList<>();
        try (FakeServer server =
                        FakeServer.stateless("{\"tools\":{},\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}");
                McpClient client = server.client().onTaskStatus(seen::add).build()) {
            client.connect();
            server.session.notify(
                    "notifications/tasks",
                    McpJson.parse("{\"taskId\":\"t-9\",\"status\":\"completed\",\"createdAt\":\"2026-01-01T00:00:00Z\","
                            + "\"lastUpdatedAt\":\"2026-01-01T00:00:05Z\",\"ttlMs\":60000,\"pollIntervalMs\":250,"
                            + "\"result\":{\"content\":[]}}"));
            Poll.until("the listener saw the notification", () -> !seen.isEmpty());
            TaskStatusNotification n = seen.get(0);
            assertThat(n.taskId()).isEqualTo("t-9");
            assertThat(n.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(n.ttl()).isEqualTo(60000L);
            assertThat(n.pollInterval()).isEqualTo(250L);
        }
    }
}
