package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.internal.ClientVersion;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.session.InboundNotification;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link McpClient#subscribe} in both eras, the elicitation-complete listener, and the clientInfo version. */
class SubscriptionsTest {
    private static final SubscriptionFilter TOOLS_AND_A = SubscriptionFilter.builder()
            .toolsListChanged(true)
            .promptsListChanged(true)
            .resourceSubscriptions(List.of("file:///a"))
            .build();

    private static void notify(InboundRequest r, String method, String params) {
        r.notify(method, params == null ? null : McpJson.parse(params));
    }

    private static String ack(Object subscriptionId, String notifications) {
        String meta = subscriptionId == null
                ? ""
                : ",\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":" + McpJson.write(subscriptionId) + "}";
        return "{\"notifications\":" + notifications + meta + "}";
    }

    /** A listen handler that acknowledges, sends two notifications, and holds the request open until cancelled. */
    private static JsonNode holdOpen(InboundRequest r) throws InterruptedException {
        notify(r, "notifications/subscriptions/acknowledged", ack(99999, "{\"resourcesListChanged\":true}"));
        notify(
                r,
                "notifications/subscriptions/acknowledged",
                ack(r.id().value(), "{\"toolsListChanged\":true," + "\"resourceSubscriptions\":[\"file:///a\"]}"));
        notify(r, "notifications/tools/list_changed", null);
        notify(r, "notifications/resources/updated", "{\"uri\":\"file:///a\"}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!r.isCancelled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return McpJson.object();
    }

    /** A handler that answers only once the request was cancelled. */
    private static JsonNode untilCancelled(InboundRequest r) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!r.isCancelled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return McpJson.object();
    }

    @Test
    void statelessListenIsAcknowledgedRoutedStaysOpenAndIsCancelledOnClose() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicLong listenId = new AtomicLong(-1);
        try (FakeServer server = FakeServer.stateless("{\"tools\":{\"listChanged\":true},\"resources\":{}}")
                        .on("subscriptions/listen", r -> {
                            listenId.set((Long) r.id().value());
                            return holdOpen(r);
                        })
                        .on("tools/list", SubscriptionsTest::untilCancelled);
                McpClient client = server.client()
                        .requestTimeout(Duration.ofMillis(300))
                        .onListChanged(k -> seen.add("changed:" + k))
                        .onResourceUpdated(u -> seen.add("updated:" + u.uri()))
                        .build()) {
            client.connect();
            Subscription sub = client.subscribe(TOOLS_AND_A);
            assertThat(sub.requested()).isEqualTo(TOOLS_AND_A);
            assertThat(sub.acknowledged())
                    .isEqualTo(SubscriptionFilter.builder()
                            .toolsListChanged(true)
                            .resourceSubscriptions(List.of("file:///a"))
                            .build());
            JsonNode params = server.last("subscriptions/listen").params();
            assertThat(params.get("notifications"))
                    .isEqualTo(McpJson.parse("{\"toolsListChanged\":true,\"promptsListChanged\":true,"
                            + "\"resourceSubscriptions\":[\"file:///a\"]}"));
            assertThat(params.get("_meta")
                            .get("io.modelcontextprotocol/protocolVersion")
                            .asString())
                    .isEqualTo("2026-07-28");
            assertThat(params.get("_meta").has("io.modelcontextprotocol/clientCapabilities"))
                    .isTrue();
            Poll.until("seen.size() == 2", () -> seen.size() == 2);
            assertThat(seen).containsExactly("changed:TOOLS", "updated:file:///a");

            // a probe sent after the listen, with the client's request timeout, times out first: had the listen
            // request that timeout too, it would have timed out (and been cancelled) before the probe
            var probe = client.async().request("tools/list", null, CallOptions.defaults());
            assertThat(probe)
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat()
                    .havingRootCause()
                    .isInstanceOf(McpTimeoutException.class);
            assertThat(sub.isOpen()).isTrue();
            InboundNotification probeCancelled = server.nextNotification("notifications/cancelled");
            assertThat(probeCancelled.params().get("requestId").asLong()).isNotEqualTo(listenId.get());

            sub.close();
            InboundNotification cancelled = server.nextNotification("notifications/cancelled");
            assertThat(cancelled.params().get("requestId").asLong()).isEqualTo(listenId.get());
            assertThat(sub.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
            assertThat(sub.isOpen()).isFalse();
        }
    }

    @Test
    void closingTheClientCancelsAnOpenListen() throws Exception {
        AtomicLong listenId = new AtomicLong(-1);
        FakeServer server = FakeServer.stateless("{\"tools\":{\"listChanged\":true}}")
                .on("subscriptions/listen", r -> {
                    listenId.set((Long) r.id().value());
                    return holdOpen(r);
                });
        // what the client sends: the in-memory pair drops frames still queued when the client closes it
        List<JsonNode> sent = new CopyOnWriteArrayList<>();
        server.pair.clientSide().withOutboundFilter(frame -> {
            sent.add(McpJson.parse(new String(frame, java.nio.charset.StandardCharsets.UTF_8)));
            return frame;
        });
        McpClient client = server.client().build();
        try (server) {
            client.connect();
            Subscription sub = client.subscribe(TOOLS_AND_A);
            client.close();
            assertThat(sent)
                    .filteredOn(m ->
                            "notifications/cancelled".equals(m.path("method").asString("")))
                    .extracting(m -> m.get("params").get("requestId").asLong())
                    .containsExactly(listenId.get());
            assertThat(sub.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void aListenTheServerAnswersEndsTheSubscription() throws Exception {
        try (FakeServer server = FakeServer.stateless("{\"tools\":{}}")
                        .on("subscriptions/listen", r -> {
                            notify(r, "notifications/subscriptions/acknowledged", ack(r.id().value(), "{}"));
                            Thread.sleep(100);
                            return McpJson.object();
                        })
                        .onJson("tools/list", "{\"tools\":[]}");
                McpClient client = server.client().build()) {
            List<String> sentMethods = new CopyOnWriteArrayList<>();
            server.pair.clientSide().withOutboundFilter(frame -> {
                sentMethods.add(McpJson.parse(new String(frame, java.nio.charset.StandardCharsets.UTF_8))
                        .path("method")
                        .asString(""));
                return frame;
            });
            client.connect();
            Subscription sub = client.subscribe(TOOLS_AND_A);
            assertThat(sub.acknowledged())
                    .isEqualTo(SubscriptionFilter.builder().build());
            assertThat(sub.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
            assertThat(sub.isOpen()).isFalse();
            sub.close(); // idempotent, sends nothing for an ended request
            client.listTools(); // a probe: a cancellation sent by close() would be sent before it
            assertThat(sentMethods).doesNotContain("notifications/cancelled").endsWith("tools/list");
        }
    }

    @Test
    void anUnacknowledgedListenTimesOutAndIsCancelled() throws Exception {
        try (FakeServer server = FakeServer.stateless("{}").on("subscriptions/listen", r -> {
                    Thread.sleep(5000);
                    return McpJson.object();
                });
                McpClient client =
                        server.client().requestTimeout(Duration.ofMillis(200)).build()) {
            client.connect();
            assertThatThrownBy(() -> client.subscribe(TOOLS_AND_A)).isInstanceOf(McpTimeoutException.class);
            server.nextNotification("notifications/cancelled");
        }
    }

    @Test
    void aRefusedListenFailsTheSubscribe() {
        try (FakeServer server = FakeServer.stateless("{}");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() -> client.subscribe(TOOLS_AND_A))
                    .isInstanceOf(McpRpcException.class)
                    .hasMessageContaining("subscriptions/listen");
        }
    }

    @Test
    void anAcknowledgementWithoutIdGoesToTheOldestWaitingSubscription() {
        try (FakeServer server = FakeServer.stateless("{}").on("subscriptions/listen", r -> {
                    notify(r, "notifications/subscriptions/acknowledged", ack(null, "{\"toolsListChanged\":true}"));
                    Thread.sleep(5000);
                    return McpJson.object();
                });
                McpClient client = server.client().build()) {
            client.connect();
            Subscription sub = client.subscribe(TOOLS_AND_A);
            assertThat(sub.acknowledged().toolsListChanged()).isTrue();
            sub.close();
        }
    }

    @Test
    void handshakeEraSubscribesEachUriOnceAndUnsubscribesWhenTheLastHolderCloses() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (FakeServer server = FakeServer.handshake(
                                "2025-11-25",
                                "{\"tools\":{\"listChanged\":true},\"prompts\":{},"
                                        + "\"resources\":{\"subscribe\":true}}")
                        .onJson("resources/subscribe", "{}")
                        .onJson("resources/unsubscribe", "{}");
                McpClient client = server.client()
                        .onListChanged(k -> seen.add("changed:" + k))
                        .onResourceUpdated(u -> seen.add("updated:" + u.uri()))
                        .build()) {
            client.connect();
            Subscription first = client.subscribe(SubscriptionFilter.builder()
                    .toolsListChanged(true)
                    .promptsListChanged(true)
                    .resourceSubscriptions(List.of("file:///a", "file:///b"))
                    .build());
            assertThat(first.acknowledged())
                    .isEqualTo(new SubscriptionFilter(true, false, null, List.of("file:///a", "file:///b")));
            Subscription second = client.subscribe(SubscriptionFilter.builder()
                    .resourceSubscriptions(List.of("file:///a"))
                    .build());
            assertThat(server.all("resources/subscribe"))
                    .extracting(r -> r.params().get("uri").asString())
                    .containsExactlyInAnyOrder("file:///a", "file:///b");

            server.session.notify("notifications/tools/list_changed", null);
            server.session.notify("notifications/resources/updated", McpJson.parse("{\"uri\":\"file:///b\"}"));
            Poll.until("seen.size() == 2", () -> seen.size() == 2);
            assertThat(seen).containsExactly("changed:TOOLS", "updated:file:///b");

            first.close();
            Poll.until(
                    "server.all('resources/unsubscribe').size() == 1",
                    () -> server.all("resources/unsubscribe").size() == 1);
            assertThat(server.last("resources/unsubscribe").params().get("uri").asString())
                    .isEqualTo("file:///b");
            assertThat(first.isOpen()).isFalse();
            assertThat(second.isOpen()).isTrue();
            second.close();
            Poll.until(
                    "server.all('resources/unsubscribe').size() == 2",
                    () -> server.all("resources/unsubscribe").size() == 2);
            assertThat(server.last("resources/unsubscribe").params().get("uri").asString())
                    .isEqualTo("file:///a");
            assertThat(server.methods()).doesNotContain("subscriptions/listen");
        }
    }

    @Test
    void handshakeEraUrisNeedResourcesSubscribe() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{\"resources\":{}}");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() -> client.subscribe(TOOLS_AND_A))
                    .isInstanceOf(MissingServerCapabilityException.class);
            Subscription listOnly = client.subscribe(
                    SubscriptionFilter.builder().toolsListChanged(true).build());
            assertThat(listOnly.acknowledged().toolsListChanged()).isFalse();
            assertThat(server.methods()).doesNotContain("resources/subscribe");
        }
    }

    @Test
    void elicitationCompleteReachesItsListener() {
        List<String> done = new CopyOnWriteArrayList<>();
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .onElicitationComplete(n -> done.add(n.elicitationId()))
                        .build()) {
            client.connect();
            ObjectNode params = McpJson.object().put("elicitationId", "el-7");
            server.session.notify("notifications/elicitation/complete", params);
            Poll.until("!done.isEmpty()", () -> !done.isEmpty());
            assertThat(done).containsExactly("el-7");
        }
    }

    @Test
    void clientInfoCarriesTheLibraryVersion() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client().build()) {
            client.connect();
            JsonNode info = server.last("initialize").params().get("clientInfo");
            assertThat(info.get("name").asString()).isEqualTo("jmcp-client");
            // tests run from target/classes, which has no manifest: the fallback
            assertThat(info.get("version").asString())
                    .isEqualTo(ClientVersion.current())
                    .isEqualTo("dev");
        }
    }
}
