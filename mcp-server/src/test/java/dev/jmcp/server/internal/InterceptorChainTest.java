package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerOutcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InterceptorChainTest {
    static final JsonNode RESULT = McpJson.parse("{\"ok\":true}");

    static InterceptorChain chainOf(ServerInterceptor... interceptors) {
        return new InterceptorChain(List.of(interceptors));
    }

    @Test
    void withoutInterceptorsTheTerminalAnswers() throws Exception {
        assertThat(chainOf().run(null, () -> RESULT)).isSameAs(RESULT);
    }

    @Test
    void aTerminalRpcErrorIsRethrownUnchanged() {
        McpRpcException error = new McpRpcException(-32602, "bad");
        assertThatThrownBy(() -> chainOf((c, chain) -> chain.proceed()).run(null, () -> {
                    throw error;
                }))
                .isSameAs(error);
    }

    @Test
    void aCancellationIsSeenAsCancelledAndRethrown() {
        AtomicReference<ServerOutcome> seen = new AtomicReference<>();
        McpCancelledException cancelled = new McpCancelledException("gone");
        assertThatThrownBy(() -> chainOf((c, chain) -> {
                            seen.set(chain.proceed());
                            return seen.get();
                        })
                        .run(null, () -> {
                            throw cancelled;
                        }))
                .isSameAs(cancelled);
        assertThat(seen.get().kind()).isEqualTo(ServerOutcome.Kind.CANCELLED);
    }

    @Test
    void aReturnedErrorOutcomeBecomesAnRpcException() {
        assertThatThrownBy(() -> chainOf((c, chain) -> ServerOutcome.error(JsonRpcError.of(-32001, "no")))
                        .run(null, () -> RESULT))
                .isInstanceOfSatisfying(
                        McpRpcException.class, e -> assertThat(e.code()).isEqualTo(-32001));
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorOutcome() {
        AtomicReference<ServerOutcome> seen = new AtomicReference<>();
        assertThatThrownBy(() -> chainOf((c, chain) -> {
                            seen.set(chain.proceed());
                            return seen.get();
                        })
                        .run(null, () -> {
                            throw new IllegalStateException("oops");
                        }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(seen.get().error().orElseThrow().code()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        assertThat(seen.get().error().orElseThrow().message()).isEqualTo("oops");
    }

    @Test
    void anInterceptorReturningNullIsAnInternalError() {
        assertThatThrownBy(() -> chainOf((c, chain) -> null).run(null, () -> RESULT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned no outcome");
    }

    @Test
    void anInterceptorMayReplaceTheResult() throws Exception {
        JsonNode replaced = McpJson.parse("{\"cached\":true}");
        assertThat(chainOf((c, chain) -> ServerOutcome.result(replaced)).run(null, () -> RESULT))
                .isSameAs(replaced);
    }

    @Test
    void anAnswerSentBeforeTheHandlerReturnedIsTheOutcomeSeen() throws Exception {
        JsonNode timeoutAnswer = McpJson.parse("{\"isError\":true}");
        AtomicReference<ServerOutcome> seen = new AtomicReference<>();
        InterceptorChain.Terminal terminal = new InterceptorChain.Terminal() {
            @Override
            public JsonNode serve() {
                throw new McpCancelledException("timed out");
            }

            @Override
            public ServerOutcome answeredEarly() {
                return ServerOutcome.result(timeoutAnswer);
            }
        };
        JsonNode r = chainOf((c, chain) -> {
                    seen.set(chain.proceed());
                    return seen.get();
                })
                .run(null, terminal);
        assertThat(r).isSameAs(timeoutAnswer);
        assertThat(seen.get().kind()).isEqualTo(ServerOutcome.Kind.RESULT);
    }
}
