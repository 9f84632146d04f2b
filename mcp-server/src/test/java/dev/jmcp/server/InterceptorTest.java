package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.tools.CallToolRequest;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.TransportMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class InterceptorTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<ServerCall> calls = new CopyOnWriteArrayList<>();
    final List<ServerOutcome> outcomes = new CopyOnWriteArrayList<>();
    final AtomicInteger handlerRuns = new AtomicInteger();
    final AtomicReference<TransportMetadata> handlerSaw = new AtomicReference<>();
    McpServer server;

    McpServer.Builder base() {
        return McpServer.builder()
                .tool(Tool.builder("echo", EMPTY).description("echoes").build(), (req, ctx) -> {
                    handlerRuns.incrementAndGet();
                    handlerSaw.set(ctx.transport());
                    return CallToolResult.text("echo");
                })
                .tool(Tool.builder("slow", EMPTY).description("takes a while").build(), (req, ctx) -> {
                    Thread.sleep(30);
                    return CallToolResult.text("slow");
                })
                .prompt(
                        Prompt.builder("p").description("a prompt").build(),
                        (req, ctx) -> GetPromptResult.of(null, List.of()));
    }

    /** Records every call and outcome it sees. */
    ServerInterceptor recorder() {
        return (call, chain) -> {
            calls.add(call);
            ServerOutcome outcome = chain.proceed();
            outcomes.add(outcome);
            return outcome;
        };
    }

    ServerInterceptor named(String name) {
        return (call, chain) -> {
            events.add(name + ">" + call.method());
            ServerOutcome outcome = chain.proceed();
            events.add(name + "<" + call.method());
            return outcome;
        };
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void interceptorsRunInRegistrationOrderTheFirstOutermost() {
        server = base().interceptor(named("a")).interceptor(named("b")).build();
        try (RawClient c = RawClient.connect(server).initialize()) {
            events.clear();
            c.call("tools/call", "{\"name\":\"echo\"}");
        }
        assertThat(events).containsExactly("a>tools/call", "b>tools/call", "b<tools/call", "a<tools/call");
    }

    @Test
    void everyRequestPassesThroughTheChainExactlyOnce() {
        server = base().interceptor(recorder()).build();
        try (RawClient c = RawClient.connect(server)) {
            c.call("ping", "{}");
            c.initialize();
            c.call("tools/list", "{}");
            c.call("tools/call", "{\"name\":\"echo\"}");
            c.call("prompts/list", "{}");
            c.call("prompts/get", "{\"name\":\"p\"}");
            c.call("logging/setLevel", "{\"level\":\"info\"}");
            c.call("ping", "{}");
        }
        assertThat(calls)
                .extracting(ServerCall::method)
                .containsExactly(
                        "ping",
                        "initialize",
                        "tools/list",
                        "tools/call",
                        "prompts/list",
                        "prompts/get",
                        "logging/setLevel",
                        "ping");
        assertThat(handlerRuns).hasValue(1);
    }

    @Test
    void aShortCircuitOutcomeReachesTheClientAsAJsonRpcErrorAndTheHandlerNeverRuns() {
        server = base().interceptor((call, chain) -> "tools/call".equals(call.method())
                        ? ServerOutcome.error(JsonRpcError.of(-32042, "quota exceeded"))
                        : chain.proceed())
                .build();
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonRpcError e = c.error("tools/call", "{\"name\":\"echo\"}");
            assertThat(e.code()).isEqualTo(-32042);
            assertThat(e.message()).isEqualTo("quota exceeded");
        }
        assertThat(handlerRuns).hasValue(0);
    }

    @Test
    void anInterceptorThrowingAnRpcExceptionShortCircuitsAndOuterInterceptorsSeeTheError() {
        server = base().interceptor(recorder())
                .interceptor((call, chain) -> {
                    throw new McpRpcException(-32043, "denied by policy");
                })
                .build();
        try (RawClient c = RawClient.connect(server)) {
            JsonRpcError e = c.error("ping", "{}");
            assertThat(e.code()).isEqualTo(-32043);
        }
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).kind()).isEqualTo(ServerOutcome.Kind.ERROR);
        assertThat(outcomes.get(0).error().orElseThrow().message()).isEqualTo("denied by policy");
    }

    @Test
    void theOutcomeShowsTheResultTheErrorAndTheDuration() {
        server = base().interceptor(recorder()).build();
        try (RawClient c = RawClient.connect(server).initialize()) {
            outcomes.clear();
            c.call("tools/call", "{\"name\":\"slow\"}");
            c.error("tools/call", "{\"name\":\"nope\"}");
        }
        ServerOutcome ok = outcomes.get(0);
        assertThat(ok.kind()).isEqualTo(ServerOutcome.Kind.RESULT);
        assertThat(ok.result().orElseThrow().get("content").get(0).get("text").asString())
                .isEqualTo("slow");
        assertThat(ok.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        ServerOutcome failed = outcomes.get(1);
        assertThat(failed.kind()).isEqualTo(ServerOutcome.Kind.ERROR);
        assertThat(failed.error().orElseThrow().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(failed.cause()).containsInstanceOf(McpRpcException.class);
        assertThat(failed.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void interceptorsAndHandlersSeeTheTransportMetadataAndTheCaller() {
        server = base().interceptor(recorder()).build();
        TransportMetadata metadata =
                new TransportMetadata("http", "10.0.0.7:5555", Map.of("x-trace-id", List.of("trace-1")));
        AuthInfo caller = new AuthInfo("secret", "client-1", "alice", Set.of("tools"), null, null);
        try (RawClient c = RawClient.connect(server)) {
            c.pair.serverSide().withInboundContext(new InboundContext(caller, metadata, MessageEnvelope.NONE));
            c.initialize();
            c.call("tools/call", "{\"name\":\"echo\"}");
        }
        ServerCall call = calls.get(calls.size() - 1);
        assertThat(call.transport().transport()).isEqualTo("http");
        assertThat(call.transport().remote()).contains("10.0.0.7:5555");
        assertThat(call.transport().header("X-Trace-Id")).contains("trace-1");
        assertThat(call.authInfo().map(AuthInfo::principal)).contains("alice");
        assertThat(handlerSaw.get()).isEqualTo(metadata);
    }

    @Test
    void aHandshakeSessionCallShowsItsNegotiatedRevision() {
        server = base().interceptor(recorder()).build();
        try (RawClient c = RawClient.connect(server).initialize("2025-06-18", "{}")) {
            c.call("tools/call", "{\"name\":\"echo\",\"arguments\":{\"x\":1}}");
        }
        ServerCall init = calls.get(0);
        assertThat(init.method()).isEqualTo("initialize");
        assertThat(init.era()).isEqualTo(ServerCall.Era.HANDSHAKE);
        ServerCall call = calls.get(1);
        assertThat(call.era()).isEqualTo(ServerCall.Era.HANDSHAKE);
        assertThat(call.protocolVersion())
                .contains(ProtocolVersion.parse("2025-06-18").orElseThrow());
        assertThat(call.typedParams()).get().isInstanceOf(CallToolRequest.class);
        assertThat(call.paramsAs(CallToolRequest.class)
                        .orElseThrow()
                        .arguments()
                        .get("x")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aStatelessRequestShowsItsPerRequestRevisionAndMeta() {
        server = base().interceptor(recorder()).build();
        try (RawClient c = RawClient.connect(server)) {
            c.call("tools/call", RawClient.with26Meta("{\"name\":\"echo\",\"_meta\":{\"trace\":\"t-9\"}}", "{}"));
        }
        ServerCall call = calls.get(0);
        assertThat(call.era()).isEqualTo(ServerCall.Era.PER_REQUEST);
        assertThat(call.protocolVersion().map(ProtocolVersion::isStateless)).contains(true);
        assertThat(call.requestMeta().protocolVersion()).isEqualTo("2026-07-28");
        assertThat(call.requestMeta().clientInfo().name()).isEqualTo("raw");
        assertThat(call.meta().get("trace").asString()).isEqualTo("t-9");
        assertThat(((CallToolRequest) call.typedParams().orElseThrow()).name()).isEqualTo("echo");
        assertThat(outcomes.get(0).result().orElseThrow().get("resultType").asString())
                .isEqualTo("complete");
    }

    @Test
    void aStatelessModeExchangeIsReportedAsSuch() {
        server = base().interceptor(recorder()).build();
        try (RawClient c = RawClient.stateless(server)) {
            c.call("tools/list", "{}");
        }
        assertThat(calls.get(0).era()).isEqualTo(ServerCall.Era.STATELESS_MODE);
        assertThat(calls.get(0).protocolVersion()).isPresent();
    }

    @Test
    void aRequestRejectedBeforeItsEraIsKnownStillPassesThroughTheChain() {
        server = base().interceptor(recorder()).build();
        try (RawClient c = RawClient.connect(server)) {
            JsonRpcError e = c.error(
                    "tools/list",
                    "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"1999-01-01\","
                            + "\"io.modelcontextprotocol/clientCapabilities\":{}}}");
            assertThat(e.code()).isEqualTo(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
        }
        assertThat(calls.get(0).era()).isEqualTo(ServerCall.Era.UNRESOLVED);
        assertThat(calls.get(0).protocolVersion()).isEmpty();
        assertThat(outcomes.get(0).error().orElseThrow().code()).isEqualTo(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
    }

    @Test
    void aTimedOutHandlerIsSeenWithTheTimeoutAnswerTheClientGot() throws Exception {
        CompletableFuture<ServerOutcome> seen = new CompletableFuture<>();
        server = McpServer.builder()
                .handlerTimeout(Duration.ofMillis(50))
                .tool(Tool.builder("stuck", EMPTY).description("waits").build(), (req, ctx) -> {
                    new CountDownLatch(1).await(); // until the timeout interrupts it
                    return CallToolResult.text("never");
                })
                .interceptor((call, chain) -> {
                    ServerOutcome outcome = chain.proceed();
                    if ("tools/call".equals(call.method())) {
                        seen.complete(outcome);
                    }
                    return outcome;
                })
                .build();
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("tools/call", "{\"name\":\"stuck\"}");
            assertThat(r.get("content").get(0).get("text").asString()).contains("timed out");
            ServerOutcome outcome = seen.get(10, TimeUnit.SECONDS);
            assertThat(outcome.kind()).isEqualTo(ServerOutcome.Kind.RESULT);
            assertThat(outcome.result().orElseThrow()).isEqualTo(r);
        }
    }

    @Test
    void proceedingTwiceIsRefused() {
        server = base().interceptor(recorder())
                .interceptor((call, chain) -> {
                    chain.proceed();
                    return chain.proceed();
                })
                .build();
        try (RawClient c = RawClient.connect(server)) {
            JsonRpcError e = c.error("ping", "{}");
            assertThat(e.code()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        }
        assertThat(outcomes.get(0).cause()).containsInstanceOf(IllegalStateException.class);
    }
}
