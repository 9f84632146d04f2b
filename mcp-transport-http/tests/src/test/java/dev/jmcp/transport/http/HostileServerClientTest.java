package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.McpHttpException;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.client.auth.StaticBearerAuthorizer;
import dev.jmcp.transport.http.common.OAuthException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP client against a hostile server on 127.0.0.1 (security review D8 and A3): every read from the peer is
 * bounded (SSE lines, JSON answers, OAuth metadata), each failure is a clear exception within seconds, the server
 * gets to write little more than the limit (the client streams, it never buffers a whole gigabyte), and neither
 * the authorization nor custom headers ever reach another origin.
 */
@Timeout(30)
class HostileServerClientTest {
    private static final long ONE_GB = 1L << 30;
    /** What the server may have written when the client stops at a 64 KiB limit: the limit plus socket buffers. */
    private static final long WRITTEN_BOUND = 32L << 20;

    private final HostileHttpServer server;
    private final HostileHttpServer elsewhere;
    private final List<StreamableHttpClientTransport> transports = new ArrayList<>();
    private final List<McpTransportException> aborted = new CopyOnWriteArrayList<>();
    private final AtomicLong written = new AtomicLong();

    HostileServerClientTest() throws IOException {
        server = new HostileHttpServer();
        elsewhere = new HostileHttpServer();
        elsewhere.route("/mcp", HostileHttpServer.fixed(200, "application/json", "{}"));
        elsewhere.route("/messages", HostileHttpServer.fixed(202, "text/plain", ""));
    }

    @AfterEach
    void close() {
        transports.forEach(StreamableHttpClientTransport::close);
        server.close();
        elsewhere.close();
    }

