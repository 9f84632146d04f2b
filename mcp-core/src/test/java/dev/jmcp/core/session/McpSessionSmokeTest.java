package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.testing.InMemoryTransport;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class McpSessionSmokeTest {

    @Test
    void requestIsAnsweredByPeerHandler() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        try (McpSession server = McpSession.builder(pair.serverSide())
                        .requestHandler("echo", r -> r.params())
                        .build()
                        .start();
                McpSession client =
                        McpSession.builder(pair.clientSide()).build().start()) {
            JsonNode result = client.request("echo", McpJson.parse("{\"x\":1}")).get(5, TimeUnit.SECONDS);
            assertThat(result.get("x").intValue()).isEqualTo(1);
            assertThat(Await.result(client.request("ping", null), Duration.ofSeconds(5)))
                    .isEmpty();
        }
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        try (McpSession server = McpSession.builder(pair.serverSide()).build().start();
                McpSession client =
                        McpSession.builder(pair.clientSide()).build().start()) {
            assertThatThrownBy(() -> client.request("nope", null).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND));
        }
    }
}
