package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.internal.StatelessExecutors;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JDK 17, {@code HandlerExecution.AUTO} (issue #19): a stateless handler runs on the container's request thread
 * while one of the inline slots ({@code jmcp.inlineHandlerSlots}, default {@code StatelessExecutors.DEFAULT_INLINE_SLOTS}) is free;
 * beyond them, slow handlers are handed to the handler pool, so they hold at most that many container threads and
 * every other request is still served. Through a real McpHttpServer, seen from the handlers' thread names.
 */
@Timeout(30)
class InlineSlotsOverHttpTest {
    private static final int SLOTS = StatelessExecutors.INLINE_SLOTS;

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger blocked = new AtomicInteger();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private McpHttpServer http;

    @AfterEach
    void stop() {
        release.countDown();
        if (http != null) {
            http.close();
        }
        clients.shutdownNow();
    }

    private URI start() {
        McpServer server = McpServer.builder()
                .name("slots")
                .version("1")
                .tool(
                        Tool.builder("slow", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (request, ctx) -> {
                            blocked.incrementAndGet();
                            release.await(20, TimeUnit.SECONDS);
                            return CallToolResult.text(Thread.currentThread().getName());
                        })
                .tool(
                        Tool.builder("thread", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (request, ctx) ->
                                CallToolResult.text(Thread.currentThread().getName()))
                .build();
        http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.stateless(true))
                .start();
        return http.uri();
    }

    private static String call(URI uri, int id, String tool) throws Exception {
        HttpResponse<String> r =
                post(uri, request(id, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{}}"), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return McpJson.parse(r.body())
                .get("result")
                .get("content")
                .get(0)
                .get("text")
                .asString();
    }

    @Test
    void slowHandlersHoldAtMostTheInlineSlotsAndTheOthersAreHandedOffWhileFastCallsAreStillServed() throws Exception {
        assumeFalse(HandlerExecutors.virtualThreadsAvailable(), "JDK 21+ runs them on virtual request threads");
        URI uri = start();
        int slow = SLOTS + 2;
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            int id = i + 1;
            calls.add(clients.submit(() -> call(uri, id, "slow")));
        }
        Poll.until(slow + " slow handlers running", () -> blocked.get() == slow);
        // every slot is taken: a fast call is handed off, and answered while the slow ones still block
        assertThat(call(uri, 100, "thread")).startsWith("jmcp-handler");
        release.countDown();
        List<String> threads = new ArrayList<>();
        for (Future<String> f : calls) {
            threads.add(f.get(20, TimeUnit.SECONDS));
        }
        assertThat(threads.stream().filter(t -> t.startsWith("jmcp-jetty"))).hasSize(SLOTS);
        assertThat(threads.stream().filter(t -> t.startsWith("jmcp-handler"))).hasSize(2);
        // the slots are free again: the next fast call runs inline
        Poll.until("an inline call", () -> {
            try {
                return call(uri, 200, "thread").startsWith("jmcp-jetty");
            } catch (Exception e) {
                return false;
            }
        });
    }
}
