package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import dev.jmcp.transport.http.servlet.internal.StatelessExchange;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stateless POSTs are served by a lightweight {@link StatelessExchange} that ends with its answer. */
@Timeout(30)
class StatelessExchangeTest {
    private static final String META_2026 = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final FakeServer fake = new FakeServer();
    private final List<McpHttpServer> servers = new ArrayList<>();

    private URI start(Consumer<McpHttpServlet.Builder> config) {
        McpHttpServer http = McpHttpServer.builder(fake).port(0).servlet(config).start();
        servers.add(http);
        return http.uri();
    }

    @AfterEach
    void stop() {
        servers.forEach(McpHttpServer::close);
    }

    @Test
    void statelessModePostIsAnsweredByAnExchangeThatClosesAfterwards() throws Exception {
        URI uri = start(s -> s.stateless(true));
        HttpResponse<String> r = post(uri, request(3, "echo", "{\"x\":1}"), Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(McpJson.parse(r.body()).get("result").get("x").intValue()).isEqualTo(1);
        assertThat(fake.transports).singleElement().isInstanceOf(StatelessExchange.class);
        StatelessExchange exchange = (StatelessExchange) fake.transports.get(0);
        Poll.until("the exchange closed", exchange::isClosed);
        Poll.until("the session closed", () -> !fake.sessions.get(0).isOpen());
    }

    @Test
    void sessionless2026PostIsAnExchangeAndOpensNoSession() throws Exception {
        McpHttpServer http = McpHttpServer.builder(fake).port(0).start();
        servers.add(http);
        HttpResponse<String> r = post(
                http.uri(),
                request(4, "echo", "{\"_meta\":" + META_2026 + "}"),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "echo"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(fake.transports).singleElement().isInstanceOf(StatelessExchange.class);
        assertThat(http.servlet().sessionCount()).isZero();
        assertThat(((StatelessExchange) fake.transports.get(0))
                        .closeRequestStream(dev.jmcp.core.jsonrpc.RequestId.of(4)))
                .isFalse();
    }

    @Test
    void droppingTheConnectionCancelsTheExchangesRequestAndClosesIt() throws Exception {
        URI uri = start(s -> s.keepAliveInterval(Duration.ofMillis(50)));
        String body = request(9, "slow", "{\"_meta\":" + META_2026 + "}");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
                            + "\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json\r\n"
                            + "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: slow\r\nContent-Length: " + bytes.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            Poll.until("a transport connected", () -> !fake.transports.isEmpty());
            // the answer started as SSE (after the keep-alive interval) so that the disconnect becomes visible
            byte[] head = new byte[12];
            assertThat(socket.getInputStream().readNBytes(head, 0, head.length)).isEqualTo(head.length);
            assertThat(new String(head, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
        assertThat(fake.cancelled.poll(10, TimeUnit.SECONDS)).isEqualTo("9");
        StatelessExchange exchange = (StatelessExchange) fake.transports.get(0);
        Poll.until("the exchange closed", exchange::isClosed);
    }
}
