package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.SessionTestSupport.INITIALIZE;
import static dev.jmcp.transport.http.SessionTestSupport.echo;
import static dev.jmcp.transport.http.SessionTestSupport.headers;
import static dev.jmcp.transport.http.SessionTestSupport.postRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A POST that races a DELETE or an expiry of its session is always answered: 404 with a JSON-RPC error, or 200 with
 * the answer (or the empty response the close ended), never a hang; afterwards no session and no thread is left
 * (#14).
 */
@Timeout(60)
class PostRacingDeleteAndExpiryTest {
    private static final int ITERATIONS = 1_000;
    private static final int WORKERS = 4;
    private static final Duration SHORT = Duration.ofMillis(10);

    @Test
    void everyPostRacingADeleteOrAnExpiryIsAnsweredAndNothingIsLeftBehind() throws Exception {
        FakeServer fake = new FakeServer();
        AtomicInteger clientThreads = new AtomicInteger();
        ExecutorService clientPool = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "race-client-" + clientThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "race-worker");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder()
                .executor(clientPool)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try (McpHttpServer http = McpHttpServer.builder(fake)
                .sessionInitializationTimeout(SHORT)
                .servlet(s -> s.sessionIdleTimeout(SHORT).keepAliveInterval(Duration.ofMillis(50)))
                .start()) {
            URI uri = http.uri();
            race(client, uri, 20, workers); // warm up pools and classes, so they are part of the baseline
            Poll.until("warm-up sessions expired", () -> http.servlet().sessionCount() == 0);
            int baseline = countedThreads();

            long started = System.nanoTime();
            Map<String, Integer> outcomes = race(client, uri, ITERATIONS, workers);
            long raceMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum())
                    .as("every POST was answered: %s in %d ms", outcomes, raceMillis)
                    .isEqualTo(ITERATIONS);
            assertThat(outcomes).containsKeys("404", "200");
            Poll.until("the session table is empty", () -> http.servlet().sessionCount() == 0);
            Poll.until("every server session closed", () -> fake.sessions.stream()
                    .allMatch(s -> s.closeFuture().isDone()));
            Poll.until(
                    "the thread count returned to its baseline " + baseline,
                    () -> countedThreads() <= baseline,
                    Duration.ofSeconds(10));
        } finally {
            workers.shutdownNow();
            clientPool.shutdownNow();
        }
    }

    @Test
    void aGetStreamRacingADeleteAlwaysEnds() throws Exception {
        try (McpHttpServer http = McpHttpServer.builder(new FakeServer()).start()) {
            URI uri = http.uri();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < 200; i++) {
                String session = SessionTestSupport.initialize(uri, null);
                var stream = SessionTestSupport.CLIENT.sendAsync(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .header("Accept", "text/event-stream")
                                .header("Mcp-Session-Id", session)
                                .header("MCP-Protocol-Version", "2025-11-25")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                SessionTestSupport.delete(uri, headers(session, null));
                statuses.merge(stream.get(10, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
            }
            assertThat(statuses.keySet()).as("%s", statuses).isSubsetOf(200, 404);
            Poll.until("the session table is empty", () -> http.servlet().sessionCount() == 0);
        }
    }

    /** Runs {@code iterations} races on {@code workers}; returns how POSTs were answered, by kind. */
    private static Map<String, Integer> race(HttpClient client, URI uri, int iterations, ExecutorService workers)
            throws Exception {
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            running.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < iterations; i = next.getAndIncrement()) {
                    String kind = iteration(client, uri, i);
                    outcomes.computeIfAbsent(kind, k -> new LongAdder()).increment();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(40, TimeUnit.SECONDS);
        }
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.intValue()));
        return counts;
    }

    /** One race: a POST against a DELETE (even iterations) or against the expiry (odd ones). */
    private static String iteration(HttpClient client, URI uri, int i) throws Exception {
        HttpResponse<String> init = client.send(
                postRequest(uri, INITIALIZE, headers(null, null)).build(), HttpResponse.BodyHandlers.ofString());
        if (init.statusCode() != 200) {
            // on a busy machine even the initialize may lose the race against the short initialization timeout
            return "initialize " + kindOf(init, 1);
        }
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpRequest post = postRequest(uri, echo(7), headers(session, null)).build();
        HttpResponse<String> answer;
        if (i % 2 == 0) {
            var posted = client.sendAsync(post, HttpResponse.BodyHandlers.ofString());
            var deleted = client.sendAsync(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(10))
                            .header("Mcp-Session-Id", session)
                            .header("MCP-Protocol-Version", "2025-11-25")
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            answer = posted.get(10, TimeUnit.SECONDS);
            assertThat(deleted.get(10, TimeUnit.SECONDS).statusCode()).isIn(200, 404);
        } else {
            Thread.sleep(ThreadLocalRandom.current().nextInt(2 * (int) SHORT.toMillis()));
            answer = client.send(post, HttpResponse.BodyHandlers.ofString());
        }
        return kindOf(answer, 7);
    }

    private static String kindOf(HttpResponse<String> r, int id) {
        if (r.statusCode() == 404) {
            JsonNode body = McpJson.parse(r.body());
            assertThat(body.path("error").path("code").intValue()).as(r.body()).isEqualTo(-32001);
            return "404";
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        if (r.body().isEmpty()) {
            return "200 ended by the close";
        }
        JsonNode body = McpJson.parse(r.body());
        assertThat(body.has("result") || body.has("error")).as(r.body()).isTrue();
        assertThat(body.path("id").intValue()).isEqualTo(id);
        return "200";
    }

    /**
     * Live threads that would betray a leak: every thread except Jetty's own pool and idle workers of the elastic
     * pools (handler and delivery pools on JDK 17, the HTTP client's), which time out by themselves.
     */
    private static int countedThreads() {
        int n = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e :
                Thread.getAllStackTraces().entrySet()) {
            String name = e.getKey().getName();
            if (!e.getKey().isAlive() || name.startsWith("jmcp-jetty")) {
                continue;
            }
            boolean elastic = name.startsWith("jmcp-handler")
                    || name.startsWith("jmcp-delivery")
                    || name.startsWith("race-client")
                    || name.startsWith("ForkJoinPool");
            if (elastic && isIdle(e.getValue())) {
                continue;
            }
            n++;
        }
        return n;
    }

    private static boolean isIdle(StackTraceElement[] stack) {
        for (StackTraceElement s : stack) {
            if (s.getMethodName().equals("getTask") || s.getMethodName().equals("awaitWork")) {
                return true;
            }
        }
        return false;
    }
}
