package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.servlet.DnsRebindingProtection;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session table's slots and expiry, without HTTP (the HTTP behaviour is in mcp-transport-http/tests). */
@Timeout(15)
class SessionRegistryTest {
    private final ConcurrentLinkedQueue<String> closingThreads = new ConcurrentLinkedQueue<>();
    private final List<SessionRegistry> registries = new ArrayList<>();

    @AfterEach
    void closeAll() {
        registries.forEach(SessionRegistry::closeAll);
    }

    @Test
    void eachSessionHasOneExpiryCheckWhichLeavesWithIt() {
        SessionRegistry registry = registry(Duration.ofHours(1), 1_000, 1_000);
        List<ServerTransport> open = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            open.add(registry.openSession(new SessionOwner(null, "addr:a" + i))
                    .session()
                    .transport());
        }
        // the sweep plus one deadline per session, nothing that grows with time or scans the table
        assertThat(registry.queuedHousekeepingTasks()).isEqualTo(501);
        open.forEach(ServerTransport::close);
        assertThat(registry.sessionCount()).isZero();
        assertThat(registry.slotsInUse()).isZero();
        assertThat(registry.queuedHousekeepingTasks()).isEqualTo(1);
    }

    @Test
    void sessionsNobodyUsesExpireOnTheHousekeepingThreadNotOnARequestThread() throws InterruptedException {
        SessionRegistry registry = registry(Duration.ofMillis(50), 1_000, 1_000);
        for (int i = 0; i < 3; i++) {
            assertThat(registry.openSession(new SessionOwner(null, "addr:a")).session())
                    .isNotNull();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (registry.sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(registry.sessionCount()).isZero();
        assertThat(closingThreads).hasSize(3).allMatch(name -> name.equals("jmcp-http-housekeeping"));
        assertThat(registry.slotsInUse()).isZero();
    }

    @Test
    void slotsAreBoundedPerCallerAndOverall() {
        SessionRegistry registry = registry(Duration.ofHours(1), 3, 2);
        SessionOwner alice = new SessionOwner("client:alice", "client:alice");
        SessionOwner bob = new SessionOwner("client:bob", "client:bob");
        assertThat(registry.openSession(alice).refusal()).isNull();
        ServerTransport second = registry.openSession(alice).session().transport();
        assertThat(registry.openSession(alice).refusal()).isEqualTo(SessionRefusal.CALLER_FULL);
        assertThat(registry.openSession(bob).refusal()).isNull();
        assertThat(registry.openSession(bob).refusal()).isEqualTo(SessionRefusal.SERVER_FULL);
        second.close();
        assertThat(registry.openSession(bob).refusal()).isNull();
    }

    @Test
    void afterCloseAllNothingOpensAndNoHousekeepingRuns() {
        SessionRegistry registry = registry(Duration.ofHours(1), 10, 10);
        ServerTransport open =
                registry.openSession(new SessionOwner(null, "addr:a")).session().transport();
        registry.closeAll();
        assertThat(open.isClosed()).isTrue();
        assertThat(registry.openSession(new SessionOwner(null, "addr:a")).refusal())
                .isEqualTo(SessionRefusal.SHUT_DOWN);
        registry.ensureHousekeeping();
        assertThat(registry.queuedHousekeepingTasks()).isZero();
        assertThat(registry.sessionCount()).isZero();
        assertThat(registry.slotsInUse()).isZero();
    }

    private SessionRegistry registry(Duration initializationTimeout, int maxSessions, int perPrincipal) {
        EndpointConfig config = new EndpointConfig(
                EndpointConfig.SessionMode.SESSIONS,
                new InMemoryEventStore(),
                Duration.ofSeconds(3),
                Duration.ofHours(1),
                Duration.ofSeconds(15),
                maxSessions,
                perPrincipal,
                initializationTimeout,
                CodecLimits.DEFAULTS,
                1 << 20,
                16,
                DnsRebindingProtection.LOOPBACK,
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                StreamLimits.DEFAULTS);
        JsonRpcCodec codec = JsonRpcCodec.withLimits(CodecLimits.DEFAULTS);
        StreamSettings settings =
                StreamSettings.of(codec, config.eventStore(), 3000, 1 << 20, 16, StreamLimits.DEFAULTS);
        SessionRegistry registry = new SessionRegistry(config, new Connector(), settings);
        registries.add(registry);
        return registry;
    }

    /** Starts transports with a listener that ignores messages, and notes which thread closes them. */
    private final class Connector implements ServerConnector {
        @Override
        public ServerConnection connect(Transport transport) {
            transport.start(new TransportListener() {
                @Override
                public void onMessage(JsonRpcMessage message, InboundContext context) {}

                @Override
                public void onInvalidMessage(JsonRpcCodecException error) {}

                @Override
                public void onClose(Throwable cause) {
                    closingThreads.add(Thread.currentThread().getName());
                }
            });
            CompletableFuture<Void> closed = new CompletableFuture<>();
            return new ServerConnection() {
                @Override
                public CompletableFuture<Void> closeFuture() {
                    return closed;
                }

                @Override
                public void close() {
                    closed.complete(null);
                }
            };
        }

        @Override
        public ServerConnection connectStateless(Transport transport) {
            return connect(transport);
        }
    }
}
