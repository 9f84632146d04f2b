package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class HandlerTemplateTest {
    static final ObjectNode PENDING = (ObjectNode) McpJson.parse("{\"resultType\":\"input_required\"}");

    static final HandlerTemplate.Policy<String> POLICY = new HandlerTemplate.Policy<>(
            timeout -> {},
            e -> e instanceof McpCancelledException,
            e -> McpJson.parse("{\"failed\":\"" + e.getMessage() + "\"}"),
            r -> McpJson.parse("{\"result\":\"" + r + "\"}"));

    @Test
    void aResultIsMappedByTheKind() throws Exception {
        JsonNode r = HandlerTemplate.run(() -> null, POLICY, () -> "ok");
        assertThat(r.get("result").asString()).isEqualTo("ok");
    }

    @Test
    void aFailureIsMappedByTheKind() throws Exception {
        JsonNode r = HandlerTemplate.run(() -> null, POLICY, () -> {
            throw new IllegalStateException("broken");
        });
        assertThat(r.get("failed").asString()).isEqualTo("broken");
    }

    @Test
    void aPendingInputWinsOverTheHandlersResult() throws Exception {
        assertThat(HandlerTemplate.run(() -> PENDING, POLICY, () -> "ignored")).isSameAs(PENDING);
    }

    @Test
    void aPendingInputWinsOverTheHandlersFailure() throws Exception {
        JsonNode r = HandlerTemplate.run(() -> PENDING, POLICY, () -> {
            throw new IllegalStateException("caught the signal and failed");
        });
        assertThat(r).isSameAs(PENDING);
    }

    @Test
    void theInputRequiredSignalAnswersItsResult() throws Exception {
        JsonNode r = HandlerTemplate.run(() -> null, POLICY, () -> {
            throw new InputRequiredSignal(PENDING);
        });
        assertThat(r).isSameAs(PENDING);
    }

    @Test
    void passThroughExceptionsPropagateEvenOverAPendingInput() {
        assertThatThrownBy(() -> HandlerTemplate.run(() -> PENDING, POLICY, () -> {
                    throw new McpCancelledException("gone");
                }))
                .isInstanceOf(McpCancelledException.class);
    }
}
