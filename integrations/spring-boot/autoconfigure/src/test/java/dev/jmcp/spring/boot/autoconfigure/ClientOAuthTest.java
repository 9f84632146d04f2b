package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.server.McpTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code jmcp.client.connections.<name>.oauth.*}: a client bean fetches a token with the client credentials grant
 * from a small loopback authorization server and sends it to a Boot MCP server protected by
 * {@code jmcp.server.authorization.*} (token introspection at that authorization server).
 */
@Timeout(90) // three Boot applications; a loaded CI machine needs the margin
class ClientOAuthTest {
    private static final String CLIENT_ID = "boot-client";
    private static final String SECRET = "s3cret";

    /** The protected server's handlers. */
    public static class Tools {
        @McpTool
        public String secret() {
            return "42";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Tools.class)
    static class App {}

    private HttpServer as;
    private String issuer;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> introspected = new CopyOnWriteArrayList<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private volatile String resource;

    @BeforeEach
    void startAuthorizationServer() throws IOException {
        as = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        as.setExecutor(Executors.newFixedThreadPool(2));
        issuer = "http://127.0.0.1:" + as.getAddress().getPort();
        as.createContext(
                "/.well-known/oauth-authorization-server",
                ex -> json(
                        ex,
                        200,
                        """
                {"issuer":"%s","token_endpoint":"%s/token","introspection_endpoint":"%s/introspect",
                 "authorization_endpoint":"%s/authorize","response_types_supported":["code"],
                 "grant_types_supported":["client_credentials"],"code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}"""
                                .formatted(issuer, issuer, issuer, issuer)));
        as.createContext("/token", ex -> {
            Map<String, String> form = form(ex);
            form.put("authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            tokenRequests.add(form);
            String basic = "Basic "
                    + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
            if (!basic.equals(form.get("authorization")) || !"client_credentials".equals(form.get("grant_type"))) {
                json(ex, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = "token-" + tokenRequests.size();
            issued.add(token);
            json(
                    ex,
                    200,
                    "{\"access_token\":\"" + token
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"mcp:tools\"}");
        });
        as.createContext("/introspect", ex -> {
            String token = form(ex).get("token");
            introspected.add(token);
            json(
                    ex,
                    200,
                    issued.contains(token)
                            ? "{\"active\":true,\"scope\":\"mcp:tools\",\"client_id\":\"" + CLIENT_ID + "\",\"aud\":\""
                                    + resource + "\",\"iss\":\"" + issuer + "\",\"exp\":"
                                    + Instant.now().plusSeconds(3600).getEpochSecond() + "}"
                            : "{\"active\":false}");
        });
        as.start();
    }

    @AfterEach
    void stopAuthorizationServer() {
        as.stop(0);
        ((java.util.concurrent.ExecutorService) as.getExecutor()).shutdownNow();
    }

    @Test
    void aClientBeanWithOAuthPropertiesFetchesATokenAndSendsIt() throws IOException {
        int port = freePort();
        resource = "http://127.0.0.1:" + port + "/mcp";
        try (ConfigurableApplicationContext context = app(
                port,
                "jmcp.client.connections.secured.url=" + resource,
                "jmcp.client.connections.secured.oauth.client-id=" + CLIENT_ID,
                "jmcp.client.connections.secured.oauth.client-secret=" + SECRET,
                "jmcp.client.connections.secured.oauth.issuer=" + issuer,
                "jmcp.client.connections.secured.oauth.scopes=mcp:tools",
                "jmcp.client.connections.anonymous.url=" + resource)) {
            McpClients clients = context.getBean(McpClients.class);
            McpClient client = clients.get("secured");
            assertThat(((TextContent) client.callTool("secret", Map.of())
                                    .content()
                                    .get(0))
                            .text())
                    .isEqualTo("42");

            assertThat(tokenRequests).hasSize(1);
            Map<String, String> request = tokenRequests.get(0);
            assertThat(request)
                    .containsEntry("grant_type", "client_credentials")
                    .containsEntry("scope", "mcp:tools")
                    .containsEntry("resource", resource);
            assertThat(introspected).containsExactly("token-1"); // the fetched token reached the server

            assertThatThrownBy(() -> clients.get("anonymous")).hasStackTraceContaining("Unauthorized");
        }
    }

    @Test
    void oauthOnAStdioConnectionOrWithoutASecretFailsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> app(
                                0,
                                "jmcp.client.connections.tool.command=true",
                                "jmcp.client.connections.tool.oauth.client-id=x",
                                "jmcp.client.connections.tool.oauth.client-secret=y")
                        .close())
                .hasStackTraceContaining("jmcp.client.connections.tool.oauth.");
        assertThatThrownBy(() -> app(
                                0,
                                "jmcp.client.connections.api.url=http://127.0.0.1:1/mcp",
                                "jmcp.client.connections.api.oauth.client-id=x")
                        .close())
                .hasStackTraceContaining("jmcp.client.connections.api.oauth.client-secret");
    }

    private ConfigurableApplicationContext app(int port, String... clientProperties) {
        String[] server = {
            "--server.address=127.0.0.1",
            "--server.port=" + port,
            "--spring.main.banner-mode=off",
            "--jmcp.server.authorization.resource=http://127.0.0.1:" + port + "/mcp",
            "--jmcp.server.authorization.issuer=" + issuer,
            "--jmcp.server.authorization.introspection-uri=" + issuer + "/introspect",
            "--jmcp.server.authorization.required-scopes=mcp:tools"
        };
        String[] args = new String[server.length + clientProperties.length];
        System.arraycopy(server, 0, args, 0, server.length);
        for (int i = 0; i < clientProperties.length; i++) {
            args[server.length + i] = "--" + clientProperties[i];
        }
        return new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET)
                .run(args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return java.util.Arrays.stream(body.split("&"))
                .filter(p -> !p.isEmpty())
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(
                        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> a,
                        ConcurrentHashMap::new));
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
