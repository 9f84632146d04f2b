package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.ScaleOutOverHttpTest.call;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.elicitationId;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.initialize;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.next;
import static dev.jmcp.transport.http.ScaleOutOverHttpTest.sse;
import static dev.jmcp.transport.http.SessionTestSupport.headers;
import static dev.jmcp.transport.http.SessionTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.InMemorySessionStore;
import dev.jmcp.server.InMemoryTaskStore;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue #18, three instances: the bus orders messages per publisher only, so the GET-stream events two other
 * instances publish may reach the instance holding the GET connection out of order. Here instance B's stream events
 * are held back on the bus (as a slow pub/sub connection would) while C's go through; A, holding the GET connection,
 * still writes every event once, in the order the event store gave them.
 */
@Timeout(30)
class ScaleOutOrderingTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryTaskStore tasks = new InMemoryTaskStore();
    final InMemoryEventStore events = new InMemoryEventStore();
    final LocalMessageBus bus = LocalMessageBus.shared();
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void eventsOfTwoRemotePublishersArriveOnceInStoreOrderWhenTheBusReordersThem() throws Exception {
        URI a = instance(0, bus);
        HeldBus slow = new HeldBus(bus);
        URI b = instance(1, slow);
        URI c = instance(2, bus);
        String session = initialize(a);
        try (RawSse get = RawSse.open(a, "GET", sse(session), null)) {
            assertThat(get.status()).isEqualTo(200);
            Poll.until("the GET stream is attached", () -> bus.hasSubscribers("mcp:stream:" + session + ":0"));
            post(a, call(2, "complete", "{\"id\":\"e0\"}"), headers(session, null));
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .isEqualTo("e0");

            slow.hold();
            post(b, call(3, "complete", "{\"id\":\"e1\"}"), headers(session, null)); // stored, its publish held
            Poll.until("B's event is held on the bus", () -> slow.held() == 1);
            post(c, call(4, "complete", "{\"id\":\"e2\"}"), headers(session, null)); // stored after e1, published
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .as("e1 comes first although e2 reached A first")
                    .isEqualTo("e1");
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .isEqualTo("e2");

            slow.release(); // e1 reaches A late: already written, not again
            post(c, call(5, "complete", "{\"id\":\"e3\"}"), headers(session, null));
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .as("the late copy of e1 is not written again")
                    .isEqualTo("e3");
        }
    }

    URI instance(int n, MessageBus servletBus) {
        McpServer server = McpServer.builder()
                .name("instance-" + n)
                .sessionStore(sessions, java.time.Duration.ofMinutes(5))
                .taskStore(tasks)
                .messageBus(bus)
                .tool(Tool.builder("complete", EMPTY).build(), (req, ctx) -> {
                    String id = req.arguments().path("id").asString("e");
                    ctx.completeUrlElicitation(id);
                    return CallToolResult.text("completed " + id);
                })
                .build();
        McpHttpServer http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.eventStore(events).messageBus(servletBus))
                .start();
        open.add(0, server);
        open.add(0, http);
        return http.uri();
    }

    /** One instance's view of the shared bus whose stream events can be held back, then delivered late. */
    static final class HeldBus implements MessageBus {
        private final MessageBus shared;
        private final List<Object[]> held = new ArrayList<>();
        private boolean holding;

        HeldBus(MessageBus shared) {
            this.shared = shared;
        }

        synchronized void hold() {
            holding = true;
        }

        synchronized int held() {
            return held.size();
        }

        void release() {
            List<Object[]> late;
            synchronized (this) {
                holding = false;
                late = new ArrayList<>(held);
                held.clear();
            }
            for (Object[] m : late) {
                shared.publish((String) m[0], (byte[]) m[1]);
            }
        }

        @Override
        public void publish(String channel, byte[] message) {
            synchronized (this) {
                if (holding && channel.startsWith("mcp:stream:")) {
                    held.add(new Object[] {channel, message});
                    return;
                }
            }
            shared.publish(channel, message);
        }

        @Override
        public Subscription subscribe(String channel, Consumer<byte[]> receiver) {
            return shared.subscribe(channel, receiver);
        }

        @Override
        public boolean isShared() {
            return true;
        }

        @Override
        public void close() {}
    }
}
