package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.ClientExtension;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.MissingServerCapabilityException;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.server.ExtensionDeclaration;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerExtension;
import dev.jmcp.server.ServerSession;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The extension mechanism end to end over HTTP on 127.0.0.1, in both eras: the server declares its extensions
 * under {@code capabilities.extensions} (one always, one only to clients that declare it), serves their typed
 * methods, tells the handler whether and with which settings the client declared the extension, and the client
 * declares its own, sends typed extension requests and notifications, and answers the server's extension requests.
 */
@Timeout(30)
class ExtensionMechanismOverHttpTest {
    static final String ECHO = "com.example/echo";
    static final String OPT_IN = "com.example/opt-in";

    /** The echo request's params. */
    public record Say(String text) {}

    /** The echo result: what was said and what the handler learned of the client's declaration. */
    public record Echo(String echo, boolean clientDeclared, JsonNode clientSettings) {}

    static final List<String> heard = new CopyOnWriteArrayList<>();
    static final List<String> clientHeard = new CopyOnWriteArrayList<>();
    static volatile String roundTripSession;
    static McpServer server;
    static McpHttpServer http;

    @BeforeAll
    static void start() {
        ServerExtension echo = ServerExtension.builder(ECHO)
                .settings(Map.of("maxLength", 10))
                .request("echo/say", Say.class, (p, ctx) -> {
                    if (p.text() == null || p.text().length() > 10) {
                        throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "text longer than 10");
                    }
                    var declared = ctx.clientExtension(ECHO);
                    return new Echo(p.text(), declared.isPresent(), declared.orElse(null));
                })
                .request("echo/roundTrip", Say.class, (p, ctx) -> {
                    // asks the client through its own extension method (handshake era)
                    roundTripSession = ctx.sessionId();
                    ServerSession s = server.sessions().stream()
                            .filter(x -> x.id().equals(ctx.sessionId()))
                            .findFirst()
                            .orElseThrow();
                    JsonNode answer = s.sendExtensionRequest("echo/reverse", p).get(5, TimeUnit.SECONDS);
                    return Map.of("reversed", answer.path("text").asString());
                })
                .notification("echo/heard", Say.class, (p, session) -> heard.add(p.text()))
                .metaKey("com.example/echo-trace")
                .build();
        ServerExtension optIn = ServerExtension.builder(OPT_IN)
                .declaration(ExtensionDeclaration.WHEN_CLIENT_DECLARES)
                .request("optin/ping", JsonNode.class, (p, ctx) -> Map.of("pong", true))
                .build();
        server = McpServer.builder().extension(echo).extension(optIn).build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    enum Era {
        HANDSHAKE_2025_11_25(ProtocolVersion.V2025_11_25),
        STATELESS_2026_07_28(ProtocolVersion.V2026_07_28);

        final ProtocolVersion version;

        Era(ProtocolVersion version) {
            this.version = version;
        }
    }

    private static McpClient client(Era era, ClientExtension... extensions) {
        var b = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(era.version)
                .requestTimeout(Duration.ofSeconds(10));
        for (ClientExtension e : extensions) {
            b.extension(e);
        }
        McpClient c = b.build();
        c.connect();
        return c;
    }

