package dev.jmcp.transport.stdio;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.McpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Round trips per second over stdio on one connection (no JMH): launches the test server as a subprocess and
 * times N sequential and N concurrent calls. Run with the test classpath:
 * {@code java -cp ... dev.jmcp.transport.stdio.StdioRoundTripBenchmark [N] [inFlight]}.
 */
public final class StdioRoundTripBenchmark {
    private StdioRoundTripBenchmark() {}

    /** Runs the benchmark and prints one line per measurement. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        System.out.printf(
                "JDK %s (%s), %d cores, N=%d, %d in flight%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                n,
                inFlight);

        StdioClientTransport mcp = StdioClientTransport.builder(TestProcesses.java(false, McpStdioServerMain.class))
                .build();
        try (McpClient client = McpClient.builder()
                .transport(mcp)
                .clientInfo("bench", "1.0.0")
                .protocolVersion(ProtocolVersion.LATEST_HANDSHAKE)
                .requestTimeout(Duration.ofSeconds(60))
                .build()) {
            client.connect();
            run("McpClient -> McpServer, ping (2025-11-25)", n, inFlight, () -> client.async()
                    .ping());
            Map<String, Object> toolArgs = Map.of("text", "hello");
            run("McpClient -> McpServer, tools/call (2025-11-25)", n, inFlight, () -> client.async()
                    .callTool("echo", toolArgs));
        }

        StdioClientTransport stateless = StdioClientTransport.builder(
                        TestProcesses.java(false, McpStdioServerMain.class))
                .build();
        try (McpClient client = McpClient.builder()
                .transport(stateless)
                .clientInfo("bench", "1.0.0")
                .requestTimeout(Duration.ofSeconds(60))
                .build()) {
            client.connect();
            Map<String, Object> toolArgs = Map.of("text", "hello");
            run("McpClient -> McpServer, tools/call (2026-07-28)", n, inFlight, () -> client.async()
                    .callTool("echo", toolArgs));
        }

        StdioClientTransport raw = StdioClientTransport.builder(
                        TestProcesses.java(false, RawStdioServerMain.class, "serve"))
                .build();
        try (McpSession session = McpSession.builder(raw)
                .requestTimeout(Duration.ofSeconds(60))
                .build()
                .start()) {
            JsonNode params = McpJson.parse("{\"text\":\"hello\"}");
            run("raw McpSession -> McpSession, echo", n, inFlight, () -> session.request("echo", params));
        }
    }

    private static void run(String name, int n, int inFlight, Supplier<CompletableFuture<?>> call) throws Exception {
        // warm-up: JIT both sides
        concurrent(Math.min(n, 5_000), inFlight, call);
        sequential(Math.min(n / 4, 2_000), call);

        long t0 = System.nanoTime();
        sequential(n, call);
        double seqSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        concurrent(n, inFlight, call);
        double conSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
                "%-48s sequential: %8.0f round trips/s (%.1f us each)   concurrent: %8.0f round trips/s%n",
                name, n / seqSeconds, seqSeconds * 1e6 / n, n / conSeconds);
    }

    private static void sequential(int n, Supplier<CompletableFuture<?>> call) throws Exception {
        for (int i = 0; i < n; i++) {
            call.get().get(30, TimeUnit.SECONDS);
        }
    }

    private static void concurrent(int n, int inFlight, Supplier<CompletableFuture<?>> call) throws Exception {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer within 30 s");
            }
            CompletableFuture<?> f = call.get();
            f.whenComplete((ok, e) -> permits.release());
            all.add(f);
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
    }
}
