package dev.jmcp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.session.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The client side of the 2026-07-28 tasks extension: the wire stage, the task envelope, the outcome mapping. */
class ExtensionTasksTest {
    private static final String TASK =
            "\"taskId\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"lastUpdatedAt\":\"2026-01-01T00:00:00Z\"";

    private static JsonNode staged(String method, String params, ProtocolVersion version) {
        AtomicReference<JsonNode> sent = new AtomicReference<>();
        CallPipeline stage = ExtensionTasks.stage(CallPipeline.DIRECT);
        stage.send(
                new CallPipeline.WireRequest(
                        method, (ObjectNode) McpJson.parse(params), version, RequestOptions.defaults(), 0),
                (id, p) -> {
                    sent.set(p);
                    return CompletableFuture.completedFuture(McpJson.object());
                });
        return sent.get();
    }

    @Test
    void aStatelessTaskCallDeclaresTheExtensionInsteadOfSendingTask() {
        JsonNode sent = staged(
                McpMethods.TOOLS_CALL,
                "{\"name\":\"x\",\"task\":{\"ttl\":5},\"_meta\":{\"io.modelcontextprotocol/clientCapabilities\":{}}}",
                ProtocolVersion.V2026_07_28);
        assertThat(sent.has("task")).isFalse();
        assertThat(sent.at("/_meta/io.modelcontextprotocol~1clientCapabilities/extensions")
                        .has(ExtensionTasks.ID))
                .isTrue();
    }

    @Test
    void plainCallsAndTheHandshakeEraPassUntouched() {
        String plain = "{\"name\":\"x\"}";
        assertThat(staged(McpMethods.TOOLS_CALL, plain, ProtocolVersion.V2026_07_28))
                .isEqualTo(McpJson.parse(plain));
        String task = "{\"name\":\"x\",\"task\":{}}";
        assertThat(staged(McpMethods.TOOLS_CALL, task, ProtocolVersion.V2025_11_25))
                .isEqualTo(McpJson.parse(task));
    }

    @Test
    void statelessTaskRequestsNameTheTaskInTheirEnvelope() {
        assertThat(new RequestEnvelopes()
                        .of(McpMethods.TASKS_GET, McpJson.parse("{\"taskId\":\"abc\"}"), ProtocolVersion.V2026_07_28)
                        .name())
                .isEqualTo("abc");
    }

    @Test
    void aTerminalDetailedTaskGivesItsInlinedResultOrError() {
        assertThat(ExtensionTasks.outcome(McpJson.parse(
                                "{" + TASK + ",\"status\":\"completed\",\"ttlMs\":null,\"result\":{\"content\":[]}}"))
                        .has("content"))
                .isTrue();
        assertThatThrownBy(() -> ExtensionTasks.outcome(McpJson.parse("{" + TASK
                        + ",\"status\":\"failed\",\"ttlMs\":null,\"error\":{\"code\":-32603,\"message\":\"boom\"}}")))
                .isInstanceOf(McpRpcException.class)
                .hasMessageContaining("boom");
        assertThatThrownBy(() ->
                        ExtensionTasks.outcome(McpJson.parse("{" + TASK + ",\"status\":\"cancelled\",\"ttlMs\":null}")))
                .isInstanceOf(McpCancelledException.class);
    }
}
