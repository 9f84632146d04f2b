package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.client.auth.HeadlessAuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Jwt;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.JwtTokenValidator;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import dev.jmcp.transport.http.servlet.auth.TokenValidator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole story on loopback: a jmcp {@link McpServer} behind {@link McpHttpServer} protected by {@link
 * ResourceServerAuth} with a {@link JwtTokenValidator}, a test authorization server issuing ES256 JWTs
 * ({@link OAuthFixture}: metadata, dynamic registration, a redirecting authorization endpoint, token endpoint,
 * JWKS), and a jmcp {@link McpClient} over {@link StreamableHttpClientTransport} with an {@link
 * OAuthClientProvider}.
 */
@Timeout(60)
class ProtectedMcpServerEndToEndTest {
    private static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    private static final HttpClient RAW = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private OAuthFixture f;
    private KeyPair asKey;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private McpServer server;
    private McpHttpServer http;
    private URI endpoint;

    @BeforeEach
    void start() throws Exception {
        f = new OAuthFixture();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        asKey = gen.generateKeyPair();
        f.jwtKey = asKey;
        f.install();

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String resource = "http://127.0.0.1:" + port + "/mcp";
        JwtTokenValidator jwt = JwtTokenValidator.builder()
                .jwksUri(URI.create(f.as.url() + "/jwks"))
                .issuer(f.issuer())
                .audience(resource)
                .build();
        TokenValidator validator = token -> {
            if (revoked.contains(token)) {
                throw new TokenValidationException("token revoked");
            }
            return jwt.validate(token);
        };
        ResourceServerAuth auth = ResourceServerAuth.builder()
                .resource(resource)
                .authorizationServers(List.of(f.issuer()))
                .scopesSupported(List.of("mcp:read", "mcp:write"))
                .requiredScopes(Set.of("mcp:read"))
                .tokenValidator(validator)
                .build();
        server = McpServer.builder()
                .name("protected")
                .version("1")
                .tool(Tool.builder("whoami", EMPTY).description("the caller").build(), (req, ctx) -> {
                    AuthInfo who = ctx.authInfo().orElse(null);
                    return CallToolResult.text(
                            who == null ? "anonymous" : who.principal() + " " + new TreeSet<>(who.scopes()));
                })
                .tool(
                        Tool.builder("write", EMPTY)
                                .description("needs mcp:write")
                                .build(),
                        (req, ctx) -> {
                            return CallToolResult.text("written");
                        })
                .tool(
                        Tool.builder("job", EMPTY)
                                .description("a task")
                                .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                                .build(),
                        (req, ctx) -> CallToolResult.text("done"))
                .build();
        http = McpHttpServer.builder(server)
                .port(port)
                .authorization(auth)
                .scopePolicy((method, name) ->
                        "tools/call".equals(method) && "write".equals(name) ? Set.of("mcp:write") : Set.of())
                .start();
        endpoint = http.uri();
        assertThat(endpoint.toString()).isEqualTo(resource);
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
        f.close();
    }

