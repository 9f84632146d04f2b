package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.auth.JwtHardeningTest.MutableClock;
import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.IntrospectionTokenValidator;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Token introspection results are cached (security review D7), through a protected MCP endpoint on 127.0.0.1: a
 * flood of requests with one token reaches the introspection endpoint once per TTL.
 */
@Timeout(30)
class IntrospectionCacheTest {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoopbackServer as;
    private McpHttpServer http;
    private URI endpoint;
    private String resource;
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<IntrospectionTokenValidator> validator = new AtomicReference<>();

    private long shortExpiry;

    @BeforeEach
    void start() throws Exception {
        shortExpiry = clock.instant().getEpochSecond() + 5;
        as = new LoopbackServer();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        resource = "http://127.0.0.1:" + port + "/mcp";
        as.route("/introspect", req -> {
            String token = req.form().get("token");
            long now = clock.instant().getEpochSecond();
            if (token.startsWith("good")) {
                long exp = token.equals("good-short") ? shortExpiry : now + 3600;
                return Reply.json(
                        200, "{\"active\":true,\"sub\":\"u\",\"aud\":\"" + resource + "\",\"exp\":" + exp + "}");
            }
            if (token.equals("broken") && failures.getAndIncrement() < 100) {
                return Reply.status(503);
            }
            sleep(50); // concurrent callers overlap
            return Reply.json(200, "{\"active\":false}");
        });
        configure(b -> b);
        serve(port);
    }

    /** Swaps the validator behind the running endpoint. */
    private void configure(Function<IntrospectionTokenValidator.Builder, IntrospectionTokenValidator.Builder> c) {
        validator.set(c.apply(IntrospectionTokenValidator.builder()
                        .endpoint(URI.create(as.url() + "/introspect"))
                        .audience(resource)
                        .clock(clock)
                        .cacheTtl(Duration.ofSeconds(60))
                        .negativeCacheTtl(Duration.ofSeconds(30)))
                .build());
    }

    private void serve(int port) {
        ResourceServerAuth auth = ResourceServerAuth.builder()
                .resource(resource)
                .authorizationServers(List.of("https://as.example.com"))
                .tokenValidator(token -> validator.get().validate(token))
                .build();
        http = McpHttpServer.builder(McpServer.builder().name("p").version("1").build())
                .port(port)
                .authorization(auth)
                .start();
        endpoint = http.uri();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        as.close();
    }

    private int call(String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(
                        HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
                .build();
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private long hits(String token) {
        return as.requests("/introspect").stream()
                .filter(r -> token.equals(r.form().get("token")))
                .count();
    }

    @Test
    void introspectionFloodWithOneBadTokenHitsTheEndpointOncePerTtl() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(pool.submit(() -> call("bad-token")));
            }
            for (Future<Integer> f : calls) {
                assertThat(f.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(call("bad-token")).isEqualTo(401);
        }
        assertThat(hits("bad-token")).as("one introspection for 84 requests").isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(call("bad-token")).isEqualTo(401);
        assertThat(call("bad-token")).isEqualTo(401);
        assertThat(hits("bad-token")).as("again once after the negative TTL").isEqualTo(2);
    }

    @Test
    void anAcceptedTokenIsCachedButNeverBeyondItsExpiry() throws Exception {
        configure(b -> b.clockSkew(Duration.ZERO));
        assertThat(call("good-short")).isEqualTo(200);
        assertThat(call("good-short")).isEqualTo(200);
        assertThat(hits("good-short")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        assertThat(call("good-short"))
                .as("expired: the cache entry ended with the token")
                .isEqualTo(401);
        assertThat(hits("good-short")).isEqualTo(2);

        for (int i = 0; i < 10; i++) {
            assertThat(call("good-long")).isEqualTo(200);
        }
        assertThat(hits("good-long")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        assertThat(call("good-long")).isEqualTo(200);
        assertThat(hits("good-long")).as("asked again after the TTL").isEqualTo(2);
    }

    @Test
    void failuresOfTheEndpointItselfAreNotCached() throws Exception {
        assertThat(call("broken")).isEqualTo(401);
        assertThat(call("broken")).isEqualTo(401);
        assertThat(hits("broken")).isEqualTo(2);
    }

    @Test
    void theCacheIsBoundedInEntries() throws Exception {
        configure(b -> b.maxCacheEntries(2));
        assertThat(call("bad-1")).isEqualTo(401);
        assertThat(call("bad-2")).isEqualTo(401);
        assertThat(call("bad-1")).isEqualTo(401);
        assertThat(hits("bad-1")).as("still cached").isEqualTo(1);
        assertThat(call("bad-3")).isEqualTo(401); // evicts bad-2, the least recently used
        assertThat(call("bad-1")).isEqualTo(401);
        assertThat(call("bad-2")).isEqualTo(401);
        assertThat(hits("bad-1")).isEqualTo(1);
        assertThat(hits("bad-2")).as("evicted, asked again").isEqualTo(2);
    }

    @Test
    void aZeroTtlAsksEveryTime() throws Exception {
        configure(b -> b.negativeCacheTtl(Duration.ZERO));
        assertThat(call("bad-z")).isEqualTo(401);
        assertThat(call("bad-z")).isEqualTo(401);
        assertThat(hits("bad-z")).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
