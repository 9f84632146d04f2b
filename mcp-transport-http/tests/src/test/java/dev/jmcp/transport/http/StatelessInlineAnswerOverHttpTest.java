package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.HandlerExecution;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.Progress;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lightweight stateless answer (issue #19) through a real McpHttpServer: a handler run inline answers on the
 * request thread with {@code Content-Length}; one that reports progress first still answers as SSE, progress
 * first; a body that arrives after the headers is still read (the asynchronous read); an inline handler that
 * outlives the keep-alive interval answers on the SSE stream the keep-alive sweep started meanwhile.
 */
@Timeout(30)
class StatelessInlineAnswerOverHttpTest {
    private final List<McpHttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(McpHttpServer::close);
    }

    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private URI start(HandlerExecution execution) {
        return start(execution, Duration.ofSeconds(15));
    }

    private URI start(HandlerExecution execution, Duration keepAlive) {
        McpServer server = McpServer.builder()
                .name("inline")
                .version("1")
                .handlerExecution(execution)
                .tool(
                        Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (request, ctx) -> CallToolResult.text("echoed"))
                .tool(
                        Tool.builder("progress", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (request, ctx) -> {
                            ctx.progress(Progress.of(1));
                            return CallToolResult.text("done");
                        })
                .tool(
                        Tool.builder("slow", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (request, ctx) -> {
                            slowStarted.countDown();
                            release.await(10, TimeUnit.SECONDS);
                            return CallToolResult.text("slow");
                        })
                .build();
        McpHttpServer http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.stateless(true).keepAliveInterval(keepAlive))
                .start();
        servers.add(http);
        return http.uri();
    }

    @Test
    void anInlineAnswerIsPlainJsonWithContentLength() throws Exception {
        URI uri = start(HandlerExecution.INLINE);
        HttpResponse<String> r = post(uri, request(1, "tools/call", "{\"name\":\"echo\",\"arguments\":{}}"), Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.headers().firstValueAsLong("Content-Length"))
                .hasValue(r.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(McpJson.parse(r.body()).at("/result/content/0/text").asString())
                .isEqualTo("echoed");
    }

    @Test
    void anInlineHandlerThatReportsProgressAnswersAsSseWithTheProgressFirst() throws Exception {
        URI uri = start(HandlerExecution.INLINE);
        HttpResponse<String> r = post(
                uri,
                request(2, "tools/call", "{\"name\":\"progress\",\"arguments\":{},\"_meta\":{\"progressToken\":7}}"),
                Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        int progress = r.body().indexOf("notifications/progress");
        assertThat(progress).isPositive();
        assertThat(r.body().indexOf("\"done\"")).isGreaterThan(progress);
    }

    @Test
    void anInlineUnknownMethodIsAnsweredAtOnceWithItsError() throws Exception {
        URI uri = start(HandlerExecution.INLINE);
        HttpResponse<String> r = post(uri, request(3, "no/such/method", "{}"), Map.of());
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(McpJson.parse(r.body()).at("/error/code").intValue()).isEqualTo(-32601);
    }

    @Test
    void aBodyThatArrivesAfterTheHeadersIsStillRead() throws Exception {
        for (HandlerExecution execution : List.of(HandlerExecution.INLINE, HandlerExecution.HAND_OFF)) {
            URI uri = start(execution);
            byte[] body = request(4, "tools/call", "{\"name\":\"echo\",\"arguments\":{}}")
                    .getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
                                + "\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json"
                                + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200); // the servlet starts with the headers alone: the body is read as it comes
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(100);
                out.write(body, 10, body.length - 10);
                out.flush();
                String answer = readAll(socket.getInputStream());
                assertThat(answer)
                        .as(execution.name())
                        .startsWith("HTTP/1.1 200")
                        .contains("echoed");
            }
        }
    }

    @Test
    void anInlineHandlerThatOutlivesTheKeepAliveIntervalAnswersOnTheSseStreamTheSweepStarted() throws Exception {
        URI uri = start(HandlerExecution.INLINE, Duration.ofMillis(50));
        byte[] body =
                request(5, "tools/call", "{\"name\":\"slow\",\"arguments\":{}}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
                            + "\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json"
                            + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
            // the keep-alive sweep starts the answer as SSE while the handler still runs on the request thread
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).startsWith("HTTP/1.1 200");
            release.countDown();
            String rest = readAll(in);
            assertThat(rest).contains("text/event-stream").contains("\"slow\"");
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
