package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class HotPathTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    final ExecutorService pool = Executors.newCachedThreadPool();
    final AtomicInteger submissions = new AtomicInteger();
    final AtomicReference<Thread> handlerThread = new AtomicReference<>();
    final CountDownLatch stubbornReturned = new CountDownLatch(1);
    final AtomicReference<Thread> stubbornThread = new AtomicReference<>();
    final CountDownLatch stubbornTaskDone = new CountDownLatch(1);

    final McpServer server = McpServer.builder()
            .executor(task -> {
                submissions.incrementAndGet();
                pool.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        if (stubbornThread.get() == Thread.currentThread()) {
                            stubbornTaskDone.countDown(); // the engine is done with the stubborn handler's return
                        }
                    }
                });
            })
            .handlerTimeout(Duration.ofMillis(300))
            .tool(Tool.builder("where", EMPTY).description("records its thread").build(), (req, ctx) -> {
                handlerThread.set(Thread.currentThread());
                return CallToolResult.text("here");
            })
            .tool(
                    Tool.builder("stubborn", EMPTY)
                            .description("ignores interrupts, answers late")
                            .build(),
                    (r, c) -> {
                        stubbornThread.set(Thread.currentThread());
                        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(900);
                        while (System.nanoTime() < end) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException ignored) {
                                // keeps going on purpose
                            }
                        }
                        stubbornReturned.countDown();
                        return CallToolResult.text("late result");
                    })
            .build();

    @AfterEach
    void close() {
        server.close();
        pool.shutdownNow();
    }

    @Test
    void aToolCallTakesOneHandlerTaskAndRunsOnIt() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            int before = submissions.get();
            JsonNode r = c.call("tools/call", "{\"name\":\"where\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("here");
            assertThat(submissions.get() - before).isEqualTo(1);
            assertThat(handlerThread.get().getName()).startsWith("pool-");
        }
    }

    @Test
    void aTimedOutHandlerIsAnsweredOnceByTheTimerAndItsLateResultIsDropped() throws Exception {
        try (RawClient c = RawClient.connect(server).initialize()) {
            List<JsonNode> answers = new CopyOnWriteArrayList<>();
            c.pair.serverSide().withOutboundFilter(bytes -> {
                JsonNode m = McpJson.parse(new String(bytes, StandardCharsets.UTF_8));
                if (m.has("id") && (m.has("result") || m.has("error"))) {
                    answers.add(m);
                }
                return bytes;
            });
            JsonNode r = c.call("tools/call", "{\"name\":\"stubborn\"}");
            assertThat(stubbornReturned.getCount()).isEqualTo(1); // the timer answered, not the handler's return
            assertThat(r.get("isError").asBoolean()).isTrue();
            assertThat(r.get("content").get(0).get("text").asString()).contains("timed out");
            assertThat(stubbornTaskDone.await(5, TimeUnit.SECONDS)).isTrue();
            c.call("ping", "{}"); // a probe: answered after anything the late return could have sent
            assertThat(answers).hasSize(2);
            assertThat(answers.get(0).toString()).contains("timed out").doesNotContain("late result");
            assertThat(answers.get(1).get("result").isEmpty()).isTrue();
        }
    }

    @Test
    void aTimedOut2026RequestGetsADecoratedTimeoutResult() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = c.call26("tools/call", "{\"name\":\"stubborn\"}");
            assertThat(r.get("isError").asBoolean()).isTrue();
            assertThat(r.get("resultType").asString()).isEqualTo("complete");
            assertThat(r.get("_meta").has("io.modelcontextprotocol/serverInfo")).isTrue();
        }
    }
}
