package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The interceptor hooks telemetry needs, against the real McpServer over the in-memory transport: the connection's
 * own {@code server/discover} and {@code initialize} reach only the interceptors that ask for them; every round of
 * a 2026-07-28 {@code input_required} exchange shares one {@link ClientCall#attributes()}; and
 * {@link ClientCall#connectionClosed()} is one stage per connection that completes when the client closes.
 */
@Timeout(30)
class ClientInterceptorConnectionHooksTest {
    private static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    private final McpServer server = McpServer.builder()
            .name("hooks")
            .version("1")
            .tool(Tool.builder("echo", EMPTY).build(), (req, ctx) -> CallToolResult.text("echo"))
            .tool(Tool.builder("greet", EMPTY).build(), (req, ctx) -> {
                String name = ctx.elicit(
                                "user_name",
                                FormElicitRequest.of(
                                        "name?",
                                        RequestedSchema.of(
                                                Map.of(
                                                        "name",
                                                        StringSchema.builder().build()),
                                                List.of("name"))))
                        .content()
                        .get("name")
                        .asString();
                return CallToolResult.text("Hello, " + name);
            })
            .build();

    @AfterEach
    void closeServer() {
        server.close();
    }

    private McpClient connect(ProtocolVersion version, ClientInterceptor... interceptors) {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        McpClientBuilder b = McpClient.builder()
                .transport(pair.clientSide())
                .requestTimeout(Duration.ofSeconds(10))
                .elicitation(r -> ElicitResult.accept(Map.of("name", McpJson.toTree("ann"))));
        if (version != null) {
            b.protocolVersion(version);
        }
        for (ClientInterceptor i : interceptors) {
            b.interceptor(i);
        }
        McpClient client = b.build();
        client.connect();
        return client;
    }

    /** An interceptor recording the methods it sees, opted in to the connection's requests or not. */
    private static ClientInterceptor recorder(List<String> seen, boolean connection) {
        return new ClientInterceptor() {
            @Override
            public CompletionStage<CallOutcome> intercept(Chain chain) {
                seen.add(chain.call().method());
                return chain.proceed(chain.call());
            }

            @Override
            public boolean interceptsConnectionRequests() {
                return connection;
            }
        };
    }

    @Test
    void onlyInterceptorsThatAskSeeDiscoveryAndInitialize() {
        List<String> asked = new CopyOnWriteArrayList<>();
        List<String> plain = new CopyOnWriteArrayList<>();
        try (McpClient client = connect(null, recorder(asked, true), recorder(plain, false))) {
            client.callTool("echo", Map.of());
        }
        assertThat(asked).containsExactly(McpMethods.SERVER_DISCOVER, McpMethods.TOOLS_CALL);
        assertThat(plain).containsExactly(McpMethods.TOOLS_CALL);

        asked.clear();
        plain.clear();
        try (McpClient client = connect(ProtocolVersion.V2025_11_25, recorder(asked, true), recorder(plain, false))) {
            client.callTool("echo", Map.of());
        }
        assertThat(asked).containsExactly(McpMethods.INITIALIZE, McpMethods.TOOLS_CALL);
        assertThat(plain).containsExactly(McpMethods.TOOLS_CALL);
    }

    @Test
    void theRoundsOfAnInputRequiredExchangeShareTheirAttributes() {
        List<ConcurrentMap<Object, Object>> maps = new CopyOnWriteArrayList<>();
        List<Object> keptByFirstRound = new CopyOnWriteArrayList<>();
        Object key = new Object();
        ClientInterceptor keeper = chain -> {
            ClientCall call = chain.call();
            maps.add(call.attributes());
            if (call.round() == 0) {
                call.attributes().put(key, "first round's");
            }
            keptByFirstRound.add(call.attributes().getOrDefault(key, "nothing"));
            return chain.proceed(call);
        };
        try (McpClient client = connect(ProtocolVersion.V2026_07_28, keeper)) {
            assertThat(client.callTool("greet", Map.of()).content().toString()).contains("Hello, ann");
            client.callTool("greet", Map.of());
        }
        assertThat(maps).hasSize(4);
        assertThat(maps.get(1)).isSameAs(maps.get(0));
        assertThat(maps.get(3)).isSameAs(maps.get(2)).isNotSameAs(maps.get(0));
        assertThat(keptByFirstRound).containsOnly("first round's");
    }

    @Test
    void connectionClosedIsOneStagePerConnectionAndCompletesWhenTheClientCloses() {
        List<CompletionStage<Void>> stages = new CopyOnWriteArrayList<>();
        AtomicReference<String> initialize = new AtomicReference<>();
        ClientInterceptor watcher = new ClientInterceptor() {
            @Override
            public CompletionStage<CallOutcome> intercept(Chain chain) {
                stages.add(chain.call().connectionClosed());
                if (chain.call().method().equals(McpMethods.INITIALIZE)) {
                    initialize.set(chain.call().method());
                }
                return chain.proceed(chain.call());
            }

            @Override
            public boolean interceptsConnectionRequests() {
                return true;
            }
        };
        McpClient client = connect(ProtocolVersion.V2025_11_25, watcher);
        client.callTool("echo", Map.of());
        assertThat(initialize.get()).isEqualTo(McpMethods.INITIALIZE);
        assertThat(stages).hasSize(2);
        assertThat(stages.get(1)).isSameAs(stages.get(0));
        assertThat(stages.get(0).toCompletableFuture()).isNotDone();
        client.close();
        Poll.until(
                "the connection's close stage completes",
                () -> stages.get(0).toCompletableFuture().isDone());
    }
}
