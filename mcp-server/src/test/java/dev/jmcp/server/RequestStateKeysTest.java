package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How a server gets its request-state keys: code, {@code JMCP_REQUEST_STATE_KEY}, or a random key. */
class RequestStateKeysTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final String CAPS = "{\"elicitation\":{}}";
    static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (7 * i + 3);
        }
    }

    final List<McpServer> servers = new ArrayList<>();

    McpServer server(UnaryOperator<McpServer.Builder> config) {
        McpServer.Builder b = McpServer.builder()
                .environment(name -> null)
                .tool(Tool.builder("greet", EMPTY).description("asks a name").build(), (req, ctx) -> {
                    FormElicitRequest form = FormElicitRequest.of(
                            "name?",
                            RequestedSchema.of(
                                    Map.of("name", StringSchema.builder().build()), List.of("name")));
                    return CallToolResult.text("Hello, "
                            + ctx.elicit("user_name", form)
                                    .content()
                                    .get("name")
                                    .asString());
                });
        McpServer s = config.apply(b).build();
        servers.add(s);
        return s;
    }

    @AfterEach
    void close() {
        servers.forEach(McpServer::close);
    }

    /** Asks on {@code first} and retries on {@code second}; returns the retry's response (result or error). */
    static JsonNode askThenRetry(McpServer first, McpServer second, boolean expectError) {
        try (RawClient a = RawClient.connect(first);
                RawClient b = RawClient.connect(second)) {
            JsonNode asked = a.call("tools/call", RawClient.with26Meta("{\"name\":\"greet\"}", CAPS));
            ObjectNode retry = RawClient.with26Meta("{\"name\":\"greet\"}", CAPS);
            retry.put("requestState", asked.get("requestState").asString());
            retry.putObject("inputResponses")
                    .set("user_name", McpJson.parse("{\"action\":\"accept\",\"content\":{\"name\":\"ann\"}}"));
            return expectError ? McpJson.toTree(b.error("tools/call", retry)) : b.call("tools/call", retry);
        }
    }

    @Test
    void theEnvironmentVariableGivesTheKeySoAnInstanceConfiguredInCodeWithItServesTheRetry() {
        String b64 = Base64.getEncoder().encodeToString(KEY);
        McpServer fromEnv = server(b -> b.environment(name -> name.equals("JMCP_REQUEST_STATE_KEY") ? b64 : null));
        McpServer inCode = server(b -> b.requestStateKey(KEY));
        assertThat(askThenRetry(fromEnv, inCode, false)
                        .get("content")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("Hello, ann");
    }

    @Test
    void serversWithoutAConfiguredKeyCannotServeEachOthersRetries() {
        JsonNode error = askThenRetry(server(b -> b), server(b -> b), true);
        assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(error.get("message").asString()).contains("does not have");
    }

    @Test
    void invalidKeysAreRefusedAtBuildWithoutShowingThem() {
        assertThatThrownBy(() -> McpServer.builder().requestStateKey(new byte[20]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> McpServer.builder().requestStateKeys("v1:secret!!value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> McpServer.builder().requestStateKey("bad.id", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key id");
        assertThatThrownBy(() ->
                        McpServer.builder().environment(name -> "not base64!").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void aServerWithoutAKeyLogsOnceAtBuildThatRetriesMustReachIt() {
        ch.qos.logback.classic.Logger log =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.jmcp.server.internal.StateKeys");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> capture =
                new ch.qos.logback.core.read.ListAppender<>();
        capture.start();
        log.addAppender(capture);
        List<String> messages = new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                return capture.list.get(index).getFormattedMessage();
            }

            @Override
            public int size() {
                return capture.list.size();
            }
        };
        try {
            McpServer withoutKey = server(b -> b);
            try (RawClient c = RawClient.connect(withoutKey)) {
                c.call("tools/call", RawClient.with26Meta("{\"name\":\"greet\"}", CAPS));
                c.call("tools/call", RawClient.with26Meta("{\"name\":\"greet\"}", CAPS));
            }
            assertThat(messages).singleElement().asString().contains("same instance");
            server(b -> b.requestStateKey(KEY));
            assertThat(messages).hasSize(1);
        } finally {
            log.detachAppender(capture);
        }
    }
}
