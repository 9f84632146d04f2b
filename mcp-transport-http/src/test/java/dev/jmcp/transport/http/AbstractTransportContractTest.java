package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.Await;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Behaviour every transport must show, whatever carries the bytes. A subclass supplies connected transports:
 * {@link #connect(FakeServer)} serves the given fake server and returns the client side.
 */
@Timeout(30)
public abstract class AbstractTransportContractTest {
    protected static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> resources = new ArrayList<>();
    protected final FakeServer server = new FakeServer();
    protected final BlockingQueue<String> clientNotifications = new LinkedBlockingQueue<>();

    /** Starts whatever serves {@code server} and returns a client transport connected to it (not started). */
    protected abstract Transport connect(FakeServer server) throws Exception;

    /** Registers something to close after the test. */
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

    protected McpSession initializedClient() throws Exception {
        McpSession client = closeLater(McpSession.builder(connect(server))
                .name("contract-client")
                .requestHandler("sampling/createMessage", r -> McpJson.object().put("text", "sampled"))
                .notificationHandler("notifications/tools/list_changed", n -> clientNotifications.add(n.method()))
                .notificationHandler(
                        "notifications/message",
                        n -> clientNotifications.add(
                                n.method() + ":" + n.params().get("i").intValue()))
                .build()
                .start());
        JsonNode init = Await.result(client.request("initialize", FakeServer.initializeParams("2025-11-25")), WAIT);
        assertThat(init.get("protocolVersion").asString()).isEqualTo("2025-11-25");
        client.setProtocolVersion(ProtocolVersion.V2025_11_25);
        Await.result(client.notify("notifications/initialized", null), WAIT);
        return client;
    }

    @Test
    void requestIsAnsweredWithTheSameJsonId() throws Exception {
        McpSession client = initializedClient();
        JsonNode result = Await.result(client.request("echo", McpJson.object().put("x", 42)), WAIT);
        assertThat(result.get("x").intValue()).isEqualTo(42);
    }

    @Test
    void clientNotificationReachesTheServer() throws Exception {
        initializedClient();
        assertThat(server.notifications.poll(10, TimeUnit.SECONDS)).isEqualTo("notifications/initialized");
    }

    @Test
    void progressArrivesBeforeTheResult() throws Exception {
        McpSession client = initializedClient();
        List<Double> progress = new CopyOnWriteArrayList<>();
        CompletableFuture<JsonNode> call = client.request(
                "progress",
                McpJson.object(),
                RequestOptions.builder()
                        .progressListener((p, total, message) -> progress.add(p))
                        .build());
        JsonNode result = Await.result(call, WAIT);
        assertThat(result.get("done").booleanValue()).isTrue();
        assertThat(progress).containsExactly(0.0, 50.0, 100.0);
    }

    @Test
    void serverToClientRequestIsAnsweredWhileAHandlerWaits() throws Exception {
        McpSession client = initializedClient();
        JsonNode result = Await.result(client.request("sample", McpJson.object()), WAIT);
        assertThat(result.get("answer").get("text").asString()).isEqualTo("sampled");
    }

    @Test
    void unrelatedServerNotificationReachesTheClient() throws Exception {
        McpSession client = initializedClient();
        Await.result(client.request("broadcast", McpJson.object()), WAIT);
        assertThat(clientNotifications.poll(10, TimeUnit.SECONDS)).isEqualTo("notifications/tools/list_changed");
    }

    @Test
    void concurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        McpSession client = initializedClient();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(client.request("echo", McpJson.object().put("n", i)));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(Await.result(calls.get(i), WAIT).get("n").intValue()).isEqualTo(i);
        }
    }

    @Test
    void largeMessagesArriveWhole() throws Exception {
        McpSession client = initializedClient();
        String big = "x".repeat(500_000);
        JsonNode result = Await.result(client.request("echo", McpJson.object().put("big", big)), WAIT);
        assertThat(result.get("big").asString()).isEqualTo(big);
    }

    @Test
    void clientCloseEndsTheServerSession() throws Exception {
        McpSession client = initializedClient();
        McpSession serverSession = server.sessions.get(0);
        client.close();
        serverSession.closeFuture().get(10, TimeUnit.SECONDS);
        assertThat(serverSession.isOpen()).isFalse();
    }
}
