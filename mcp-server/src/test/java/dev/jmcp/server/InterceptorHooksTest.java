package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The interceptor hooks telemetry builds on: {@link ServerCall#session()} names the handshake-era session, and
 * {@link ServerInterceptor#outgoingRequestMeta} adds {@code _meta} to the requests a handler sends the client, and
 * {@link ServerInterceptor#interceptOutgoing} sees those requests with the id they are sent under.
 */
@Timeout(30)
class InterceptorHooksTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    final List<JsonNode> samplingMeta = new CopyOnWriteArrayList<>();
    final List<RequestId> samplingIds = new CopyOnWriteArrayList<>();
    final List<Optional<ServerSession>> sessions = new CopyOnWriteArrayList<>();
    McpServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    McpServer server(ServerInterceptor... interceptors) {
        McpServer.Builder b = McpServer.builder()
                .tool(Tool.builder("sample", EMPTY).build(), (req, ctx) -> {
                    ctx.sample(CreateMessageRequest.builder(
                                    List.of(SamplingMessage.of(Role.USER, TextContent.of("hi"))), 10)
                            .build());
                    return CallToolResult.text("sampled");
                });
        for (ServerInterceptor i : interceptors) {
            b.interceptor(i);
        }
        return b.build();
    }

    Map<String, RequestHandler> sampling() {
        return Map.of("sampling/createMessage", r -> {
            samplingIds.add(r.id());
            samplingMeta.add(r.meta().map(JsonNode::deepCopy).orElse(McpJson.object()));
            return McpJson.parse(
                    "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"x\"},\"model\":\"m\"}");
        });
    }

    @Test
    void outgoingRequestsCarryTheMetaEveryInterceptorAdds() {
        ServerInterceptor tracing = new ServerInterceptor() {
            @Override
            public ServerOutcome intercept(ServerCall call, Chain chain) {
                return chain.proceed();
            }

            @Override
            public Map<String, String> outgoingRequestMeta(String method) {
                return Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "m", method);
            }
        };
        ServerInterceptor plain = (call, chain) -> chain.proceed();
        server = server(tracing, plain);
        try (RawClient c = RawClient.connect(server, sampling()).initialize("2025-11-25", "{\"sampling\":{}}")) {
            c.call("tools/call", "{\"name\":\"sample\"}");
        }
        assertThat(samplingMeta).singleElement().satisfies(meta -> {
            assertThat(meta.get("traceparent").asString())
                    .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            assertThat(meta.get("m").asString()).isEqualTo("sampling/createMessage");
        });
    }

    @Test
    void interceptOutgoingSeesTheIdTheClientReceivesAddsMetaInOrderAndObservesTheAnswer() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ServerInterceptor outer = new ServerInterceptor() {
            @Override
            public ServerOutcome intercept(ServerCall call, Chain chain) {
                return chain.proceed();
            }

            @Override
            public CompletionStage<JsonNode> interceptOutgoing(OutgoingRequest request, OutgoingChain chain) {
                seen.add("outer " + request.method() + " " + request.requestId() + " @"
                        + request.protocolVersion().id() + " serving " + request.servedRequestId() + " session "
                        + request.session().isPresent());
                return chain.proceed(request.withMeta(Map.of("hop", "outer"))).thenApply(result -> {
                    seen.add("answered " + result.get("model").asString());
                    return result;
                });
            }
        };
        ServerInterceptor inner = new ServerInterceptor() {
            @Override
            public ServerOutcome intercept(ServerCall call, Chain chain) {
                return chain.proceed();
            }

            @Override
            public CompletionStage<JsonNode> interceptOutgoing(OutgoingRequest request, OutgoingChain chain) {
                seen.add("inner sees hop="
                        + request.params().path("_meta").path("hop").asString());
                return chain.proceed(request.withMeta(Map.of("hop2", "inner")));
            }
        };
        server = server(outer, inner);
        try (RawClient c = RawClient.connect(server, sampling()).initialize("2025-11-25", "{\"sampling\":{}}")) {
            c.call("tools/call", "{\"name\":\"sample\"}");
        }
        assertThat(samplingIds).hasSize(1);
        assertThat(seen.get(0))
                .startsWith("outer sampling/createMessage " + samplingIds.get(0) + " @2025-11-25 serving ")
                .endsWith(" session true");
        assertThat(seen.subList(1, 3)).containsExactly("inner sees hop=outer", "answered m");
        assertThat(samplingMeta).singleElement().satisfies(meta -> {
            assertThat(meta.get("hop").asString()).isEqualTo("outer");
            assertThat(meta.get("hop2").asString()).isEqualTo("inner");
        });
    }

    @Test
    void aHandshakeSessionIsVisibleToInterceptorsAndAStatelessExchangeIsNot() {
        server = server((call, chain) -> {
            sessions.add(call.session());
            return chain.proceed();
        });
        String id;
        try (RawClient c = RawClient.connect(server).initialize()) {
            sessions.clear();
            c.call("ping", "{}");
            id = server.sessions().iterator().next().id();
        }
        assertThat(sessions)
                .singleElement()
                .satisfies(
                        s -> assertThat(s).get().extracting(ServerSession::id).isEqualTo(id));
        sessions.clear();
        try (RawClient c = RawClient.stateless(server)) {
            c.call26("tools/list", "{}");
        }
        assertThat(sessions).singleElement().isEqualTo(Optional.empty());
    }
}
