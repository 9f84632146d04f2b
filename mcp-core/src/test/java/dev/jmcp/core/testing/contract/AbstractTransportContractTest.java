package dev.jmcp.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.Await;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every {@link Transport} must do, whatever carries the bytes (after gRPC's {@code AbstractTransportTest}).
 * A subclass supplies {@link #connect(ContractServer)}: serve the given server peer (for a pair of transports:
 * hand it the server side) and return the client side, not started. Subclasses whose server runs elsewhere (a
 * subprocess) override {@link #awaitServerSessionClosed}; those that can put raw bytes on the wire override
 * {@link #sendInvalidBytes}.
 *
 * <p>The client is mostly a {@link ContractClient}, which sees every message as it arrives and never hides a
 * duplicate; where the contract is about what a caller sees, it is a real {@link McpSession}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class AbstractTransportContractTest {
    /** How long any single wait in the suite lasts at most. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    private static final String VERSION = "2025-11-25";
    private final List<AutoCloseable> resources = new ArrayList<>();
    /** The server peer of this test. */
    protected final ContractServer server = new ContractServer();

    /** Starts whatever serves {@code server} and returns a client transport connected to it (not started). */
    protected abstract Transport connect(ContractServer server) throws Exception;

    /**
     * Waits until the server's session has ended and its close listener has fired. The default watches the
     * in-process {@link #server}; a transport whose server runs elsewhere overrides this.
     */
    protected void awaitServerSessionClosed() throws Exception {
        server.firstSessionClosed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        McpSession session = server.firstSession().getNow(null);
        assertThat(session).isNotNull();
        assertThat(session.isOpen()).isFalse();
    }

    /**
     * Puts {@code bytes} on the wire from the client as one message, the server's answer to go to {@code client}
     * as an inbound message. Returns false when the transport cannot send raw bytes (the test is skipped).
     */
    protected boolean sendInvalidBytes(ContractClient client, byte[] bytes) throws Exception {
        return false;
    }

    /** Registers something to close after the test, last registered first. */
    protected <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    /** A raw client that has completed the handshake (initialize with id 1, then notifications/initialized). */
    protected ContractClient initializedClient() throws Exception {
        Transport transport = closeLater(connect(server));
        ContractClient client = new ContractClient(transport).start();
        JsonRpcMessage init = answer(client.call(RequestId.of(1), "initialize", initializeParams()));
        assertThat(result(init).get("protocolVersion").asString()).isEqualTo(VERSION);
        transport.setProtocolVersion(ProtocolVersion.V2025_11_25);
        client.notify("notifications/initialized", null).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return client;
    }

    /** A session client that has completed the handshake. */
    protected McpSession initializedSession() throws Exception {
        McpSession session = closeLater(McpSession.builder(closeLater(connect(server)))
                .name("contract-client")
                .requestTimeout(Duration.ofSeconds(30))
                .build()
                .start());
        JsonNode init = Await.result(session.request("initialize", initializeParams()), WAIT);
        assertThat(init.get("protocolVersion").asString()).isEqualTo(VERSION);
        session.setProtocolVersion(ProtocolVersion.V2025_11_25);
        Await.result(session.notify("notifications/initialized", null), WAIT);
        return session;
    }

    private static ObjectNode initializeParams() {
        ObjectNode p = McpJson.object();
        p.put("protocolVersion", VERSION);
        p.putObject("capabilities").putObject("sampling");
        p.putObject("clientInfo").put("name", "contract-client").put("version", "1");
        return p;
    }

    private static JsonRpcMessage answer(CompletableFuture<JsonRpcMessage> call) throws Exception {
        return call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static JsonNode result(JsonRpcMessage answer) {
        assertThat(answer).as("a successful response").isInstanceOf(JsonRpcResponse.class);
        return ((JsonRpcResponse) answer).result();
    }

    private static RequestId idOf(JsonRpcMessage answer) {
        return answer instanceof JsonRpcResponse r ? r.id() : ((JsonRpcErrorResponse) answer).id();
    }

    private static int indexOfAnswer(List<JsonRpcMessage> log, RequestId id) {
        for (int i = 0; i < log.size(); i++) {
            JsonRpcMessage m = log.get(i);
            if ((m instanceof JsonRpcResponse || m instanceof JsonRpcErrorResponse) && id.equals(idOf(m))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    public void answersCarryTheRequestIdWithItsType() throws Exception {
        ContractClient client = initializedClient();
        RequestId text = RequestId.of("req-\u00e9-1");
        RequestId numericText = RequestId.of("42");
        RequestId number = RequestId.of(42);
        JsonRpcMessage a = answer(client.call(text, "echo", McpJson.object().put("v", "text")));
        JsonRpcMessage b =
                answer(client.call(numericText, "echo", McpJson.object().put("v", "numeric text")));
        JsonRpcMessage c = answer(client.call(number, "echo", McpJson.object().put("v", "number")));
        assertThat(idOf(a)).isEqualTo(text).isInstanceOf(RequestId.StringId.class);
        assertThat(idOf(b)).isEqualTo(numericText).isInstanceOf(RequestId.StringId.class);
        assertThat(idOf(c)).isEqualTo(number).isInstanceOf(RequestId.NumberId.class);
        assertThat(result(a).get("v").asString()).isEqualTo("text");
        assertThat(result(b).get("v").asString()).isEqualTo("numeric text");
        assertThat(result(c).get("v").asString()).isEqualTo("number");
    }

    @Test
    public void clientNotificationsReachTheServerInOrder() throws Exception {
        ContractClient client = initializedClient();
        for (int n = 1; n <= 3; n++) {
            client.notify("contract/note", McpJson.object().put("n", n)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        JsonNode notes = result(answer(
                        client.call(RequestId.of(2), "notes", McpJson.object().put("expect", 3))))
                .get("notes");
        assertThat(notes.valueStream().map(JsonNode::intValue)).containsExactly(1, 2, 3);
    }

    @Test
    public void serverNotificationsAboutARequestArriveBeforeItsAnswer() throws Exception {
        ContractClient client = initializedClient();
        RequestId id = RequestId.of(2);
        JsonRpcMessage answer =
                answer(client.call(id, "events", McpJson.object().put("count", 5)));
        assertThat(result(answer).get("count").intValue()).isEqualTo(5);
        List<JsonRpcMessage> log = client.inbound();
        List<Integer> before = new ArrayList<>();
        for (JsonRpcMessage m : log.subList(0, indexOfAnswer(log, id))) {
            if (m instanceof JsonRpcNotification n && n.method().equals("contract/event")) {
                before.add(n.params().get("i").intValue());
            }
        }
        assertThat(before).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    public void progressArrivesBeforeTheResult() throws Exception {
        ContractClient client = initializedClient();
        RequestId id = RequestId.of("with-progress");
        ObjectNode params = McpJson.object();
        params.putObject("_meta").put("progressToken", "token-1");
        JsonRpcMessage answer = answer(client.call(id, "progress", params));
        assertThat(result(answer).get("done").booleanValue()).isTrue();
        List<JsonRpcMessage> log = client.inbound();
        List<Double> progress = new ArrayList<>();
        for (JsonRpcMessage m : log.subList(0, indexOfAnswer(log, id))) {
            if (m instanceof JsonRpcNotification n && n.method().equals("notifications/progress")) {
                assertThat(n.params().get("progressToken").asString()).isEqualTo("token-1");
                progress.add(n.params().get("progress").doubleValue());
            }
        }
        assertThat(progress).containsExactly(0.0, 50.0, 100.0);
    }

    @Test
    public void serverRequestIsAnsweredWhileTheHandlerWaits() throws Exception {
        ContractClient client = initializedClient();
        JsonRpcMessage answer =
                answer(client.call(RequestId.of(2), "sample", McpJson.object().put("q", "hi")));
        assertThat(result(answer).at("/answer/text").asString()).isEqualTo("sampled hi");
        assertThat(client.inbound())
                .filteredOn(m -> m instanceof JsonRpcRequest r && r.method().equals("sampling/createMessage"))
                .hasSize(1);
    }

    @Test
    public void unrelatedServerNotificationReachesTheClient() throws Exception {
        ContractClient client = initializedClient();
        answer(client.call(RequestId.of(2), "broadcast", McpJson.object().put("n", 7)));
        JsonRpcNotification n;
        do {
            n = client.notifications().poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(n).as("contract/broadcast within %s", WAIT).isNotNull();
        } while (!n.method().equals("contract/broadcast"));
        assertThat(n.params().get("n").intValue()).isEqualTo(7);
    }

    @Test
    public void concurrentRequestsAreAnsweredAsTheyFinishNoneLostNoneDuplicated() throws Exception {
        ContractClient client = initializedClient();
        RequestId gateId = RequestId.of("gate");
        CompletableFuture<JsonRpcMessage> gate = client.call(gateId, "gate", McpJson.object());
        int count = 200;
        List<RequestId> ids = new ArrayList<>();
        List<CompletableFuture<JsonRpcMessage>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RequestId id = i % 2 == 0 ? RequestId.of(1000 + i) : RequestId.of("c-" + i);
            ids.add(id);
            calls.add(
                    i % 3 == 0
                            ? client.call(
                                    id,
                                    "sleep",
                                    McpJson.object().put("ms", i % 7).put("i", i))
                            : client.call(id, "echo", McpJson.object().put("i", i)));
        }
        for (int i = 0; i < count; i++) {
            JsonRpcMessage answer = answer(calls.get(i));
            assertThat(idOf(answer)).isEqualTo(ids.get(i));
            assertThat(result(answer).get("i").intValue()).isEqualTo(i);
        }
        assertThat(gate)
                .as("the gated request is still waiting after %d others were answered", count)
                .isNotDone();
        answer(client.call(RequestId.of("open"), "open", McpJson.object()));
        assertThat(result(answer(gate)).get("opened").booleanValue()).isTrue();
        answer(client.call(RequestId.of("last"), "echo", McpJson.object()));
        for (RequestId id : ids) {
            assertThat(client.answerCount(id)).as("answers to %s", id).isEqualTo(1);
        }
        long answers = client.inbound().stream()
                .filter(m -> m instanceof JsonRpcResponse || m instanceof JsonRpcErrorResponse)
                .count();
        assertThat(answers).as("initialize, gate, 200 calls, open, last").isEqualTo(count + 4L);
    }

    @Test
    public void twoMebibyteMessagesCrossBothWaysWhole() throws Exception {
        ContractClient client = initializedClient();
        String unit = "0123456789abcdef\u00e9\u4e2d\"\\\n";
        StringBuilder sb = new StringBuilder();
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < 2 * 1024 * 1024) {
            sb.append(unit.repeat(4096));
        }
        String big = sb.toString();
        JsonRpcMessage answer =
                answer(client.call(RequestId.of(2), "echo", McpJson.object().put("big", big)));
        assertThat(result(answer).get("big").asString()).isEqualTo(big);
        JsonRpcMessage after =
                answer(client.call(RequestId.of(3), "echo", McpJson.object().put("after", true)));
        assertThat(result(after).get("after").booleanValue()).isTrue();
    }

    @Test
    public void invalidBytesAreAnsweredWithParseErrorAndTheSessionGoesOn() throws Exception {
        ContractClient client = initializedClient();
        boolean sent =
                sendInvalidBytes(client, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":".getBytes(StandardCharsets.UTF_8));
        assumeTrue(sent, "this transport cannot put raw bytes on the wire");
        JsonRpcErrorResponse error = client.unmatchedErrors().poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(error).as("an error answer to the invalid bytes").isNotNull();
        assertThat(error.error().code()).isEqualTo(-32700);
        assertThat(error.id()).isNull();
        JsonRpcMessage after =
                answer(client.call(RequestId.of(3), "echo", McpJson.object().put("still", "here")));
        assertThat(result(after).get("still").asString()).isEqualTo("here");
    }

    @Test
    public void serverCloseFailsPendingRequestsPromptlyWithTransportException() throws Exception {
        McpSession client = initializedSession();
        CompletableFuture<Void> streamStarted = new CompletableFuture<>();
        client.setNotificationHandler("contract/event", n -> streamStarted.complete(null));
        CompletableFuture<JsonNode> silent = client.request("hang", McpJson.object());
        CompletableFuture<JsonNode> started =
                client.request("hang", McpJson.object().put("notifyFirst", true));
        streamStarted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Await.result(client.request("echo", McpJson.object()), WAIT);
        Await.result(client.notify("contract/close", null), WAIT);
        // the server's handlers would wait 20 s: failing within WAIT means the close was noticed, not timed out
        for (CompletableFuture<JsonNode> pending : List.of(silent, started)) {
            assertThatThrownBy(() -> pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(McpTransportException.class);
        }
    }

    @Test
    public void clientCloseEndsTheServerSession() throws Exception {
        ContractClient client = initializedClient();
        answer(client.call(RequestId.of(2), "echo", McpJson.object()));
        client.transport().close();
        assertThat(client.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNull();
        awaitServerSessionClosed();
    }

    @Test
    public void sendAfterCloseFails() throws Exception {
        ContractClient client = initializedClient();
        client.transport().close();
        client.transport().close();
        CompletableFuture<Void> send =
                client.transport().send(new JsonRpcRequest(RequestId.of(9), "echo", McpJson.object()));
        assertThatThrownBy(() -> send.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(McpTransportException.class);
        // onClose may be delivered on the transport's own thread, after close() returned.
        client.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(client.closeCalls()).as("onClose is called exactly once").isEqualTo(1);
    }
}
