package dev.jmcp.loadtest.internal;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.loadtest.McpScenarioSettings.Trigger;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.loadtest.target.TargetSpec;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The MCP clients of the scenarios that run next to the load: one HTTP client each scenario shares, own sessions. */
final class DeepClients implements AutoCloseable {
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final TargetSpec spec;
    private final ExecutorService executor;
    private final HttpClient http;

    DeepClients(TargetSpec spec, String name) {
        this.spec = spec;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jmcp-loadtest-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    /** Whether the spec is an HTTP target (the scenarios next to the load need one). */
    static boolean supports(TargetSpec spec) {
        return spec != null
                && !spec.isStdio()
                && spec.url().toLowerCase(Locale.ROOT).startsWith("http");
    }

    HttpClient http() {
        return http;
    }

    URI uri() {
        return URI.create(spec.url());
    }

    TargetSpec spec() {
        return spec;
    }

    /**
     * A connected client: 2026-07-28 when {@code stateless}, else the newest handshake revision; with the
     * standalone GET stream when {@code getStream}.
     */
    McpClient open(boolean stateless, boolean getStream, Consumer<McpClientBuilder> customize) {
        McpClientBuilder b = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(uri())
                        .headers(spec.headers())
                        .httpClient(http)
                        .openGetStream(getStream)
                        .build())
                .clientInfo("jmcp-loadtest", "0.1.0")
                .protocolVersion(stateless ? ProtocolVersion.V2026_07_28 : ProtocolVersion.LATEST_HANDSHAKE)
                .requestTimeout(OPEN_TIMEOUT)
                .discoveryTimeout(OPEN_TIMEOUT)
                .validateToolOutput(false);
        customize.accept(b);
        McpClient client = b.build();
        try {
            client.connect();
            return client;
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    /** Sends the trigger; never throws for server failures. */
    static StepOutcome trigger(McpClient client, Trigger t, Duration timeout) {
        CallOptions options =
                CallOptions.builder().timeout(timeout).totalTimeout(timeout).build();
        try {
            if (t.tool() != null) {
                var r = client.callTool(t.tool(), t.arguments() == null ? McpJson.object() : t.arguments(), options);
                return Boolean.TRUE.equals(r.isError())
                        ? StepOutcome.toolError(McpJson.toTree(r))
                        : StepOutcome.success(null);
            }
            client.request(t.method(), t.params(), options);
            return StepOutcome.success(null);
        } catch (RuntimeException e) {
            return McpOutcomes.classify(e);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    /** Ends the shared HTTP client's threads. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            http.getClass().getMethod("shutdownNow").invoke(http);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 17: the client's selector thread ends when the client is collected
        }
    }

    /** Sleeps until {@code deadlineNanos} or until interrupted; returns false when interrupted. */
    static boolean sleepUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return true;
        }
        try {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts a daemon thread. */
    static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
