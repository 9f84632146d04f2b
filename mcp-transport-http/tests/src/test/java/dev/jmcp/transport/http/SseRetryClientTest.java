package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.session.Await;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The client against a scripted server shaped like the conformance suite's sse-retry mock: the tools/call stream
 * primes with {@code retry: 500} and ends without the result; the client must wait the retry delay, then GET
 * with {@code Last-Event-ID}, and take the result from there.
 */
@Timeout(30)
class SseRetryClientTest {
    private final BlockingQueue<String> gets = new LinkedBlockingQueue<>();
    private volatile long streamEndedNanos;
    private volatile long getNanos;

    private final class Mock extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            JsonNode body = McpJson.parse(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            String method = body.path("method").asString();
            if (!body.has("id")) {
                resp.setStatus(202);
                return;
            }
            long id = body.get("id").longValue();
            if ("initialize".equals(method)) {
                resp.setHeader("mcp-session-id", "session-1");
                resp.setContentType("application/json");
                resp.getWriter()
                        .write(
                                "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"protocolVersion\":\"2025-03-26\","
                                        + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"mock\",\"version\":\"1\"}}}");
                return;
            }
            resp.setContentType("text/event-stream");
            resp.getWriter().write("id: event-1\nretry: 500\ndata: \n\n");
            resp.getWriter().flush();
            pendingId = id;
            streamEndedNanos = System.nanoTime();
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String last = req.getHeader("Last-Event-ID");
            if (last == null) {
                resp.setStatus(405);
                return;
            }
            getNanos = System.nanoTime();
            gets.add(last);
            resp.setContentType("text/event-stream");
            resp.getWriter().write("id: event-2\nretry: 500\ndata: \n\n");
            resp.getWriter()
                    .write("event: message\nid: event-3\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + pendingId
                            + ",\"result\":{\"content\":[]}}\n\n");
        }
    }

    private volatile long pendingId;

    @Test
    void endedStreamIsResumedWithLastEventIdAfterTheRetryDelay() throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Mock()), "/");
        jetty.setHandler(context);
        jetty.start();
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        try (McpSession client = McpSession.builder(StreamableHttpClientTransport.create(uri))
                .build()
                .start()) {
            Await.result(
                    client.request("initialize", FakeServer.initializeParams("2025-03-26")), Duration.ofSeconds(10));
            Await.result(client.notify("notifications/initialized", null), Duration.ofSeconds(10));
            JsonNode result = Await.result(
                    client.request("tools/call", McpJson.object().put("name", "test_reconnection")),
                    Duration.ofSeconds(10));
            assertThat(result.has("content")).isTrue();
            assertThat(gets.poll(1, TimeUnit.SECONDS)).isEqualTo("event-1");
            assertThat(gets).isEmpty();
            long waitedMillis = (getNanos - streamEndedNanos) / 1_000_000;
            assertThat(waitedMillis)
                    .as("waited the retry delay before resuming")
                    .isGreaterThanOrEqualTo(450);
        } finally {
            jetty.stop();
        }
    }
}
