package dev.jmcp.transport.http.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Regression tests for what {@link StreamableHttpEndpointFuzzTest} found. */
@Timeout(30)
class FuzzFindingsTest {

    /**
     * A POST refused before its body was read (here: 415) used to be answered on a keep-alive connection that the
     * container then closed when the body arrived, so a keep-alive client's next request failed with "received no
     * bytes". The refusal now says {@code Connection: close}.
     */
    @Test
    void aPostRefusedBeforeItsBodyWasReadSaysConnectionClose() throws Exception {
        try (McpServer server = McpServer.builder().name("f").version("1").build();
                McpHttpServer http =
                        McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
                Socket socket = new Socket("127.0.0.1", http.uri().getPort())) {
            socket.setSoTimeout(10_000);
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + http.uri().getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: text/plain\r\nAccept: application/json, text/event-stream\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = readHead(socket.getInputStream());
            out.write(body); // the body arrives after the refusal, as a slow client's would
            out.flush();
            assertThat(head).startsWith("HTTP/1.1 415");
            assertThat(head.toLowerCase()).contains("connection: close");
        }
    }

    /**
     * A request the client cancels gets no answer; its POST stream used to wait for one forever (the fuzz's
     * {@code notifications/cancelled} for a concurrent request's id). It now ends once it awaits nothing else.
     */
    @Test
    void thePostStreamOfARequestTheClientCancelledEnds() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        McpServer server = McpServer.builder()
                .name("f")
                .version("1")
                .tool(
                        dev.jmcp.core.protocol.tools.Tool.builder(
                                        "sleep", dev.jmcp.core.McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            started.countDown();
                            Thread.sleep(30_000);
                            return dev.jmcp.core.protocol.tools.CallToolResult.text("woke");
                        })
                .build();
        try (server;
                McpHttpServer http =
                        McpHttpServer.builder(server).host("127.0.0.1").port(0).start()) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.URI uri = http.uri();
            java.net.http.HttpResponse<String> init = client.send(
                    post(
                            uri,
                            null,
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                                    + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                    + "\"clientInfo\":{\"name\":\"f\",\"version\":\"1\"}}}"),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            client.send(
                    post(uri, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            var call = client.sendAsync(
                    post(
                            uri,
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{"
                                    + "\"name\":\"sleep\",\"arguments\":{}}}"),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            client.send(
                    post(
                            uri,
                            session,
                            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                                    + "\"params\":{\"requestId\":7,\"reason\":\"changed my mind\"}}"),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            java.net.http.HttpResponse<java.io.InputStream> stream =
                    call.get(10, java.util.concurrent.TimeUnit.SECONDS);
            byte[] body = FuzzInputs.readBounded(stream.body(), java.time.Duration.ofSeconds(10));
            assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("woke");
        }
    }

    private static java.net.http.HttpRequest post(java.net.URI uri, String session, String body) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(java.time.Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b.build();
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