    private static ClientExtension echoClient() {
        return ClientExtension.builder(ECHO)
                .settings(Map.of("lang", "en"))
                .request(
                        "echo/reverse",
                        Say.class,
                        p -> new Say(new StringBuilder(p.text()).reverse().toString()))
                .notification("echo/told", Say.class, p -> clientHeard.add(p.text()))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void theServerDeclaresItsExtensionAndTheHandlerSeesTheClientsSettings(Era era) {
        try (McpClient c = client(era, echoClient())) {
            assertThat(c.serverExtension(ECHO))
                    .hasValueSatisfying(
                            s -> assertThat(s.path("maxLength").asInt()).isEqualTo(10));
            Echo e = c.extensionRequest(ECHO, "echo/say", new Say("hello"), Echo.class);
            assertThat(e.echo()).isEqualTo("hello");
            assertThat(e.clientDeclared()).isTrue();
            assertThat(e.clientSettings().path("lang").asString()).isEqualTo("en");
            c.extensionNotification(ECHO, "echo/heard", new Say("note-" + era));
            Poll.until("the server heard the " + era + " notification", () -> heard.contains("note-" + era));
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aClientThatDidNotDeclareTheExtensionIsToldSoByTheHandler(Era era) {
        try (McpClient c = client(era)) {
            Echo e = c.extensionRequest(ECHO, "echo/say", new Say("hi"), Echo.class);
            assertThat(e.clientDeclared()).isFalse();
            assertThat(e.clientSettings()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void anOptInExtensionIsDeclaredAndServedOnlyToClientsThatDeclareIt(Era era) {
        try (McpClient without = client(era)) {
            assertThat(without.serverExtension(OPT_IN)).isEmpty();
            assertThatThrownBy(() -> without.extensionRequest(OPT_IN, "optin/ping", null, JsonNode.class))
                    .isInstanceOf(MissingServerCapabilityException.class);
            // sent anyway: the method does not exist for this client
            assertThatThrownBy(() -> without.request("optin/ping", McpJson.object(), CallOptions.defaults()))
                    .isInstanceOfSatisfying(
                            McpRpcException.class,
                            x -> assertThat(x.error().code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND));
        }
        try (McpClient with = client(era, ClientExtension.of(OPT_IN, McpJson.object()))) {
            assertThat(with.serverExtension(OPT_IN)).isPresent();
            JsonNode pong = with.extensionRequest(OPT_IN, "optin/ping", null, JsonNode.class);
            assertThat(pong.path("pong").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void paramsThatDoNotBindAndHandlerErrorsAnswerJsonRpcErrors(Era era) {
        try (McpClient c = client(era, echoClient())) {
            assertThatThrownBy(() -> c.extensionRequest(ECHO, "echo/say", Map.of("text", List.of(1, 2)), Echo.class))
                    .isInstanceOfSatisfying(
                            McpRpcException.class,
                            x -> assertThat(x.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS));
            assertThatThrownBy(() -> c.extensionRequest(ECHO, "echo/say", new Say("far too long"), Echo.class))
                    .isInstanceOfSatisfying(
                            McpRpcException.class,
                            x -> assertThat(x.error().message()).contains("longer than 10"));
        }
    }

    @Test
    void extensionNotificationsAndServerToClientRequestsFlowInAHandshakeSession() {
        try (McpClient c = client(Era.HANDSHAKE_2025_11_25, echoClient())) {
            c.extensionNotification(ECHO, "echo/heard", new Say("ding"));
            Poll.until("the server heard ding", () -> heard.contains("ding"));
            JsonNode r = c.extensionRequest(ECHO, "echo/roundTrip", new Say("abc"), JsonNode.class);
            assertThat(r.path("reversed").asString()).isEqualTo("cba");
            ServerSession s = server.sessions().stream()
                    .filter(x -> x.id().equals(roundTripSession))
                    .findFirst()
                    .orElseThrow();
            assertThat(s.clientExtension(ECHO))
                    .hasValueSatisfying(
                            v -> assertThat(v.path("lang").asString()).isEqualTo("en"));
            s.sendExtensionNotification("echo/told", new Say("dong")).join();
            Poll.until("the client heard dong", () -> clientHeard.contains("dong"));
        }
    }

    @Test
    void aSecondExtensionWithTheSameIdOrACoreMethodIsRefusedAtBuild() {
        assertThatThrownBy(() -> McpServer.builder()
                        .extension(ServerExtension.builder(ECHO).build())
                        .extension(ServerExtension.builder(ECHO).build())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registered twice");
        assertThatThrownBy(() -> McpServer.builder()
                        .extension(ServerExtension.builder(ECHO)
                                .request("tools/call", JsonNode.class, (p, ctx) -> null)
                                .build())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already served");
        assertThatThrownBy(() -> ServerExtension.builder("no-prefix")).isInstanceOf(IllegalArgumentException.class);
    }
}
