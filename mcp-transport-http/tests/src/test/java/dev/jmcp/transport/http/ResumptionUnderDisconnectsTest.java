package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.initialize;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Resumption under random disconnects (issue #14): a tool streams numbered notifications on its own response
 * stream while the client drops the connection (TCP reset) at random points, including in the middle of an event,
 * and resumes with {@code GET} + {@code Last-Event-ID}; over 1,000 forced disconnects every message arrives exactly
 * once, in order, and the result exactly once.
 */
@Timeout(60)
class ResumptionUnderDisconnectsTest {
    private static final int DISCONNECTS = 1000;
    private static final int NOTIFICATIONS_PER_CALL = 300;

    @Test
    void everyMessageArrivesExactlyOnceInOrderAcrossAThousandForcedDisconnects() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        StreamsPeer peer = new StreamsPeer();
        try (McpHttpServer http = McpHttpServer.builder(peer)
                .servlet(s -> s.eventStore(new InMemoryEventStore(1_000_000, 1L << 30, 1L << 30))
                        .retryInterval(Duration.ofMillis(10))
                        .primingDelay(Duration.ZERO))
                .start()) {
            URI uri = http.uri();
            String session = initialize(uri);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Mcp-Session-Id", session);
            headers.put("MCP-Protocol-Version", "2025-11-25");
            int disconnects = 0;
            long requestId = 100;
            while (disconnects < DISCONNECTS) {
                requestId++;
                List<Integer> seen = new ArrayList<>();
                int results = 0;
                String lastId = null;
                Map<String, String> post = new LinkedHashMap<>(headers);
                post.put("Accept", "application/json, text/event-stream");
                RawSse conn = RawSse.open(
                        uri,
                        "POST",
                        post,
                        request(requestId, "emit", "{\"count\":" + NOTIFICATIONS_PER_CALL + ",\"pauseEvery\":10}"));
                assertThat(conn.status()).isEqualTo(200);
                assertThat(conn.header("Content-Type")).startsWith("text/event-stream");
                while (true) {
                    int budget = random.nextInt(6);
                    int read = 0;
                    boolean ended = false;
                    while (lastId == null || read < budget || disconnects >= DISCONNECTS || results > 0) {
                        RawSse.Event event = conn.next();
                        if (event == null) {
                            ended = true;
                            break;
                        }
                        read++;
                        if (event.id() != null) {
                            lastId = event.id();
                        }
                        if (event.data().isEmpty()) {
                            continue;
                        }
                        JsonNode message = McpJson.parse(event.data());
                        if (message.has("method")) {
                            seen.add(message.path("params").path("i").intValue());
                        } else {
                            assertThat(message.path("id").longValue()).isEqualTo(requestId);
                            results++;
                        }
                    }
                    if (ended) {
                        conn.close();
                        assertThat(results)
                                .as(
                                        "the stream ended after %d notifications, last id %s, %d disconnects (seed %d)",
                                        seen.size(), lastId, disconnects, seed)
                                .isEqualTo(1);
                        break; // the server ended the stream after the result
                    }
                    conn.skip(random.nextInt(60)); // drop somewhere in the middle of the next event
                    conn.reset();
                    disconnects++;
                    conn = resume(uri, headers, lastId);
                    assertThat(conn.status())
                            .as("resumption %d from %s (seed %d)", disconnects, lastId, seed)
                            .isEqualTo(200);
                }
                assertThat(results)
                        .as("results of request %d (seed %d)", requestId, seed)
                        .isEqualTo(1);
                assertThat(seen)
                        .as("notifications of request %d (seed %d)", requestId, seed)
                        .containsExactlyElementsOf(IntStream.range(0, NOTIFICATIONS_PER_CALL)
                                .boxed()
                                .toList());
            }
            assertThat(disconnects).isEqualTo(DISCONNECTS);
        }
    }

    private static RawSse resume(URI uri, Map<String, String> headers, String lastId) throws java.io.IOException {
        Map<String, String> resume = new LinkedHashMap<>(headers);
        resume.put("Accept", "text/event-stream");
        resume.put("Last-Event-ID", lastId);
        return RawSse.open(uri, "GET", resume, null);
    }
}
