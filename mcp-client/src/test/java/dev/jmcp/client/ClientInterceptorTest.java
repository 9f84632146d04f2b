package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolRequest;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The client interceptor chain, against the real McpServer over the in-memory transport, in both eras. */
class ClientInterceptorTest {
    private static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    /** The two eras: the stateless 2026-07-28 one and the newest handshake revision. */
    enum Era {
        STATELESS(ProtocolVersion.V2026_07_28),
        HANDSHAKE(ProtocolVersion.V2025_11_25);

        final ProtocolVersion version;

        Era(ProtocolVersion version) {
            this.version = version;
        }
    }

    private final AtomicInteger echoCalls = new AtomicInteger();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final McpServer server = McpServer.builder()
            .name("interceptors")
            .version("1")
            .tool(Tool.builder("echo-meta", EMPTY).build(), (req, ctx) -> {
                echoCalls.incrementAndGet();
                JsonNode trace = ctx.meta().get("traceparent");
                return CallToolResult.text(trace == null ? "none" : trace.asString());
            })
            .tool(
                    Tool.builder("my-id", EMPTY).build(),
                    (req, ctx) ->
                            CallToolResult.text(String.valueOf(ctx.requestId().value())))
            .tool(Tool.builder("slow", EMPTY).build(), (req, ctx) -> {
                slowEntered.countDown();
                slowRelease.await(10, TimeUnit.SECONDS);
                return CallToolResult.text("done");
            })
            .tool(Tool.builder("greet", EMPTY).build(), (req, ctx) -> {
                ElicitResult answer = ctx.elicit(
                        "user_name",
                        FormElicitRequest.of(
                                "name?",
                                RequestedSchema.of(
                                        Map.of("name", StringSchema.builder().build()), List.of("name"))));
                return CallToolResult.text(
                        "Hello, " + answer.content().get("name").asString());
            })
            .build();

    @AfterEach
    void closeServer() {
        server.close();
    }

