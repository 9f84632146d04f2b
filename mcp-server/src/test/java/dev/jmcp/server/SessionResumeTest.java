package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.core.transport.TransportMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link McpServer#resume}: a stored session is rebuilt for its owner only (issue #18). */
class SessionResumeTest {

    /** A transport that names a session and drops what is sent. */
    static final class NamedTransport implements Transport {
        final String id;
        volatile ProtocolVersion version;

        NamedTransport(String id) {
            this.id = id;
        }

        @Override
        public void start(TransportListener listener) {}

        @Override
        public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void setProtocolVersion(ProtocolVersion version) {
            this.version = version;
        }

        @Override
        public String sessionId() {
            return id;
        }

        @Override
        public void close() {}
    }

    static InboundContext as(String clientId) {
        AuthInfo auth =
                clientId == null ? null : new AuthInfo("t-" + clientId, clientId, null, Set.of(), null, Map.of());
        return new InboundContext(auth, TransportMetadata.NONE, null);
    }

    static StoredSession stored(String id, String owner) {
        return new StoredSession(
                id, ProtocolVersion.V2025_06_18, McpJson.object(), null, null, owner, "error", Set.of("file:///x"));
    }

    @Test
    void aStoredSessionIsResumedInitializedForItsOwnerOnly() {
        InMemorySessionStore store = new InMemorySessionStore();
        store.save(stored("mine", "client:app"), Duration.ofMinutes(1));
        store.save(stored("open", null), Duration.ofMinutes(1));
        try (McpServer server =
                McpServer.builder().sessionStore(store, Duration.ofMinutes(1)).build()) {
            NamedTransport t = new NamedTransport("mine");
            ServerSession resumed = server.resume(t, as("app"));
            assertThat(resumed).isNotNull();
            assertThat(resumed.id()).isEqualTo("mine");
            assertThat(resumed.isInitialized()).isTrue();
            assertThat(resumed.protocolVersion()).isEqualTo(ProtocolVersion.V2025_06_18);
            assertThat(t.version).isEqualTo(ProtocolVersion.V2025_06_18);

            assertThat(server.resume(new NamedTransport("mine"), as("intruder")))
                    .isNull();
            assertThat(server.resume(new NamedTransport("mine"), as(null))).isNull();
            assertThat(server.resume(new NamedTransport("open"), as("app"))).isNull();
            assertThat(server.resume(new NamedTransport("open"), as(null))).isNotNull();
            assertThat(server.resume(new NamedTransport("unknown"), as(null))).isNull();

            // releasing a copy leaves the session for the other instances; terminating it forgets it
            resumed.close();
            assertThat(store.find("mine")).isNotNull();
            server.resume(new NamedTransport("mine"), as("app")).terminate();
            assertThat(store.find("mine")).isNull();
        }
    }

    @Test
    void withoutASessionStoreNothingIsResumed() {
        InMemorySessionStore elsewhere = new InMemorySessionStore();
        elsewhere.save(stored("s", null), Duration.ofMinutes(1));
        try (McpServer server = McpServer.builder().build()) {
            assertThat(server.resume(new NamedTransport("s"), as(null))).isNull();
        }
    }
}