    private OAuthClientProvider provider() {
        return OAuthClientProvider.builder()
                .authorizationCodeHandler(new HeadlessAuthorizationCodeHandler())
                .redirectUri(URI.create("http://127.0.0.1:3000/callback"))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    private McpClient client(OAuthClientProvider provider, ProtocolVersion pinned) {
        var b = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(endpoint)
                        .authorizer(provider)
                        .build())
                .requestTimeout(Duration.ofSeconds(15));
        if (pinned != null) {
            b.protocolVersion(pinned);
        }
        return b.build();
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private String principalOf(OAuthClientProvider provider) {
        String header = provider.authorizationHeaders(endpoint).get("Authorization");
        JsonNode claims = Jwt.parse(header.substring("Bearer ".length())).claims();
        return claims.get("sub").asString();
    }

    @Test
    void statelessClientAuthorizesOnTheFirst401AndTheToolSeesThePrincipal() {
        OAuthClientProvider provider = provider();
        try (McpClient client = client(provider, null)) {
            client.connect();
            assertThat(f.authorizations).hasSize(1);
            assertThat(f.lastAuthorization())
                    .containsEntry("scope", "mcp:read")
                    .containsEntry("resource", endpoint.toString());
            String who = text(client.callTool("whoami", Map.of()));
            assertThat(who).isEqualTo(principalOf(provider) + " [mcp:read]");
            assertThat(who).startsWith("user-dyn-client-");
        }
    }

    @Test
    void handshakeClientAuthorizesStepsUpAndRefreshesAfterALater401() {
        OAuthClientProvider provider = provider();
        try (McpClient client = client(provider, ProtocolVersion.V2025_11_25)) {
            client.connect(); // initialize: 401, authorize, retry
            assertThat(f.authorizations).hasSize(1);
            assertThat(http.servlet().sessionCount()).isEqualTo(1);

            // a tool needing mcp:write: 403 insufficient_scope, step-up with the union, retry
            assertThat(text(client.callTool("write", Map.of()))).isEqualTo("written");
            assertThat(f.authorizations).hasSize(2);
            assertThat(OAuthTokens.splitScopes(f.lastAuthorization().get("scope")))
                    .containsExactlyInAnyOrder("mcp:read", "mcp:write");
            assertThat(text(client.callTool("whoami", Map.of())))
                    .isEqualTo(principalOf(provider) + " [mcp:read, mcp:write]");

            // the server stops accepting the token: tools/call gets 401, the provider refreshes, the call succeeds
            String old = provider.authorizationHeaders(endpoint).get("Authorization");
            revoked.add(old.substring("Bearer ".length()));
            assertThat(text(client.callTool("whoami", Map.of()))).startsWith(principalOf(provider));
            assertThat(provider.authorizationHeaders(endpoint).get("Authorization"))
                    .isNotEqualTo(old);
            assertThat(f.tokenRequests.get(f.tokenRequests.size() - 1).form())
                    .containsEntry("grant_type", "refresh_token");
            assertThat(f.authorizations).hasSize(2);
            assertThat(http.servlet().sessionCount()).isEqualTo(1);
        }
    }

    @Test
    void anOAuthFailureReachesTheCallerAsOAuthException() {
        f.metadataCustomizer = md -> md.remove("code_challenge_methods_supported");
        f.install();
        for (ProtocolVersion pinned : new ProtocolVersion[] {null, ProtocolVersion.V2025_11_25}) {
            try (McpClient client = client(provider(), pinned)) {
                assertThatThrownBy(client::connect)
                        .isInstanceOf(OAuthException.class)
                        .hasMessageContaining("PKCE S256");
            }
        }
        assertThat(f.authorizations).isEmpty();
    }

    @Test
    void theProtectedResourceMetadataIsServedAtBothWellKnownPaths() throws Exception {
        for (String path :
                List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode prm = McpJson.parse(r.body());
            assertThat(prm.get("resource").asString()).isEqualTo(endpoint.toString());
            assertThat(prm.get("authorization_servers").get(0).asString()).isEqualTo(f.issuer());
            assertThat(prm.get("scopes_supported").toString()).isEqualTo("[\"mcp:read\",\"mcp:write\"]");
        }
    }

    @Test
    void missingTamperedExpiredAndMalformedTokensAreRefused() throws Exception {
        String rm = "resource_metadata=\"" + origin() + "/.well-known/oauth-protected-resource/mcp\"";

        HttpResponse<String> none = post(null, null, initialize());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer scope=\"mcp:read\", " + rm);

        String valid = mintToken("alice", "mcp:read", Instant.now().plusSeconds(300));
        assertThat(post(valid, null, initialize()).statusCode()).isEqualTo(200);

        String tampered =
                valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        HttpResponse<String> bad = post(tampered, null, initialize());
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer error=\"invalid_token\"")
                .contains("scope=\"mcp:read\"")
                .endsWith(rm);
        assertThat(bad.body()).doesNotContain(tampered);

        String expired = mintToken("alice", "mcp:read", Instant.now().minusSeconds(600));
        HttpResponse<String> old = post(expired, null, initialize());
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(old.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");

        String otherAudience = mintToken("alice", "mcp:read", Instant.now().plusSeconds(300), "http://elsewhere/mcp");
        assertThat(post(otherAudience, null, initialize()).statusCode()).isEqualTo(401);

        String weak = mintToken("alice", "mcp:other", Instant.now().plusSeconds(300));
        HttpResponse<String> forbidden = post(weak, null, initialize());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer error=\"insufficient_scope\"")
                .contains("scope=\"mcp:other mcp:read\"");

