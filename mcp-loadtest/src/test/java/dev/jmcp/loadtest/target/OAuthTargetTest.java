package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A load test against an OAuth-protected jmcp server obtains its token through jmcp's OAuth client (client
 * credentials grant, authorization server discovered from the 401 challenge) once, and every session uses it.
 */
@Timeout(30)
class OAuthTargetTest {
    private static final String TOKEN = "load-token-1";

    @Test
    void clientCredentialsTokenIsObtainedOnceAndSharedBySessions() throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        HttpServer as = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        String issuer = "http://127.0.0.1:" + as.getAddress().getPort();
        as.createContext(
                "/.well-known/oauth-authorization-server",
                ex -> json(
                        ex,
                        200,
                        "{\"issuer\":\"" + issuer
                                + "\",\"token_endpoint\":\"" + issuer
                                + "/token\",\"grant_types_supported\":[\"client_credentials\"],"
                                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}"));
        as.createContext("/token", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String basic = ex.getRequestHeaders().getFirst("Authorization");
            boolean ok = body.contains("grant_type=client_credentials")
                    && ((basic != null
                                    && basic.equals("Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString("loader:s3cret".getBytes(StandardCharsets.UTF_8))))
                            || body.contains("client_secret=s3cret"));
            if (!ok) {
                json(ex, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            tokenRequests.incrementAndGet();
            json(ex, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
        as.start();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String mcpUrl = "http://127.0.0.1:" + port + "/mcp";
        ResourceServerAuth auth = ResourceServerAuth.builder()
                .resource(mcpUrl)
                .authorizationServers(List.of(issuer))
                .tokenValidator(token -> {
                    if (!TOKEN.equals(token)) {
                        throw new TokenValidationException("unknown token");
                    }
                    return new AuthInfo(
                            token, "loader", "loader", Set.of(), Instant.now().plusSeconds(3600), Map.of());
                })
                .build();
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server)
                        .host("127.0.0.1")
                        .port(port)
                        .authorization(auth)
                        .start()) {
            LoadTestReport report = LoadTest.builder()
                    .target(TargetSpec.http(http.uri().toString())
                            .withOAuth(new TargetSpec.OAuth("loader", "s3cret", List.of())))
                    .closedModel(3)
                    .iterations(30)
                    .sessionMode(SessionMode.PER_ITERATION)
                    .toolCall("echo", McpJson.parse("{\"text\":\"hi\"}"), 1)
                    .build()
                    .run();
            assertThat(report.summary().errorsByClass()).isEmpty();
            assertThat(report.operations().get("tools/call").successes()).isEqualTo(30);
            assertThat(report.generator().sessionsOpened()).isEqualTo(30);
            // the provider is shared: sessions after the first token reuse it (the first concurrent ones may each
            // have met the 401 before any token existed)
            assertThat(tokenRequests.get()).isBetween(1, 3);
            assertThat(McpJson.mapper().writeValueAsString(report)).doesNotContain("s3cret");
        } finally {
            as.stop(0);
        }
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }
}
