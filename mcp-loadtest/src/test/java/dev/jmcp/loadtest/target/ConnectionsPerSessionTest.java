package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.target.HttpOptions.Connections;
import dev.jmcp.loadtest.target.HttpOptions.Version;
import dev.jmcp.transport.http.client.HttpClientEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fleet of clients: with a connection per session the server sees as many connections as sessions, over HTTP/1.1
 * (built-in or JDK client) and HTTP/2 (h2c, JDK client); shared connections put every session on one connection.
 * Driven through an embedded Jetty on 127.0.0.1 that counts the connections it accepted.
 */
@Timeout(60)
class ConnectionsPerSessionTest {
    private static final int SESSIONS = 5;
    private static final Step ECHO = new Step(Operation.TOOLS_CALL, "echo", McpJson.parse("{\"text\":\"hi\"}"));

    /** Opens {@link #SESSIONS} stateless sessions, makes three calls on each in turn, and closes them. */
    private static void callOnEverySession(McpTarget target) throws Exception {
        List<TargetSession> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(target.openSession(SessionMode.STATELESS));
        }
        for (int round = 0; round < 3; round++) {
            for (TargetSession s : sessions) {
                StepOutcome outcome = s.execute(ECHO, Duration.ofSeconds(5));
                assertThat(outcome.success()).as(outcome.message()).isTrue();
            }
        }
        sessions.forEach(TargetSession::close);
    }

    private static TargetSpec spec(ConnectionCountingServer server, HttpOptions options) {
        return TargetSpec.http(server.uri().toString()).withHttp(options);
    }

    @Test
    void theBuiltInClientGivesEverySessionItsOwnConnection() throws Exception {
        try (ConnectionCountingServer server = new ConnectionCountingServer();
                McpTarget target = new McpTarget(spec(server, HttpOptions.DEFAULTS))) {
            callOnEverySession(target);
            assertThat(server.connections()).isEqualTo(SESSIONS);
            assertThat(server.http2Connections()).isZero();
        }
    }

    @Test
    void anOpenModelRunHoldsOneConnectionPerPooledSession() throws Exception {
        try (ConnectionCountingServer server = new ConnectionCountingServer()) {
            LoadTestReport r = LoadTest.builder()
                    .target(TargetSpec.http(server.uri().toString()))
                    .openModel(200)
                    .workers(8, Duration.ofMillis(500))
                    .sessionPool(8)
                    .duration(Duration.ofSeconds(2))
                    .timeout(Duration.ofSeconds(5))
                    .sessionMode(SessionMode.STATELESS)
                    .scenario(Scenario.of(
                            "echo", 1, FlowStep.of(Operation.TOOLS_CALL, "echo", McpJson.parse("{\"text\":\"x\"}"))))
                    .build()
                    .run();
            assertThat(r.summary().errors()).isZero();
            assertThat(r.summary().requests()).isGreaterThan(100);
            assertThat(server.connections()).isEqualTo(8);
        }
    }

    @Test
    void theJdkClientWithAClientPerSessionOpensAConnectionPerSession() throws Exception {
        try (ConnectionCountingServer server = new ConnectionCountingServer();
                McpTarget target = new McpTarget(spec(
                        server, new HttpOptions(HttpClientEngine.JDK, Version.HTTP_1_1, Connections.PER_SESSION)))) {
            callOnEverySession(target);
            assertThat(server.connections()).isEqualTo(SESSIONS);
        }
    }

    @Test
    void sharedConnectionsPutSequentialCallsOfEverySessionOnOneConnection() throws Exception {
        try (ConnectionCountingServer server = new ConnectionCountingServer();
                McpTarget target = new McpTarget(spec(server, new HttpOptions(null, null, Connections.SHARED)))) {
            callOnEverySession(target);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void http2PerSessionGivesEverySessionItsOwnH2cConnection() throws Exception {
        try (ConnectionCountingServer server = new ConnectionCountingServer();
                McpTarget target =
                        new McpTarget(spec(server, new HttpOptions(null, Version.HTTP_2, Connections.PER_SESSION)))) {
            callOnEverySession(target);
            assertThat(server.http2Connections()).isEqualTo(SESSIONS);
            assertThat(server.connections()).isEqualTo(SESSIONS);
        }
    }

    @Test
    void http2SharedMultiplexesEverySessionOnOneH2cConnection() throws Exception {
        try (ConnectionCountingServer server = new ConnectionCountingServer();
                McpTarget target = new McpTarget(spec(server, new HttpOptions(null, Version.HTTP_2, null)))) {
            callOnEverySession(target);
            assertThat(server.http2Connections()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void theConfigurationNamesClientVersionAndConnectionsAndRejectsImpossibleOnes() {
        TargetSpec t = dev.jmcp.loadtest.ConfigLoader.parse(
                        "[target]\nurl = \"http://127.0.0.1:1/mcp\"\nhttp_version = \"2\"\n"
                                + "connections = \"per-session\"\n[[scenario]]\ntype = \"ping\"\n",
                        "h.toml")
                .target();
        assertThat(t.http().effectiveEngine()).isEqualTo(HttpClientEngine.JDK);
        assertThat(t.http().effectiveVersion()).isEqualTo(Version.HTTP_2);
        assertThat(t.http().effectiveConnections()).isEqualTo(Connections.PER_SESSION);
        assertThat(TargetSpec.http("http://127.0.0.1:1/mcp").http()).isEqualTo(HttpOptions.DEFAULTS);
        assertThatThrownBy(() -> dev.jmcp.loadtest.ConfigLoader.parse(
                        "[target]\nurl = \"http://127.0.0.1:1/mcp\"\nhttp_client = \"built-in\"\n"
                                + "http_version = \"2\"\n[[scenario]]\ntype = \"ping\"\n",
                        "bad.toml"))
                .isInstanceOf(dev.jmcp.loadtest.ConfigException.class)
                .hasMessageContaining("bad.toml")
                .hasMessageContaining("HTTP/1.1 only");
    }

    @Test
    void theBuiltInClientRefusesHttp2AndSharedConnections() {
        assertThatThrownBy(() -> new HttpOptions(HttpClientEngine.BUILT_IN, Version.HTTP_2, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTP/1.1 only");
        assertThatThrownBy(() -> new HttpOptions(HttpClientEngine.BUILT_IN, null, Connections.SHARED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool per session");
        assertThat(new HttpOptions(null, Version.HTTP_2, null).effectiveEngine())
                .isEqualTo(HttpClientEngine.JDK);
        assertThat(new HttpOptions(null, Version.HTTP_2, null).effectiveConnections())
                .isEqualTo(Connections.SHARED);
        assertThat(HttpOptions.DEFAULTS.effectiveEngine()).isEqualTo(HttpClientEngine.BUILT_IN);
        assertThat(HttpOptions.DEFAULTS.effectiveConnections()).isEqualTo(Connections.PER_SESSION);
    }
}
