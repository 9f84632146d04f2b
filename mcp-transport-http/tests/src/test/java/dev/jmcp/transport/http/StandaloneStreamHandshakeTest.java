package dev.jmcp.transport.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The handshake-era client and its standalone GET stream, against a scripted HTTP server: {@code connect()} returns
 * once the GET stream got its answer (what a server sends right after the handshake goes to that stream, and a
 * server without an event store drops it while no GET is connected).
 */
@Timeout(30)
class StandaloneStreamHandshakeTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicInteger initializes = new AtomicInteger();
    private HttpServer http;

    @AfterEach
    void stopServer() {
        stop.countDown();
        if (http != null) {
            http.stop(0);
        }
    }

    /** A server whose GET answers after {@code getDelayMillis}: 200 SSE for the current session, 404 for another. */
    private URI start(long getDelayMillis) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-mcp");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/mcp", exchange -> {
            try (exchange) {
                switch (exchange.getRequestMethod()) {
                    case "GET" -> get(exchange, getDelayMillis);
                    case "POST" -> post(exchange);
                    default -> exchange.sendResponseHeaders(200, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/mcp");
    }

    private void get(HttpExchange exchange, long delayMillis) throws IOException, InterruptedException {
        String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
        Thread.sleep(delayMillis);
        if (!("s" + initializes.get()).equals(session)) {
            events.add("GET 404 " + session);
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().flush();
        events.add("GET answered " + session);
        stop.await(20, TimeUnit.SECONDS); // an idle standalone stream until the test ends
    }

    private void post(HttpExchange exchange) throws IOException {
        JsonNode message = McpJson.parse(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
        String method = message.path("method").asString("");
        if (!message.has("id")) {
            exchange.sendResponseHeaders(202, -1);
            return;
        }
        events.add(method);
        String result;
        if (method.equals("initialize")) {
            exchange.getResponseHeaders().set("Mcp-Session-Id", "s" + initializes.incrementAndGet());
            result = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},"
                    + "\"serverInfo\":{\"name\":\"scripted\",\"version\":\"1\"}}";
        } else {
            result = "{\"tools\":[]}";
        }
        byte[] bytes =
                ("{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + ",\"result\":" + result + "}").getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static McpClient client(StreamableHttpClientTransport transport) {
        return McpClient.builder()
                .transport(transport)
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void connectReturnsOnceTheStandaloneStreamIsOpen() throws Exception {
        URI uri = start(300);
        try (McpClient client = client(StreamableHttpClientTransport.create(uri))) {
            client.connect();
            client.listTools();
        }
        assertThat(events).containsSubsequence("initialize", "GET answered s1", "tools/list");
    }
}
