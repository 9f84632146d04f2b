package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 2026-07-28 {@code requestState} over HTTP: sealed with a shared key so that another instance can serve the
 * retry, expiring, bound to the caller and the request, rotatable, and its replay policy.
 */
@Timeout(30)
class RequestStateOverHttpTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final String ANN = "{\"action\":\"accept\",\"content\":{\"name\":\"ann\"}}";
    static final String YES = "{\"action\":\"accept\",\"content\":{\"name\":\"yes\"}}";

    static final byte[] KEY_1 = bytes(1);
    static final byte[] KEY_2 = bytes(2);

    final AtomicInteger ordersPlaced = new AtomicInteger();
    final List<AutoCloseable> open = new ArrayList<>();

    static byte[] bytes(int seed) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    static FormElicitRequest form(String message) {
        return FormElicitRequest.of(
                message,
                RequestedSchema.of(Map.of("name", StringSchema.builder().build()), List.of("name")));
    }

    /** A server with a one-question tool (under two names) and a side-effecting tool, behind HTTP. */
    URI start(Consumer<McpServer.Builder> config, boolean withAuth) {
        McpServer.Builder b = McpServer.builder()
                .tool(Tool.builder("greet", EMPTY).description("asks a name").build(), (req, ctx) -> {
                    String name = ctx.elicit("user_name", form("name?"))
                            .content()
                            .get("name")
                            .asString();
                    return CallToolResult.text("Hello, " + name);
                })
                .tool(
                        Tool.builder("greet_again", EMPTY)
                                .description("asks the same")
                                .build(),
                        (req, ctx) -> {
                            String name = ctx.elicit("user_name", form("name?"))
                                    .content()
                                    .get("name")
                                    .asString();
                            return CallToolResult.text("Hello again, " + name);
                        })
                .tool(
                        Tool.builder("profile", EMPTY)
                                .description("two questions")
                                .build(),
                        (req, ctx) -> {
                            String name = ctx.elicit("user_name", form("name?"))
                                    .content()
                                    .get("name")
                                    .asString();
                            String color = ctx.elicit("color", form("color?"))
                                    .content()
                                    .get("name")
                                    .asString();
                            return CallToolResult.text(name + "/" + color);
                        })
                .tool(
                        Tool.builder("order", EMPTY)
                                .description("places an order")
                                .build(),
                        (req, ctx) -> {
                            ctx.elicit("confirm", form("place the order?"));
                            return CallToolResult.text(
                                    "order #" + ordersPlaced.incrementAndGet()); // after the last question
                        });
        config.accept(b);
        McpServer server = b.build();
        McpHttpServer.Builder http = McpHttpServer.builder(server).port(0);
        if (withAuth) {
            http.authorization(ResourceServerAuth.builder()
                    .resource("http://127.0.0.1/mcp")
                    .authorizationServers(List.of("https://as.example"))
                    .tokenValidator(token -> {
                        if (!token.startsWith("token-")) {
                            throw new TokenValidationException("unknown token");
                        }
                        return new AuthInfo(token, "client", token.substring(6), Set.of(), null, Map.of());
                    })
                    .build());
        }
        McpHttpServer started = http.start();
        open.add(started);
        open.add(server);
        return started.uri();
    }

    URI start(Consumer<McpServer.Builder> config) {
        return start(config, false);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static ObjectNode call(String tool) {
        return Raw2026.params("{\"name\":\"" + tool + "\",\"arguments\":{}}");
    }

    static ObjectNode retry(String tool, JsonNode inputRequired, String key, String answer) {
        ObjectNode p = call(tool);
        p.put("requestState", inputRequired.get("requestState").asString());
        p.putObject("inputResponses").set(key, McpJson.parse(answer));
        return p;
    }

    static String text(JsonNode result) {
        return result.get("content").get(0).get("text").asString();
    }

    @Test
    void aRetryCarryingTheStateOfOneInstanceIsServedByAnotherSharingTheKey() throws Exception {
        URI a = start(b -> b.requestStateKey(KEY_1));
        URI b = start(s -> s.requestStateKey(KEY_1));
        JsonNode asked = Raw2026.result(a, null, "tools/call", call("greet"));
        assertThat(asked.get("resultType").asString()).isEqualTo("input_required");
        JsonNode done = Raw2026.result(b, null, "tools/call", retry("greet", asked, "user_name", ANN));
        assertThat(text(done)).isEqualTo("Hello, ann");
    }

    @Test
    void aStateFromAnInstanceWithAnotherKeyIsAClearError() throws Exception {
        URI a = start(b -> b.requestStateKey(KEY_1));
        URI b = start(s -> s.requestStateKey(KEY_2));
        URI sameIdOtherKey = start(s -> s.requestStateKey("shared", KEY_2));
        URI named = start(s -> s.requestStateKey("shared", KEY_1));

        JsonNode asked = Raw2026.result(a, null, "tools/call", call("greet"));
        JsonNode error = Raw2026.error(b, null, "tools/call", retry("greet", asked, "user_name", ANN));
        assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(error.get("message").asString())
                .contains("this server does not have")
                .contains("share");

        JsonNode namedState = Raw2026.result(named, null, "tools/call", call("greet"));
        JsonNode forged =
                Raw2026.error(sameIdOtherKey, null, "tools/call", retry("greet", namedState, "user_name", ANN));
        assertThat(forged.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(forged.get("message").asString()).contains("failed authentication");
    }

    @Test
    void anExpiredStateIsAClearError() throws Exception {
        URI uri = start(b -> b.requestStateKey(KEY_1).requestStateMaxAge(Duration.ofMillis(300)));
        JsonNode asked = Raw2026.result(uri, null, "tools/call", call("greet"));
        Poll.until("the state expired", () -> {
            try {
                JsonNode r = Raw2026.send(uri, null, "tools/call", retry("greet", asked, "user_name", ANN));
                return r.has("error")
                        && r.get("error").get("code").asInt() == ErrorCodes.INVALID_PARAMS
                        && r.get("error").get("message").asString().contains("expired");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aStateIssuedToAnotherPrincipalOrForAnotherToolIsRefused() throws Exception {
        URI uri = start(b -> b.requestStateKey(KEY_1), true);
        JsonNode asked = Raw2026.result(uri, "token-alice", "tools/call", call("greet"));

        JsonNode otherCaller = Raw2026.error(uri, "token-bob", "tools/call", retry("greet", asked, "user_name", ANN));
        assertThat(otherCaller.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(otherCaller.get("message").asString()).contains("another caller");

        JsonNode otherTool =
                Raw2026.error(uri, "token-alice", "tools/call", retry("greet_again", asked, "user_name", ANN));
        assertThat(otherTool.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(otherTool.get("message").asString()).contains("another request");

        ObjectNode otherArguments = retry("greet", asked, "user_name", ANN);
        otherArguments.putObject("arguments").put("x", 1);
        assertThat(Raw2026.error(uri, "token-alice", "tools/call", otherArguments)
                        .get("message")
                        .asString())
                .contains("another request");

        JsonNode done = Raw2026.result(uri, "token-alice", "tools/call", retry("greet", asked, "user_name", ANN));
        assertThat(text(done)).isEqualTo("Hello, ann");
    }

    @Test
    void keyRotationAcceptsThePreviousKeyDuringItsGraceOnly() throws Exception {
        String k1 = Base64.getEncoder().encodeToString(KEY_1);
        String k2 = Base64.getEncoder().encodeToString(KEY_2);
        URI old = start(b -> b.requestStateKey("v1", KEY_1));
        // the format of JMCP_REQUEST_STATE_KEY: the first key is current, the others are previous
        URI rotated = start(b -> b.requestStateKeys("v2:" + k2 + ",v1:" + k1));
        URI graceOver =
                start(b -> b.requestStateKeys("v2:" + k2 + ",v1:" + k1).requestStateKeyGrace(Duration.ofMillis(200)));

        JsonNode asked = Raw2026.result(old, null, "tools/call", call("greet"));
        assertThat(asked.get("requestState").asString()).startsWith("v1.");
        assertThat(text(Raw2026.result(rotated, null, "tools/call", retry("greet", asked, "user_name", ANN))))
                .isEqualTo("Hello, ann");
        // new states are sealed with the current key, which the old instance does not have
        JsonNode askedAgain = Raw2026.result(rotated, null, "tools/call", call("greet"));
        assertThat(askedAgain.get("requestState").asString()).startsWith("v2.");
        assertThat(Raw2026.error(old, null, "tools/call", retry("greet", askedAgain, "user_name", ANN))
                        .get("message")
                        .asString())
                .contains("does not have");

        Poll.until("the grace period of v1 ended", () -> {
            try {
                JsonNode r = Raw2026.send(graceOver, null, "tools/call", retry("greet", asked, "user_name", ANN));
                return r.has("error")
                        && r.get("error").get("message").asString().contains("grace period ended");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anAnswerVolunteeredWithTheFirstRequestIsUsedAndAnyStateItLeadsToCarriesIt() throws Exception {
        // SEP-2322 lets a client send answers with its first request (the conformance suite's
        // input-required-result-ignore-extra-params): they are input like the arguments, not trusted state
        URI uri = start(b -> b.requestStateKey(KEY_1));
        ObjectNode direct = call("order");
        direct.putObject("inputResponses").set("confirm", McpJson.parse(YES));
        assertThat(text(Raw2026.result(uri, null, "tools/call", direct))).isEqualTo("order #1");
        assertThat(ordersPlaced.get()).isEqualTo(1);
        // a volunteered answer for the first question of two: the second round's state carries it, sealed
        ObjectNode profile = call("profile");
        profile.putObject("inputResponses").set("user_name", McpJson.parse(ANN));
        JsonNode asked = Raw2026.result(uri, null, "tools/call", profile);
        assertThat(asked.get("inputRequests").propertyNames()).containsExactly("color");
        assertThat(text(Raw2026.result(uri, null, "tools/call", retry("profile", asked, "color", YES))))
                .isEqualTo("ann/yes");
    }

    @Test
    void theStateIsEncryptedSoItDoesNotShowTheAnswersItCarries() throws Exception {
        URI uri = start(b -> b.requestStateKey(KEY_1));
        JsonNode first = Raw2026.result(uri, null, "tools/call", call("profile"));
        JsonNode second = Raw2026.result(uri, null, "tools/call", retry("profile", first, "user_name", ANN));
        assertThat(second.get("inputRequests").propertyNames()).containsExactly("color");
        String state = second.get("requestState").asString(); // carries the answer "ann"
        String payload = state.substring(state.indexOf('.') + 1);
        String decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("ann").doesNotContain("user_name");
        assertThat(text(Raw2026.result(uri, null, "tools/call", retry("profile", second, "color", YES))))
                .isEqualTo("ann/yes");
    }

    @Test
    void aStateMayBeReplayedUntilItsMaxAgeAndEachReplayReRunsTheTool() throws Exception {
        Duration maxAge = Duration.ofSeconds(3);
        URI uri = start(b -> b.requestStateKey(KEY_1).requestStateMaxAge(maxAge));
        JsonNode asked = Raw2026.result(uri, null, "tools/call", call("order"));
        long issued = System.nanoTime();
        ObjectNode confirmed = retry("order", asked, "confirm", YES);
        assertThat(text(Raw2026.result(uri, null, "tools/call", confirmed))).isEqualTo("order #1");
        // the same state and answer again, within the max age: the handler runs again from the start
        assertThat(text(Raw2026.result(uri, null, "tools/call", confirmed))).isEqualTo("order #2");
        Poll.until("the max age passed", () -> System.nanoTime() - issued > maxAge.toNanos() + 50_000_000L);
        int placed = ordersPlaced.get();
        assertThat(Raw2026.error(uri, null, "tools/call", confirmed)
                        .get("message")
                        .asString())
                .contains("expired");
        assertThat(ordersPlaced.get()).isEqualTo(placed);
    }
}
