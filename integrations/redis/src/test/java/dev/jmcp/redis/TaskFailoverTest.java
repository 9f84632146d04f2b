package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolAnnotations;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.protocol.tools.ToolExecution.TaskSupport;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.TaskRecovery;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue #18: a task survives the loss of the instance running it. Two instances (each its own RedisScaleOut,
 * McpServer and Jetty) share one redis-server; the instance running three tasks' handlers is killed mid-handler (its
 * Redis connections closed first, so it can write nothing more, then its Jetty and server), and the tasks are polled
 * on the other: the done one keeps its result, the idempotent one is run again there, the other one fails with "the
 * instance running this task stopped". While the first instance lives, its renewed lease keeps the other from
 * claiming anything.
 */
class TaskFailoverTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final Duration LEASE = Duration.ofMillis(1500);

    RedisServerProcess redis;
    final Instance[] instances = new Instance[2];
    final HttpClient http = HttpClient.newHttpClient();
    int nextId = 10;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServerProcess.start();
        for (int n = 0; n < 2; n++) {
            instances[n] = new Instance(n, redis.uri());
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (Instance i : instances) {
            if (i != null) {
                i.kill();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Timeout(60)
    void tasksOfAKilledInstanceAreRunAgainWhenIdempotentFailedOtherwiseAndKeptWhenDone() throws Exception {
        Instance a = instances[0];
        Instance b = instances[1];
        String session = initialize(a.uri());
        String quick = createTask(a.uri(), session, "quick");
        String idempotent = createTask(a.uri(), session, "idempotent");
        String once = createTask(a.uri(), session, "once");
        assertThat(a.started.await(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("both slow handlers started on instance 0")
                .isTrue();
        Poll.until("the quick task completed", () -> "completed".equals(status(b.uri(), session, quick)));

        // alive: instance 0 renews its leases, so polling on instance 1 for two lease periods claims nothing
        long end = System.nanoTime() + LEASE.multipliedBy(2).toNanos();
        while (System.nanoTime() < end) {
            assertThat(status(b.uri(), session, idempotent)).isEqualTo("working");
            assertThat(status(b.uri(), session, once)).isEqualTo("working");
            Thread.sleep(100);
        }
        assertThat(b.runs.get())
                .as("instance 1 ran no handler while instance 0 lived")
                .isZero();

        a.kill(); // mid-handler: the two slow handlers are still running

        Poll.until(
                "the idempotent task completed on instance 1",
                () -> "completed".equals(status(b.uri(), session, idempotent)),
                Duration.ofSeconds(15));
        JsonNode rerun = rpc(b.uri(), session, "tasks/result", "{\"taskId\":\"" + idempotent + "\"}");
        assertThat(rerun.path("result").path("content").path(0).path("text").asString())
                .isEqualTo("idempotent done on instance-1");
        assertThat(b.runs.get()).isEqualTo(1);

        JsonNode failed = Poll.value(
                "the other task failed",
                () -> rpc(b.uri(), session, "tasks/get", "{\"taskId\":\"" + once + "\"}")
                        .path("result"),
                r -> "failed".equals(r.path("status").asString()),
                Duration.ofSeconds(15));
        assertThat(failed.path("statusMessage").asString()).isEqualTo("the instance running this task stopped");
        JsonNode onceResult = rpc(b.uri(), session, "tasks/result", "{\"taskId\":\"" + once + "\"}");
        assertThat(onceResult.path("error").path("message").asString())
                .contains("the instance running this task stopped");

        JsonNode done = rpc(b.uri(), session, "tasks/result", "{\"taskId\":\"" + quick + "\"}");
        assertThat(done.path("result").path("content").path(0).path("text").asString())
                .isEqualTo("quick done on instance-0");
    }

    String initialize(URI uri) throws Exception {
        HttpResponse<String> init = http.send(
                post(
                        uri,
                        null,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"),
                HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(
                post(uri, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                HttpResponse.BodyHandlers.ofString());
        return session;
    }

    String createTask(URI uri, String session, String tool) throws Exception {
        JsonNode created = rpc(uri, session, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{},\"task\":{}}");
        String id = created.path("result").path("task").path("taskId").asString();
        assertThat(id).as("task created: %s", created).isNotEmpty();
        return id;
    }

    String status(URI uri, String session, String taskId) {
        return rpc(uri, session, "tasks/get", "{\"taskId\":\"" + taskId + "\"}")
                .path("result")
                .path("status")
                .asString();
    }

    /** One request; its answer read from a JSON body or from the SSE stream's last message. */
    JsonNode rpc(URI uri, String session, String method, String params) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + (nextId++) + ",\"method\":\"" + method + "\",\"params\":"
                + params + "}";
        HttpResponse<String> r;
        try {
            r = http.send(post(uri, session, body), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return McpJson.parse(r.body());
        }
        JsonNode last = null;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data:") && !line.substring(5).isBlank()) {
                JsonNode m = McpJson.parse(line.substring(5).trim());
                if (m.has("id")) {
                    last = m;
                }
            }
        }
        if (last == null) {
            throw new AssertionError("no answer to " + method + ": " + r.statusCode() + " " + r.body());
        }
        return last;
    }

    static HttpRequest post(URI uri, String session, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return b.build();
    }

    /** One instance; on instance 0 the slow tools block until killed, on instance 1 they answer at once. */
    static final class Instance {
        final int n;
        final RedisScaleOut redis;
        final McpServer server;
        final McpHttpServer httpServer;
        final CountDownLatch started = new CountDownLatch(2);
        final AtomicInteger runs = new AtomicInteger();

        Instance(int n, String redisUri) {
            this.n = n;
            redis = RedisScaleOut.builder().uri(redisUri).namespace("tasks").build();
            ToolExecution optional = ToolExecution.of(TaskSupport.OPTIONAL);
            server = redis.configure(McpServer.builder().name("instance-" + n))
                    .taskRecovery(TaskRecovery.RERUN_IDEMPOTENT, LEASE)
                    .tool(
                            Tool.builder("quick", EMPTY).execution(optional).build(),
                            (req, ctx) -> CallToolResult.text("quick done on instance-" + n))
                    .tool(
                            Tool.builder("idempotent", EMPTY)
                                    .execution(optional)
                                    .annotations(ToolAnnotations.builder()
                                            .idempotentHint(true)
                                            .build())
                                    .build(),
                            (req, ctx) -> slow("idempotent"))
                    .tool(Tool.builder("once", EMPTY).execution(optional).build(), (req, ctx) -> slow("once"))
                    .build();
            httpServer = McpHttpServer.builder(server)
                    .port(0)
                    .servlet(redis::configure)
                    .start();
        }

        CallToolResult slow(String name) throws InterruptedException {
            if (n == 0) {
                started.countDown();
                Thread.sleep(60_000); // until the instance is killed
            }
            runs.incrementAndGet();
            return CallToolResult.text(name + " done on instance-" + n);
        }

        URI uri() {
            return httpServer.uri();
        }

        /** Dies: its Redis connections first (nothing more reaches the store), then its Jetty and its server. */
        private boolean killed;

        synchronized void kill() {
            if (killed) {
                return;
            }
            killed = true;
            redis.close();
            httpServer.close();
            server.close();
        }
    }
}
