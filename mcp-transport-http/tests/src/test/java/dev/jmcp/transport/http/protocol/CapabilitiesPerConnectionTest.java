package dev.jmcp.transport.http.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.ListKind;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Capabilities are what each connection can get: stateless exchanges declare no {@code subscribe}/{@code
 * listChanged}, {@code subscriptions/listen} acknowledges only what the server honours and ends with a result on
 * shutdown, and list changes go only to sessions told {@code listChanged} for that kind.
 */
@Timeout(30)
class CapabilitiesPerConnectionTest {
    private McpServer server;
    private McpHttpServer http;

    private void start(boolean statelessMode) {
        server = McpServer.builder()
                .name("caps")
                .version("1")
                .tool(
                        Tool.builder("t", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text("ok"))
                .resource(Resource.builder("test://r", "r").build(), (req, ctx) -> ReadResourceResult.of(List.of()))
                .build();
        http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.stateless(statelessMode))
                .start();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void statelessExchangeDeclaresNoSubscribeOrListChangedAndRefusesSubscribe() throws Exception {
        start(true);
        Wire.Session s = Wire.Session.open(http.uri(), "2025-11-25", "{}");
        JsonNode caps = s.initializeResult.get("capabilities");
        assertThat(caps.get("tools").has("listChanged")).isFalse();
        assertThat(caps.get("resources").has("subscribe")).isFalse();
        assertThat(caps.get("resources").has("listChanged")).isFalse();
        JsonNode r = s.call("resources/subscribe", "{\"uri\":\"test://r\"}");
        assertThat(r.get("error").get("code").intValue()).isEqualTo(-32601);
    }

    @Test
    void sessionAndStatelessEraDeclareWhatTheyDeliver() throws Exception {
        start(false);
        Wire.Session s = Wire.Session.open(http.uri(), "2025-11-25", "{}");
        JsonNode caps = s.initializeResult.get("capabilities");
        assertThat(caps.get("tools").get("listChanged").asBoolean()).isTrue();
        assertThat(caps.get("resources").get("subscribe").asBoolean()).isTrue();
        JsonNode discovered = Wire.call26(http.uri(), "server/discover", "{}", "{}")
                .get("result")
                .get("capabilities");
        assertThat(discovered.get("tools").get("listChanged").asBoolean())
                .as("2026-07-28 delivers list changes through subscriptions/listen")
                .isTrue();
        assertThat(discovered.has("prompts")).isFalse();
    }

    /** An open {@code subscriptions/listen} stream, read by the HTTP client's thread. */
    private static final class ListenStream {
        final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final long id;

        ListenStream(java.net.URI uri, String filterJson) {
            ObjectNode params = Wire.params26("{\"notifications\":" + filterJson + "}", "{}");
            String body = Wire.body("subscriptions/listen", params);
            this.id = McpJson.parse(body).get("id").longValue();
            HttpRequest req = Wire.post(uri, body)
                    .timeout(Duration.ofSeconds(20))
                    .header("MCP-Protocol-Version", "2026-07-28")
                    .header("Mcp-Method", "subscriptions/listen")
                    .build();
            Wire.HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> read(r.body()));
        }

        private void read(Stream<String> lines) {
            StringBuilder data = new StringBuilder();
            lines.forEach(line -> {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    messages.add(McpJson.parse(data.toString()));
                    data.setLength(0);
                }
            });
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message on the listen stream").isNotNull();
            return m;
        }
    }

    @Test
    void listenAcknowledgesOnlyTheHonouredSubsetAndEndsWithAResultOnShutdown() throws Exception {
        start(false);
        ListenStream listen = new ListenStream(
                http.uri(),
                "{\"toolsListChanged\":true,\"promptsListChanged\":true,\"resourceSubscriptions\":[\"test://r\"],"
                        + "\"somethingNew\":true}");
        JsonNode ack = listen.next();
        assertThat(ack.get("method").asString()).isEqualTo("notifications/subscriptions/acknowledged");
        assertThat(ack.get("params").get("notifications"))
                .as("no prompts here, and nothing unknown")
                .isEqualTo(McpJson.parse("{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"test://r\"]}"));

        server.notifyResourceUpdated("test://r");
        JsonNode updated = listen.next();
        assertThat(updated.get("method").asString()).isEqualTo("notifications/resources/updated");

        server.close();
        JsonNode closing = listen.next();
        assertThat(closing.get("id").longValue()).isEqualTo(listen.id);
        assertThat(closing.has("error")).isFalse();
        assertThat(closing.get("result").get("resultType").asString()).isEqualTo("complete");
        assertThat(closing.get("result")
                        .get("_meta")
                        .get("io.modelcontextprotocol/subscriptionId")
                        .longValue())
                .isEqualTo(listen.id);
    }

    @Test
    void listChangedReachesOnlySessionsToldTheCapability() {
        start(false);
        List<ListKind> changes = new CopyOnWriteArrayList<>();
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .onListChanged(changes::add)
                .build()) {
            client.connect();
            assertThat(client.server().capabilities().prompts()).isNull();
            Poll.until("the GET stream is open", () -> {
                server.addTool(
                        Tool.builder("probe", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text("ok"));
                return !changes.isEmpty();
            });
            changes.clear();
            // this session was initialized without prompts: adding one must not reach it
            server.addPrompt(new dev.jmcp.server.ServerPrompt(
                    Prompt.builder("p").build(), (req, ctx) -> GetPromptResult.of(null, List.of())));
            server.addTool(
                    Tool.builder("later", McpJson.parse("{\"type\":\"object\"}"))
                            .build(),
                    (req, ctx) -> CallToolResult.text("ok"));
            Poll.until("the tools change arrived", () -> changes.contains(ListKind.TOOLS));
            assertThat(changes).doesNotContain(ListKind.PROMPTS);
        }
    }
}