        HttpResponse<String> malformed = send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer a b c")
                .header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(initialize())));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("error=\"invalid_request\"");

        // GET and DELETE are protected as well
        HttpResponse<String> getNone = send(HttpRequest.newBuilder(endpoint)
                .header("Accept", "text/event-stream")
                .GET());
        assertThat(getNone.statusCode()).isEqualTo(401);
        HttpResponse<String> deleteNone = send(HttpRequest.newBuilder(endpoint).DELETE());
        assertThat(deleteNone.statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionIsRefusedToAnotherPrincipal() throws Exception {
        String alice = mintToken("alice", "mcp:read", Instant.now().plusSeconds(300));
        String bob = mintToken("bob", "mcp:read", Instant.now().plusSeconds(300));
        HttpResponse<String> init = post(alice, null, initialize());
        assertThat(init.statusCode()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

        HttpResponse<String> byBob = post(bob, session, list);
        assertThat(byBob.statusCode()).isEqualTo(403);
        assertThat(byBob.body()).contains("another caller");
        HttpResponse<String> bobGet = send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + bob)
                .header("Mcp-Session-Id", session)
                .header("Accept", "text/event-stream")
                .GET());
        assertThat(bobGet.statusCode()).isEqualTo(403);
        HttpResponse<String> bobDelete = send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + bob)
                .header("Mcp-Session-Id", session)
                .DELETE());
        assertThat(bobDelete.statusCode()).isEqualTo(403);
        assertThat(http.servlet().sessionCount()).isEqualTo(1);

        // alice herself, with another token of hers, keeps using it
        String alice2 = mintToken("alice", "mcp:read mcp:write", Instant.now().plusSeconds(300));
        HttpResponse<String> byAlice = post(alice2, session, list);
        assertThat(byAlice.statusCode()).isEqualTo(200);
        assertThat(byAlice.body()).contains("whoami");
    }

    @Test
    void tasksAreBoundToThePrincipalAcrossSessions() {
        OAuthClientProvider alice = provider();
        OAuthClientProvider bob = provider();
        try (McpClient a = client(alice, ProtocolVersion.V2025_11_25);
                McpClient b = client(bob, ProtocolVersion.V2025_11_25)) {
            a.connect();
            b.connect();
            assertThat(principalOf(alice)).isNotEqualTo(principalOf(bob));
            String id = a.callToolAsTask("job", McpJson.object(), new TaskMetadata(60_000L))
                    .task()
                    .taskId();
            assertThat(a.getTask(id).taskId()).isEqualTo(id);
            assertThatThrownBy(() -> b.getTask(id)).isInstanceOfSatisfying(McpRpcException.class, e -> assertThat(
                            e.error().code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS));
            assertThat(b.listTasks(null).tasks()).isEmpty();
        }
        // the same principal in a new session still sees its task
        try (McpClient a2 = client(alice, ProtocolVersion.V2025_11_25)) {
            a2.connect();
            assertThat(a2.listTasks(null).tasks()).hasSize(1);
        }
    }

    // ------------------------------------------------------------------ helpers

    private String origin() {
        return "http://127.0.0.1:" + endpoint.getPort();
    }

    private String mintToken(String subject, String scope, Instant expiresAt) {
        return mintToken(subject, scope, expiresAt, endpoint.toString());
    }

    private String mintToken(String subject, String scope, Instant expiresAt, String audience) {
        ObjectNode claims = McpJson.object();
        claims.put("iss", f.issuer());
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("client_id", "test-client");
        claims.put("scope", scope);
        claims.put("iat", expiresAt.getEpochSecond() - 600);
        claims.put("exp", expiresAt.getEpochSecond());
        return Jwt.sign("ES256", asKey.getPrivate(), "as-key", "at+jwt", claims);
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    }

    private HttpResponse<String> post(String token, String session, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return send(b);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(origin() + path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return RAW.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
