package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionOpeningTest {

    @Test
    void onlyAnInitializeRequestOpensASession() {
        assertThat(SessionOpening.opensSession(
                        List.of(new JsonRpcRequest(RequestId.of(1), "initialize", McpJson.object()))))
                .isTrue();
        assertThat(SessionOpening.opensSession(
                        List.of(new JsonRpcRequest(RequestId.of(1), "tools/list", McpJson.object()))))
                .isFalse();
        assertThat(SessionOpening.opensSession(List.of(new JsonRpcNotification("initialize", null))))
                .isFalse();
    }
}
