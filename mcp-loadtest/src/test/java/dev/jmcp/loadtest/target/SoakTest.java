package dev.jmcp.loadtest.target;

import static dev.jmcp.loadtest.target.RawHttp.abortedCall;
import static dev.jmcp.loadtest.target.RawHttp.busyThreads;
import static dev.jmcp.loadtest.target.RawHttp.initialize;
import static dev.jmcp.loadtest.target.RawHttp.post;
import static dev.jmcp.loadtest.target.RawHttp.usedHeapAfterGc;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The soak: a jmcp server on embedded Jetty under {@code mcp-loadtest} with session churn (a new session per
 * iteration, calls that time out and are cancelled) and, beside it, clients that disconnect at random (calls reset
 * mid-way, GET streams dropped, stateless calls abandoned, sessions never deleted, DELETEs racing calls), for
 * {@value #DURATION_PROPERTY} (the {@code soak} profile: 10 minutes). Heap after GC, live threads, open file
 * descriptors and sessions are sampled every 10 s; once the load stops and idle sessions expire, each must be back
 * near its value after the warm-up. The samples go to {@code target/soak-report.md} (summarised in
 * {@code docs/reliability.md}).
 */
@EnabledIfSystemProperty(named = SoakTest.DURATION_PROPERTY, matches = ".+")
class SoakTest {
    static final String DURATION_PROPERTY = "jmcp.soak.duration";
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofSeconds(2);

    record Sample(long atSeconds, long heapBytes, int threads, long fds, int sessions, long iterations, long chaos) {
        String row() {
            return "| " + atSeconds + " | " + heapBytes / (1024 * 1024) + " | " + threads + " | " + fds + " | "
                    + sessions + " | " + iterations + " | " + chaos + " |";
        }
    }

    @Test
    void serverUnderChurnAndRandomDisconnectsEndsFlat() throws Exception {
        Duration duration =
                Duration.parse("PT" + System.getProperty(DURATION_PROPERTY).toUpperCase());
        Duration warmUp = duration.dividedBy(10).compareTo(Duration.ofSeconds(60)) < 0
                ? duration.dividedBy(10)
                : Duration.ofSeconds(60);
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server)
                        .host("127.0.0.1")
                        .port(0)
                        // every simulated client comes from 127.0.0.1: lift the per-caller session quota
                        .servlet(s -> s.sessionIdleTimeout(IDLE)
                                .keepAliveInterval(Duration.ofMillis(500))
                                .maxSessionsPerPrincipal(100_000))
                        .start()) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong iterations = new AtomicLong();
            AtomicLong chaos = new AtomicLong();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            Thread load = new Thread(
                    () -> {
                        while (running.get()) {
                            try {
                                iterations.addAndGet(loadRound(http));
                            } catch (Throwable t) {
                                failures.add(t);
                                return;
                            }
                        }
                    },
                    "soak-load");
            load.start();
            Thread disconnects = new Thread(
                    () -> {
                        SplittableRandom random = new SplittableRandom(42);
                        while (running.get()) {
                            try {
                                disconnectAtRandom(http, random);
                                chaos.incrementAndGet();
                            } catch (IOException e) {
                                // a refused or reset connection is part of the game
                            } catch (Throwable t) {
                                failures.add(t);
                                return;
                            }
                        }
                    },
                    "soak-chaos");
            disconnects.start();
            List<Sample> samples = new ArrayList<>();
            Sample baseline = null;
            long deadline = start + duration.toNanos();
            while (System.nanoTime() < deadline && failures.isEmpty()) {
                Thread.sleep(
                        Math.min(SAMPLE_EVERY.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                Sample s = sample(start, server, iterations, chaos);
                samples.add(s);
                if (baseline == null
                        && Duration.ofNanos(System.nanoTime() - start).compareTo(warmUp) >= 0) {
                    baseline = s;
                }
            }
            running.set(false);
            load.join(60_000);
            disconnects.join(30_000);
            assertThat(failures).as("load or chaos failed").isEmpty();
            Poll.until(
                    "every session expired",
                    () -> http.servlet().sessionCount() == 0
                            && server.sessions().isEmpty(),
                    Duration.ofSeconds(60));
            Poll.until("no pool thread stuck in work", () -> busyThreads().isEmpty(), Duration.ofSeconds(30));
            Sample end = sample(start, server, iterations, chaos);
            samples.add(end);
            Sample base = baseline == null ? samples.get(0) : baseline;
            writeReport(duration, base, end, samples);

            assertThat(iterations.get()).as("load iterations").isPositive();
            assertThat(chaos.get()).as("random disconnects").isPositive();
            assertThat(end.sessions()).isZero();
            assertThat(end.heapBytes() - base.heapBytes())
                    .as("heap after GC grew from %d to %d bytes", base.heapBytes(), end.heapBytes())
                    .isLessThan(32L << 20);
            assertThat(end.threads()).as("live threads").isLessThanOrEqualTo(base.threads() + 16);
            if (base.fds() >= 0) {
                assertThat(end.fds()).as("open file descriptors").isLessThanOrEqualTo(base.fds() + 32);
            }
        }
    }

    /** A 15-second closed-model run with a new session per iteration; some calls time out and are cancelled. */
    private static long loadRound(McpHttpServer http) throws InterruptedException {
        try (McpTarget target = new McpTarget(TargetSpec.http(http.uri().toString()))) {
            LoadTestReport r = LoadTest.builder()
                    .target(target)
                    .closedModel(8)
                    .duration(Duration.ofSeconds(15))
                    .timeout(Duration.ofMillis(150))
                    .sessionMode(SessionMode.PER_ITERATION)
                    .scenario(Scenario.of(
                            "echo", 8, FlowStep.of(Operation.TOOLS_CALL, "echo", McpJson.parse("{\"text\":\"x\"}"))))
                    .scenario(Scenario.of(
                            "slow", 1, FlowStep.of(Operation.TOOLS_CALL, "slow", McpJson.parse("{\"ms\":300}"))))
                    .scenario(Scenario.of(
                            "read", 1, FlowStep.of(Operation.RESOURCES_READ, TestServers.RESOURCE_URI, null)))
                    .build()
                    .run();
            return r.generator().iterations();
        }
    }

    /** One client that misbehaves in one of five ways. */
    private static void disconnectAtRandom(McpHttpServer http, SplittableRandom random) throws IOException {
        switch (random.nextInt(5)) {
            case 0 -> abortedCall(http, handshake(http)); // reset mid-call, session never deleted
            case 1 -> droppedGetStream(http, handshake(http), random.nextInt(50));
            case 2 -> abandonedStatelessCall(http, random.nextInt(5));
            case 3 -> { // a DELETE racing a call on the same session
                String session = handshake(http);
                try (Socket call = RawHttp.send(
                        http,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                                + "\"arguments\":{\"ms\":20}}}")) {
                    delete(http, session);
                    call.setSoTimeout(10_000);
                    call.getInputStream().readAllBytes(); // answered, whatever the order
                }
            }
            default -> handshake(http); // a session left to expire
        }
    }

    private static String handshake(McpHttpServer http) throws IOException {
        String session = initialize(http);
        post(http, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", true);
        return session;
    }

    private static void droppedGetStream(McpHttpServer http, String session, int afterMillis) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + http.uri().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                            + "MCP-Protocol-Version: 2025-11-25\r\nMcp-Session-Id: " + session + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.setSoTimeout(10_000);
            s.getInputStream().readNBytes(12);
            sleep(afterMillis);
            s.setSoLinger(true, 0);
        }
    }

    private static void abandonedStatelessCall(McpHttpServer http, int afterMillis) throws IOException {
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                        + "\"arguments\":{\"ms\":50},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"soak\",\"version\":\"1\"},"
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + http.uri().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                            + "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\nMcp-Name: slow\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            sleep(afterMillis);
            s.setSoLinger(true, 0);
        }
    }

    private static void delete(McpHttpServer http, String session) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("DELETE " + http.uri().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                            + "MCP-Protocol-Version: 2025-11-25\r\nMcp-Session-Id: " + session + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.getInputStream().readAllBytes();
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Sample sample(long start, McpServer server, AtomicLong iterations, AtomicLong chaos) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long fds = os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
        return new Sample(
                (System.nanoTime() - start) / 1_000_000_000L,
                usedHeapAfterGc(),
                Thread.activeCount(),
                fds,
                server.sessions().size(),
                iterations.get(),
                chaos.get());
    }

    private static void writeReport(Duration duration, Sample base, Sample end, List<Sample> samples)
            throws IOException {
        StringBuilder md = new StringBuilder()
                .append("# Soak run (")
                .append(duration)
                .append(", JDK ")
                .append(Runtime.version())
                .append(")\n\n")
                .append("| s | heap MiB after GC | threads | open fds | sessions | load iterations | disconnects |\n")
                .append("|---|---|---|---|---|---|---|\n");
        samples.forEach(s -> md.append(s.row()).append('\n'));
        md.append("\nBaseline (after warm-up): ")
                .append(base.row())
                .append("\nEnd (load stopped, sessions expired): ")
                .append(end.row())
                .append('\n');
        Path out = Path.of("target", "soak-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }
}
