package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The per-session in-flight cap and the server-wide handler bulkhead (D3). */
@Timeout(30)
class EngineLimitsTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);

    private McpServer.Builder server() {
        return McpServer.builder()
                .tool(
                        Tool.builder("block", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            started.countDown();
                            release.await();
                            return CallToolResult.text("released");
                        })
                .tool(
                        Tool.builder("quick", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text("quick"));
    }

    @Test
    void aRequestOverThePerSessionCapIsAnsweredTooManyConcurrentRequests() throws Exception {
        try (McpServer s = server().maxConcurrentRequestsPerSession(2).build();
                RawClient c = RawClient.connect(s).initialize()) {
            CompletableFuture<JsonNode> first = c.session.request("tools/call", block());
            CompletableFuture<JsonNode> second = c.session.request("tools/call", block());
            until("two requests in flight", () -> inFlight(c) == 2);
            JsonRpcError busy = c.error("tools/call", quick());
            assertThat(busy.code()).isEqualTo(ErrorCodes.SERVER_BUSY);
            assertThat(busy.message()).contains("too many concurrent requests");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).toString()).contains("released");
            assertThat(second.get(10, TimeUnit.SECONDS).toString()).contains("released");
            // once they are answered, the session takes requests again
            assertThat(c.call("tools/call", quick()).toString()).contains("quick");
        }
    }

    @Test
    void statelessExchangesShareTheBulkheadAndAWaitPastTheBoundIsServerBusy() throws Exception {
        try (McpServer s =
                        server().handlerConcurrency(1, Duration.ofMillis(200)).build();
                RawClient holder = RawClient.stateless(s);
                RawClient other = RawClient.stateless(s)) {
            CompletableFuture<JsonNode> held =
                    holder.session.request("tools/call", RawClient.with26Meta(block().toString(), "{}"));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            JsonRpcError busy = other.error("tools/call", RawClient.with26Meta(quick().toString(), "{}"));
            assertThat(busy.code()).isEqualTo(ErrorCodes.SERVER_BUSY);
            assertThat(busy.message()).contains("server busy");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS).toString()).contains("released");
            assertThat(other.call("tools/call", RawClient.with26Meta(quick().toString(), "{}"))
                            .toString())
                    .contains("quick");
        }
    }

    @Test
    void aHandlerThatFindsASlotWithinTheWaitRuns() throws Exception {
        try (McpServer s =
                        server().handlerConcurrency(1, Duration.ofSeconds(10)).build();
                RawClient c = RawClient.connect(s).initialize()) {
            CompletableFuture<JsonNode> held = c.session.request("tools/call", block());
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<JsonNode> waiting = c.session.request("tools/call", quick());
            until("the second request waits", () -> inFlight(c) == 2);
            assertThat(waiting).isNotDone();
            release.countDown();
            assertThat(waiting.get(10, TimeUnit.SECONDS).toString()).contains("quick");
            assertThat(held.get(10, TimeUnit.SECONDS).toString()).contains("released");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof McpRpcException r ? r : e;
        }
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static int inFlight(RawClient c) {
        return ((dev.jmcp.server.internal.ServerSessionImpl) c.serverSession)
                .engine()
                .inFlightRequests();
    }

    private static JsonNode block() {
        return McpJson.parse("{\"name\":\"block\",\"arguments\":{}}");
    }

    private static JsonNode quick() {
        return McpJson.parse("{\"name\":\"quick\",\"arguments\":{}}");
    }
}
