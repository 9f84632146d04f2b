package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.Await;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.transport.http.client.McpSessionExpiredException;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.client.auth.HttpAuthorizer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import dev.jmcp.transport.http.servlet.internal.ServerTransport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The client transport against the servlet on loopback Jetty. */
@Timeout(30)
class StreamableHttpClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeServer fake = new FakeServer();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private URI start(Consumer<McpHttpServlet.Builder> config) {
        McpHttpServer http = McpHttpServer.builder(fake)
                .servlet(s -> {
                    s.retryInterval(Duration.ofMillis(50));
                    config.accept(s);
                })
                .start();
        resources.add(http);
        return http.uri();
    }

    private McpSession client(Transport transport) {
        McpSession session = McpSession.builder(transport)
                .notificationHandler(
                        "notifications/message",
                        n -> messages.add(String.valueOf(n.params().get("i").intValue())))
                .build()
                .start();
        resources.add(session);
        return session;
    }

    private static void initialize(McpSession client) {
        Await.result(client.request("initialize", FakeServer.initializeParams("2025-11-25")), WAIT);
        client.setProtocolVersion(ProtocolVersion.V2025_11_25);
        Await.result(client.notify("notifications/initialized", null), WAIT);
    }

    @Test
    void expiredSessionSurfacesAs404AndTheClientReinitializes() throws Exception {
        URI uri = start(s -> {});
        StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(uri);
        McpSession client = client(transport);
        initialize(client);
        String first = transport.sessionId();
        assertThat(first).isNotNull();
        fake.transports.get(0).close();

        assertThatThrownBy(() -> Await.result(client.request("echo", McpJson.object()), WAIT))
                .hasRootCauseInstanceOf(McpSessionExpiredException.class);
        assertThat(transport.sessionId()).isNull();

        initialize(client);
        assertThat(transport.sessionId()).isNotNull().isNotEqualTo(first);
        assertThat(Await.result(client.request("echo", McpJson.object().put("k", 1)), WAIT)
                        .get("k")
                        .intValue())
                .isEqualTo(1);
    }

    @Test
    void forcedDisconnectsLoseAndDuplicateNothing() throws Exception {
        URI uri = start(s -> {});
        McpSession client = client(StreamableHttpClientTransport.create(uri));
        initialize(client);
        JsonNode result = Await.result(
                client.request("stream", McpJson.object().put("count", 60).put("closeEvery", 7)), WAIT);
        assertThat(result.get("count").intValue()).isEqualTo(60);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            expected.add(String.valueOf(i));
        }
        assertThat(messages).containsExactlyElementsOf(expected);
    }

    @Test
    void postStreamEndingBeforeItsResponseIsResumedWithGet() throws Exception {
        URI uri = start(s -> {});
        McpSession client = client(StreamableHttpClientTransport.create(uri));
        initialize(client);
        JsonNode result = Await.result(client.request("reconnect", McpJson.object()), WAIT);
        assertThat(result.get("resumed").booleanValue()).isTrue();
    }

    @Test
    void sessionVersionAndCustomHeadersAreSent() throws Exception {
        URI uri = start(s -> {});
        StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(uri)
                .header("X-Custom", "yes")
                .build();
        McpSession client = client(transport);
        initialize(client);
        JsonNode h = Await.result(client.request("headers", McpJson.object()), WAIT);
        assertThat(h.get("mcp-protocol-version").asString()).isEqualTo("2025-11-25");
        assertThat(h.get("mcp-session-id").asString()).isEqualTo(transport.sessionId());
        assertThat(h.get("x-custom").asString()).isEqualTo("yes");
        assertThat(h.has("mcp-method")).isFalse();
    }

    @Test
    void authorizerHeadersAreSentAndA401IsRetriedOnceAfterItSaysSo() throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        McpHttpServlet servlet = McpHttpServlet.builder(fake).build();
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        Filter bearer = (req, resp, chain) -> {
            String auth = ((HttpServletRequest) req).getHeader("Authorization");
            if (!"Bearer good".equals(auth)) {
                HttpServletResponse r = (HttpServletResponse) resp;
                r.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                r.setStatus(401);
                return;
            }
            chain.doFilter(req, resp);
        };
        FilterHolder filter = new FilterHolder(bearer);
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        jetty.start();
        resources.add(() -> {
            servlet.closeAll();
            jetty.stop();
        });
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");

        AtomicInteger unauthorized = new AtomicInteger();
        BlockingQueue<List<String>> challenges = new LinkedBlockingQueue<>();
        HttpAuthorizer authorizer = new HttpAuthorizer() {
            volatile String token = "stale";

            @Override
            public Map<String, String> authorizationHeaders(URI mcpEndpoint) {
                return Map.of("Authorization", "Bearer " + token);
            }

            @Override
            public boolean onUnauthorized(URI mcpEndpoint, int statusCode, List<String> wwwAuthenticate) {
                unauthorized.incrementAndGet();
                challenges.add(wwwAuthenticate);
                token = "good";
                return true;
            }
        };
        McpSession client = client(StreamableHttpClientTransport.builder(uri)
                .authorizer(authorizer)
                .legacyFallback(false)
                .build());
        initialize(client);
        JsonNode h = Await.result(client.request("headers", McpJson.object()), WAIT);
        // the filter let it through, so "Bearer good" was sent; handlers never see the credentials themselves
        assertThat(h.has("authorization")).isFalse();
        assertThat(unauthorized.get()).isEqualTo(1);
        assertThat(challenges.poll()).containsExactly("Bearer error=\"invalid_token\"");
    }

    @Test
    void era2026RequestCarriesMethodHeadersAndClosingItsStreamCancelsIt() throws Exception {
        URI uri = start(s -> s.keepAliveInterval(Duration.ofMillis(50)));
        McpSession client = client(StreamableHttpClientTransport.create(uri));
        ObjectNode meta = McpJson.object();
        meta.putObject("_meta")
                .put("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                .putObject("io.modelcontextprotocol/clientCapabilities");
        ObjectNode call = meta.deepCopy();
        call.put("name", "my-tool");
        JsonNode h = Await.result(client.request("headers", meta, era2026("headers", null)), WAIT);
        assertThat(h.get("mcp-method").asString()).isEqualTo("headers");
        assertThat(h.get("mcp-protocol-version").asString()).isEqualTo("2026-07-28");
        assertThat(h.has("mcp-session-id")).isFalse();

        CompletableFuture<JsonNode> slow = client.request("slow", call, era2026("slow", "my-tool"));
        // wait until the server runs the handler, then cancel: the transport closes the stream instead of sending
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fake.sessions.stream().noneMatch(s -> s.inFlightRequests() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        slow.cancel(true);
        assertThat(fake.cancelled.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void subscriptionsListenIsALongLivedStreamThatClosingCancels() throws Exception {
        URI uri = start(s -> s.keepAliveInterval(Duration.ofMillis(50)));
        McpSession client = client(StreamableHttpClientTransport.create(uri));
        ObjectNode params = McpJson.object();
        params.putObject("_meta")
                .put("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                .putObject("io.modelcontextprotocol/clientCapabilities");
        params.putObject("notifications").put("toolsListChanged", true);
        CompletableFuture<JsonNode> listen =
                client.request("subscriptions/listen", params, era2026("subscriptions/listen", null));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (messages.size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(messages).startsWith("0", "1", "2", "3", "4");
        assertThat(listen).isNotDone();
        listen.cancel(true);
        assertThat(fake.cancelled.poll(10, TimeUnit.SECONDS)).startsWith("listen:");
    }

    @Test
    void legacySseServerAndClientFallbackWorkTogether() throws Exception {
        McpHttpServer http =
                McpHttpServer.builder(fake).servlet(s -> s.legacySse(true)).start();
        resources.add(http);
        URI sse = http.uri().resolve("/sse");
        StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(sse);
        BlockingQueue<String> notes = new LinkedBlockingQueue<>();
        McpSession client = McpSession.builder(transport)
                .notificationHandler("notifications/tools/list_changed", n -> notes.add(n.method()))
                .requestHandler("sampling/createMessage", r -> McpJson.object().put("text", "legacy"))
                .build()
                .start();
        resources.add(client);
        JsonNode init = Await.result(client.request("initialize", FakeServer.initializeParams("2024-11-05")), WAIT);
        assertThat(init.get("protocolVersion").asString()).isEqualTo("2024-11-05");
        assertThat(transport.isLegacy()).isTrue();
        Await.result(client.notify("notifications/initialized", null), WAIT);
        assertThat(Await.result(client.request("echo", McpJson.object().put("v", 3)), WAIT)
                        .get("v")
                        .intValue())
                .isEqualTo(3);
        assertThat(Await.result(client.request("sample", McpJson.object()), WAIT)
                        .get("answer")
                        .get("text")
                        .asString())
                .isEqualTo("legacy");
        Await.result(client.request("broadcast", McpJson.object()), WAIT);
        assertThat(notes.poll(10, TimeUnit.SECONDS)).isEqualTo("notifications/tools/list_changed");
        McpSession serverSession = fake.sessions.get(0);
        client.close();
        serverSession.closeFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void closeSendsDeleteSoTheServerSessionEnds() throws Exception {
        URI uri = start(s -> {});
        McpSession client = client(StreamableHttpClientTransport.create(uri));
        initialize(client);
        ServerTransport server = (ServerTransport) fake.transports.get(0);
        client.close();
        assertThat(server.isClosed()).isTrue();
    }

    /** What the client (RequestEnvelopes) hands a bare session for a 2026-07-28 request: its envelope. */
    private static RequestOptions era2026(String method, String name) {
        return RequestOptions.builder()
                .envelope(new MessageEnvelope(method, name, "2026-07-28", Map.of()))
                .build();
    }
}