    private StreamableHttpClientTransport transport(StreamableHttpClientTransport.Builder b) {
        StreamableHttpClientTransport t = b.codecLimits(new CodecLimits(64 * 1024, 64))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        t.start(new TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, InboundContext context) {}

            @Override
            public void onInvalidMessage(JsonRpcCodecException error) {}

            @Override
            public void onRequestAborted(RequestId id, McpTransportException cause) {
                aborted.add(cause);
            }

            @Override
            public void onClose(Throwable cause) {}
        });
        transports.add(t);
        return t;
    }

    private StreamableHttpClientTransport transport() {
        return transport(StreamableHttpClientTransport.builder(server.uri("/mcp")));
    }

    private static JsonRpcRequest initialize() {
        return new JsonRpcRequest(
                RequestId.of(1),
                "initialize",
                McpJson.parse("{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}"));
    }

    private static Throwable failure(StreamableHttpClientTransport t) {
        try {
            t.send(initialize(), OutboundContext.NONE).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the send did not fail but " + e, e);
        }
        throw new AssertionError("the send succeeded");
    }

    @Test
    void anEndlessSseLineAbortsTheRequestAfterTheLineLimit() throws Exception {
        server.route("/mcp", (req, out) -> {
            if ("POST".equals(req.method())) {
                HostileHttpServer.endless("text/event-stream", "data: ", 'x', 2 * ONE_GB, false, written)
                        .respond(req, out);
            } else {
                out.write(HostileHttpServer.head(405, "Content-Length: 0"));
            }
        });
        StreamableHttpClientTransport t = transport();
        long start = System.nanoTime();
        t.send(initialize(), OutboundContext.NONE).get(10, TimeUnit.SECONDS);
        Poll.until("the request is aborted", () -> !aborted.isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(written.get()).as("bytes the server got to write").isLessThan(WRITTEN_BOUND);
    }

    @Test
    void aOneGigabyteJsonAnswerFailsAtTheCodecLimitWithoutBeingBuffered() {
        server.route(
                "/mcp",
                HostileHttpServer.endless("application/json", "{\"jsonrpc\":\"2.0\",", ' ', ONE_GB, true, written));
        long start = System.nanoTime();
        Throwable e = failure(transport());
        assertThat(e).isInstanceOf(McpTransportException.class).hasMessageContaining("exceeds 65536 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(written.get()).as("bytes the server got to write").isLessThan(WRITTEN_BOUND);
    }

    @Test
    void legacyEndpointOnAnotherOriginFailsAndGetsNothing() {
        server.route("/mcp", (req, out) -> {
            if ("POST".equals(req.method())) {
                out.write(HostileHttpServer.head(404, "Content-Length: 0"));
            } else {
                out.write(HostileHttpServer.head(200, "Content-Type: text/event-stream", "Connection: close"));
                out.write(("event: endpoint\ndata: " + elsewhere.url() + "/messages?session=1\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(1_000);
            }
        });
        StreamableHttpClientTransport t = transport(StreamableHttpClientTransport.builder(server.uri("/mcp"))
                .header("X-Api-Key", "secret-key")
                .authorizer(new StaticBearerAuthorizer("secret-token")));
        Throwable e = failure(t);
        assertThat(e).isInstanceOf(McpTransportException.class).hasMessageContaining("another origin");
        assertThat(elsewhere.requests()).as("nothing reached the other origin").isEmpty();
    }

    @Test
    void legacyEndlessSseLineFailsWithAClearException() {
        server.route("/mcp", (req, out) -> {
            if ("POST".equals(req.method())) {
                out.write(HostileHttpServer.head(404, "Content-Length: 0"));
            } else {
                HostileHttpServer.endless(
                                "text/event-stream", "event: endpoint\ndata: ", 'x', 2 * ONE_GB, false, written)
                        .respond(req, out);
            }
        });
        Throwable e = failure(transport());
        assertThat(e).isInstanceOf(McpTransportException.class);
        assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessageContaining("SSE line exceeds");
        assertThat(written.get()).isLessThan(WRITTEN_BOUND);
    }

    @Test
    void redirectsAreNotFollowedSoCredentialsAndHeadersStayOnTheirOrigin() {
        for (int status : new int[] {301, 302, 307, 308}) {
            server.route(
                    "/mcp",
                    (req, out) -> out.write(HostileHttpServer.head(
                            status, "Location: " + elsewhere.url() + "/mcp?x=1", "Content-Length: 0")));
            StreamableHttpClientTransport t = transport(StreamableHttpClientTransport.builder(server.uri("/mcp"))
                    .legacyFallback(false)
                    .header("X-Api-Key", "secret-key")
                    .authorizer(new StaticBearerAuthorizer("secret-token")));
            Throwable e = failure(t);
            assertThat(e)
                    .isInstanceOfSatisfying(McpHttpException.class, h -> assertThat(h.statusCode())
                            .isEqualTo(status))
                    .hasMessageContaining("redirected to " + elsewhere.url() + "/mcp")
                    .hasMessageNotContaining("x=1");
        }
        assertThat(elsewhere.requests()).as("nothing reached the other origin").isEmpty();
        assertThat(server.requests()).allMatch(r -> "Bearer secret-token".equals(r.header("Authorization")));
    }

    @Test
    void hugeOAuthMetadataFailsDiscoveryClearly() {
        server.route(
                "/mcp",
                (req, out) -> out.write(HostileHttpServer.head(
                        401,
                        "WWW-Authenticate: Bearer resource_metadata=\"" + server.url() + "/prm\"",
                        "Content-Length: 0")));
        server.route(
                "/prm", HostileHttpServer.endless("application/json", "{\"resource\":\"", 'r', ONE_GB, true, written));
        OAuthClientProvider oauth = OAuthClientProvider.builder()
                .clientCredentials("machine", "secret")
                .clientCredentialsGrant()
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        Throwable e = failure(transport(
                StreamableHttpClientTransport.builder(server.uri("/mcp")).authorizer(oauth)));
        assertThat(e).isInstanceOf(OAuthException.class).hasMessageContaining("exceeds 1048576 bytes");
        assertThat(written.get()).isLessThan(WRITTEN_BOUND);
    }

    @Test
    void aResourceMetadataUrlOnAnotherOriginIsRefused() {
        server.route(
                "/mcp",
                (req, out) -> out.write(HostileHttpServer.head(
                        401,
                        "WWW-Authenticate: Bearer resource_metadata=\"" + elsewhere.url() + "/prm\"",
                        "Content-Length: 0")));
        OAuthClientProvider oauth = OAuthClientProvider.builder()
                .clientCredentials("machine", "secret")
                .clientCredentialsGrant()
                .build();
        Throwable e = failure(transport(
                StreamableHttpClientTransport.builder(server.uri("/mcp")).authorizer(oauth)));
        assertThat(e).isInstanceOf(OAuthException.class).hasMessageContaining("not on the MCP server's origin");
        assertThat(elsewhere.requests()).isEmpty();
    }

    @Test
    void aPlainHttpAuthorizationServerOffLoopbackIsRefused() {
        server.route(
                "/mcp",
                (req, out) -> out.write(HostileHttpServer.head(
                        401,
                        "WWW-Authenticate: Bearer resource_metadata=\"" + server.url() + "/prm\"",
                        "Content-Length: 0")));
        server.route(
                "/prm",
                HostileHttpServer.fixed(
                        200,
                        "application/json",
                        "{\"resource\":\"" + server.url()
                                + "/mcp\",\"authorization_servers\":[\"http://as.example.com\"]}"));
        OAuthClientProvider oauth = OAuthClientProvider.builder()
                .clientCredentials("machine", "secret")
                .clientCredentialsGrant()
                .build();
        assertThatThrownBy(() -> {
                    throw failure(transport(StreamableHttpClientTransport.builder(server.uri("/mcp"))
                            .authorizer(oauth)));
                })
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("https");
    }
}