    private McpClient connect(Era era, ClientInterceptor... interceptors) {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        McpClientBuilder b = McpClient.builder()
                .transport(pair.clientSide())
                .protocolVersion(era.version)
                .requestTimeout(Duration.ofSeconds(10))
                .elicitation(r -> ElicitResult.accept(Map.of("name", McpJson.toTree("ann"))));
        for (ClientInterceptor i : interceptors) {
            b.interceptor(i);
        }
        McpClient client = b.build();
        client.connect();
        return client;
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static ClientInterceptor recording(String name, List<String> trace) {
        return chain -> {
            trace.add(name + ">");
            return chain.proceed(chain.call()).thenApply(outcome -> {
                trace.add("<" + name);
                return outcome;
            });
        };
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void interceptorsRunInRegistrationOrderTheFirstOutermost(Era era) {
        List<String> trace = new CopyOnWriteArrayList<>();
        try (McpClient client = connect(era, recording("a", trace), recording("b", trace))) {
            client.callTool("echo-meta", Map.of());
            assertThat(trace).containsExactly("a>", "b>", "<b", "<a");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void theCallKnowsTheRequestIdItIsSentUnderBeforeItIsSent(Era era) {
        List<String> ids = new CopyOnWriteArrayList<>();
        ClientInterceptor look = chain -> {
            ids.add(String.valueOf(chain.call().requestId().value()));
            return chain.proceed(chain.call());
        };
        try (McpClient client = connect(era, look)) {
            String first = text(client.callTool("my-id", Map.of()));
            String second = text(client.callTool("my-id", Map.of()));
            assertThat(ids).containsExactly(first, second);
            assertThat(first).isNotEqualTo(second);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aCallAnInterceptorSendsTwiceGoesOutUnderAFreshIdTheSecondTime(Era era) {
        List<String> answers = new CopyOnWriteArrayList<>();
        ClientInterceptor twice = chain -> chain.proceed(chain.call()).thenCompose(first -> {
            answers.add(String.valueOf(
                    first.result().get("content").get(0).get("text").asString()));
            return chain.proceed(chain.call());
        });
        try (McpClient client = connect(era, twice)) {
            answers.add(text(client.callTool("my-id", Map.of())));
        }
        assertThat(answers).hasSize(2).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void metaAddedByAnInterceptorArrivesAtTheServer(Era era) {
        ClientInterceptor tracing = chain -> chain.proceed(chain.call().withMeta("traceparent", "00-abc-def-01"));
        try (McpClient client = connect(era, tracing)) {
            assertThat(text(client.callTool("echo-meta", Map.of()))).isEqualTo("00-abc-def-01");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void theCallViewShowsMethodTypedParamsMetaAndEra(Era era) {
        AtomicReference<ClientCall> seen = new AtomicReference<>();
        ClientInterceptor look = chain -> {
            seen.set(chain.call());
            return chain.proceed(chain.call());
        };
        try (McpClient client = connect(era, look)) {
            client.callTool(
                    "echo-meta",
                    McpJson.parse("{\"x\":1}"),
                    CallOptions.builder()
                            .meta(McpJson.parse("{\"audit\":\"yes\"}"))
                            .build());
            ClientCall call = seen.get();
            assertThat(call.method()).isEqualTo(McpMethods.TOOLS_CALL);
            CallToolRequest typed = call.params(CallToolRequest.class);
            assertThat(typed.name()).isEqualTo("echo-meta");
            assertThat(typed.arguments().get("x").asInt()).isEqualTo(1);
            assertThat(call.meta("audit")).map(JsonNode::asString).contains("yes");
            assertThat(call.protocolVersion()).isEqualTo(era.version);
            assertThat(call.isStateless()).isEqualTo(era == Era.STATELESS);
            assertThat(call.meta().containsKey("io.modelcontextprotocol/protocolVersion"))
                    .isEqualTo(era == Era.STATELESS);
            assertThat(call.round()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void anInterceptorCanAnswerTheCallWithoutSendingIt(Era era) {
        ClientInterceptor cache = chain ->
                CompletableFuture.completedFuture(CallOutcome.success(McpJson.toTree(CallToolResult.text("cached"))));
        try (McpClient client = connect(era, cache)) {
            assertThat(text(client.callTool("echo-meta", Map.of()))).isEqualTo("cached");
            assertThat(text(client.async().callTool("echo-meta", Map.of()).join()))
                    .isEqualTo("cached");
            assertThat(echoCalls).hasValue(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void anInterceptorCanFailTheCallWithoutSendingIt(Era era) {
        ClientInterceptor deny = chain -> {
            throw new IllegalStateException("quota exceeded");
        };
        ClientInterceptor refuse =
                chain -> CompletableFuture.completedFuture(CallOutcome.failure(new McpException("refused")));
        try (McpClient denying = connect(era, deny);
                McpClient refusing = connect(era, refuse)) {
            assertThatThrownBy(() -> denying.callTool("echo-meta", Map.of())).hasMessageContaining("quota exceeded");
            assertThatThrownBy(() -> refusing.callTool("echo-meta", Map.of()))
                    .isInstanceOf(McpException.class)
                    .hasMessage("refused");
            assertThat(echoCalls).hasValue(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void blockingAndAsyncCallsAreEachInterceptedOnce(Era era) {
        List<String> methods = new CopyOnWriteArrayList<>();
        ClientInterceptor count = chain -> {
            methods.add(chain.call().method());
            return chain.proceed(chain.call());
        };
        try (McpClient client = connect(era, count)) {
            client.callTool("echo-meta", Map.of());
            client.async().callTool("echo-meta", Map.of()).join();
            client.listTools();
            assertThat(methods).containsExactly(McpMethods.TOOLS_CALL, McpMethods.TOOLS_CALL, McpMethods.TOOLS_LIST);
            assertThat(echoCalls).hasValue(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void theOutcomeCarriesTheResultAndTheTimeSpentBelowEachLink(Era era) throws Exception {
        List<CallOutcome> outer = new CopyOnWriteArrayList<>();
        List<CallOutcome> inner = new CopyOnWriteArrayList<>();
        try (McpClient client = connect(era, observing(outer), observing(inner))) {
            long before = System.nanoTime();
            CompletableFuture<CallToolResult> f = client.async().callTool("slow", Map.of());
            assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
            long held = System.nanoTime();
            while (System.nanoTime() - held < TimeUnit.MILLISECONDS.toNanos(20)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the server holds the call at least 20 ms
            }
            slowRelease.countDown();
            assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("done");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - before);

            assertThat(outer).singleElement().satisfies(o -> {
                assertThat(o.succeeded()).isTrue();
                assertThat(o.result().get("content").get(0).get("text").asString())
                        .isEqualTo("done");
                assertThat(o.error()).isNull();
            });
            Duration out = outer.get(0).duration();
            Duration in = inner.get(0).duration();
            assertThat(in).isGreaterThanOrEqualTo(Duration.ofMillis(20));
            assertThat(out).isGreaterThanOrEqualTo(in).isLessThanOrEqualTo(elapsed);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void theOutcomeCarriesTheServersError(Era era) {
        List<CallOutcome> seen = new CopyOnWriteArrayList<>();
        try (McpClient client = connect(era, observing(seen))) {
            assertThatThrownBy(() -> client.async()
                            .request("no/such-method", null, CallOptions.defaults())
                            .join())
                    .hasCauseInstanceOf(McpRpcException.class);
            assertThat(seen).singleElement().satisfies(o -> {
                assertThat(o.succeeded()).isFalse();
                assertThat(o.result()).isNull();
                assertThat(o.error()).isInstanceOf(McpRpcException.class);
                assertThat(o.duration()).isPositive();
            });
        }
    }

    @Test
    void eachInputRequiredRoundIsInterceptedOnItsOwn() {
        List<ClientCall> calls = new CopyOnWriteArrayList<>();
        List<CallOutcome> outcomes = new CopyOnWriteArrayList<>();
        ClientInterceptor look = chain -> {
            calls.add(chain.call());
            return chain.proceed(chain.call()).thenApply(o -> {
                outcomes.add(o);
                return o;
            });
        };
        try (McpClient client = connect(Era.STATELESS, look)) {
            assertThat(text(client.callTool("greet", Map.of()))).isEqualTo("Hello, ann");
            assertThat(calls).extracting(ClientCall::round).containsExactly(0, 1);
            assertThat(calls.get(0).params().has("inputResponses")).isFalse();
            assertThat(calls.get(1).params().get("inputResponses").has("user_name"))
                    .isTrue();
            assertThat(outcomes).extracting(CallOutcome::inputRequired).containsExactly(true, false);
        }
    }

    @Test
    void inTheHandshakeEraTheServersInputRequestDoesNotMakeASecondRound() {
        List<ClientCall> calls = new CopyOnWriteArrayList<>();
        ClientInterceptor look = chain -> {
            calls.add(chain.call());
            return chain.proceed(chain.call());
        };
        try (McpClient client = connect(Era.HANDSHAKE, look)) {
            assertThat(text(client.callTool("greet", Map.of()))).isEqualTo("Hello, ann");
            assertThat(calls).extracting(ClientCall::round).containsExactly(0);
        }
    }

    private static ClientInterceptor observing(List<CallOutcome> into) {
        return chain -> chain.proceed(chain.call()).thenApply(o -> {
            into.add(o);
            return o;
        });
    }
}
