package dev.jmcp.loadtest.target;

import static dev.jmcp.loadtest.target.RawHttp.abortedCall;
import static dev.jmcp.loadtest.target.RawHttp.busyThreads;
import static dev.jmcp.loadtest.target.RawHttp.initialize;
import static dev.jmcp.loadtest.target.RawHttp.post;
import static dev.jmcp.loadtest.target.RawHttp.usedHeapAfterGc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.testsupport.Threads;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void churnedServerReturnsToBaselineOnceIdleSessionsExpire() throws Exception {
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server)
                        .host("127.0.0.1")
                        .port(0)
                        // every simulated client comes from 127.0.0.1: lift the per-caller session quota
                        .servlet(s -> s.sessionIdleTimeout(IDLE)
                                .keepAliveInterval(Duration.ofMillis(50))
                                .maxSessionsPerPrincipal(100_000))
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

    /** Waits (bounded) until every session has expired and the server holds none. */
    private static void awaitIdle(McpServer server, McpHttpServer http) throws InterruptedException {
        Poll.until(
                "every session expired",
                () -> http.servlet().sessionCount() == 0 && server.sessions().isEmpty(),
                Duration.ofSeconds(30));
    }
}
