package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.testsupport.Threads;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that has taken several load runs with session churn must return to its baseline once idle sessions
 * expire: no sessions (servlet and server side), no extra jmcp threads, no heap growth. Each round runs a short
 * per-iteration load test through {@link McpTarget} (sessions opened and deleted, some calls timing out) and then
 * abuses the server with raw HTTP: sessions that are never deleted and response streams the client aborts while
 * the tool still runs.
 */
@Timeout(120)
class ServerChurnLeakTest {
    private static final Duration IDLE = Duration.ofMillis(300);
    private static final Pattern SESSION_ID = Pattern.compile("(?im)^mcp-session-id:\\s*(\\S+)");

    @Test
    void churnedServerReturnsToBaselineOnceIdleSessionsExpire() throws Exception {
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server)
                        .host("127.0.0.1")
                        .port(0)
                        .servlet(s -> s.sessionIdleTimeout(IDLE).keepAliveInterval(Duration.ofMillis(50)))
                        .start()) {
            // warm up once, so that lazily created pools and classes are part of the baseline
            round(http);
            awaitIdle(server, http);
            Map<String, Integer> baselineThreads = Threads.liveByPool();
            long baselineHeap = usedHeapAfterGc();

            for (int i = 0; i < 4; i++) {
                round(http);
            }
            awaitIdle(server, http);
            long afterHeap = usedHeapAfterGc();
            Map<String, Integer> afterThreads = Threads.liveByPool();

            assertThat(http.servlet().sessionCount()).isZero();
            assertThat(server.sessions()).isEmpty();
            // pools may keep idle threads for a while (they time out), but none may be stuck in some work
            assertThat(busyThreads()).as("after %s", afterThreads).isEmpty();
            for (Map.Entry<String, Integer> e : afterThreads.entrySet()) {
                if (e.getKey().startsWith("jmcp-handler") || e.getKey().startsWith("jmcp-http")) {
                    assertThat(e.getValue())
                            .as("threads of %s (baseline %s, now %s)", e.getKey(), baselineThreads, afterThreads)
                            .isLessThanOrEqualTo(Math.max(baselineThreads.getOrDefault(e.getKey(), 0), 16));
                }
            }
            // four rounds of ~100 sessions each: a per-session leak of even tens of KB would show as MBs
            assertThat(afterHeap - baselineHeap)
                    .as("used heap grew from %d to %d bytes", baselineHeap, afterHeap)
                    .isLessThan(8L << 20);
        }
    }

    /** One round: a churning load test, then sessions left behind and streams aborted mid-call. */
    private static void round(McpHttpServer http) throws Exception {
        try (McpTarget target = new McpTarget(TargetSpec.http(http.uri().toString()))) {
            LoadTestReport r = LoadTest.builder()
                    .target(target)
                    .closedModel(4)
                    .iterations(60)
                    .duration(null)
                    .timeout(Duration.ofMillis(100))
                    .sessionMode(SessionMode.PER_ITERATION)
                    .scenario(Scenario.of(
                            "echo",
                            4,
                            FlowStep.of(Operation.TOOLS_CALL, "echo", dev.jmcp.core.McpJson.parse("{\"text\":\"x\"}"))))
                    .scenario(Scenario.of(
                            "slow",
                            1,
                            FlowStep.of(Operation.TOOLS_CALL, "slow", dev.jmcp.core.McpJson.parse("{\"ms\":200}"))))
                    .build()
                    .run();
            assertThat(r.generator().iterations()).isEqualTo(60);
        }
        for (int i = 0; i < 20; i++) {
            String session = initialize(http);
            post(http, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", true);
            if (i % 2 == 0) {
                // the client gives up on a running call and drops the connection; the session is never deleted
                abortedCall(http, session);
            } else {
                post(http, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", true);
            }
        }
    }

    private static String initialize(McpHttpServer http) throws IOException {
        String response = post(
                http,
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                true);
        Matcher m = SESSION_ID.matcher(response);
        assertThat(m.find()).as(response).isTrue();
        return m.group(1);
    }

    private static void abortedCall(McpHttpServer http, String session) throws IOException {
        try (Socket s = send(
                http,
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                        + "\"arguments\":{\"ms\":100}}}")) {
            s.setSoLinger(true, 0); // reset, as a killed client does
        }
    }

    private static String post(McpHttpServer http, String session, String body, boolean readAll) throws IOException {
        try (Socket s = send(http, session, body)) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            return new String(readAll ? in.readAllBytes() : in.readNBytes(12), StandardCharsets.ISO_8859_1);
        }
    }

    private static Socket send(McpHttpServer http, String session, String body) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("POST ")
                .append(http.uri().getPath())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
                .append("MCP-Protocol-Version: 2025-11-25\r\n")
                .append("Content-Length: ")
                .append(bytes.length)
                .append("\r\n");
        if (session != null) {
            head.append("Mcp-Session-Id: ").append(session).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
        return s;
    }

    /** Waits (bounded) until every session has expired and the server holds none. */
    private static void awaitIdle(McpServer server, McpHttpServer http) throws InterruptedException {
        Poll.until(
                "every session expired",
                () -> http.servlet().sessionCount() == 0 && server.sessions().isEmpty(),
                Duration.ofSeconds(30));
    }

    /** Pool threads (jmcp-*) that are not waiting for a task: each is stuck in some work. */
    private static Map<String, String> busyThreads() {
        Map<String, String> busy = new TreeMap<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (!t.getName().startsWith("jmcp-handler")
                    && !t.getName().startsWith("jmcp-delivery")
                    && !t.getName().startsWith("jmcp-timer")) {
                return;
            }
            boolean idle = false;
            for (StackTraceElement e : stack) {
                if (e.getMethodName().equals("getTask")
                        || e.getMethodName().equals("idleJobPoll")
                        || e.getClassName().contains("ScheduledThreadPoolExecutor$DelayedWorkQueue")) {
                    idle = true;
                }
            }
            if (!idle) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < Math.min(stack.length, 12); i++) {
                    b.append("\n      at ").append(stack[i]);
                }
                busy.put(t.getName(), b.toString());
            }
        });
        return busy;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
