package dev.jmcp.loadtest.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.ReportFiles;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [subscribe]} fan-out (both eras) and {@code [idle_streams]} (GET streams, {@code subscriptions/listen}), read
 * from TOML and run next to ping load against a real jmcp server over loopback HTTP.
 */
@Timeout(60)
class SubscriptionAndStreamScenariosTest {
    @TempDir
    Path dir;

    @Test
    void subscribeFanOutAndIdleGetStreamsInTheHandshakeEra() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport r = PingLoadRun.run(
                    http,
                    "persistent",
                    """
                    [subscribe]
                    sessions = 4
                    uri = "mem://counter"
                    trigger = { tool = "bump" }
                    interval = "200ms"

                    [idle_streams]
                    sessions = 8
                    """);
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.Subscriptions s = r.mcpScenarios().subscriptions();
            assertThat(s.era()).isEqualTo("handshake");
            assertThat(s.subscribed()).isEqualTo(4);
            assertThat(s.triggers()).isGreaterThanOrEqualTo(5);
            assertThat(s.expected()).isEqualTo(s.triggers() * 4);
            assertThat(s.received()).as(s.toString()).isEqualTo(s.expected());
            assertThat(s.missed()).isZero();
            assertThat(s.latency().count()).isEqualTo(s.received());
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.IdleStreams i = r.mcpScenarios().idleStreams();
            assertThat(i.kind()).isEqualTo("get");
            assertThat(i.opened()).isEqualTo(8);
            assertThat(i.closedByServer()).isZero();
            assertThat(i.openAtEnd()).isEqualTo(8);
            assertThat(r.summary().errors()).isZero();
            Path json = dir.resolve("r.json");
            ReportFiles.writeJson(r, json);
            assertThat(ReportFiles.readJson(json).mcpScenarios()).isEqualTo(r.mcpScenarios());
        }
    }

    @Test
    void subscribeFanOutAndListenStreamsWhenStateless() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport r = PingLoadRun.run(
                    http,
                    "stateless",
                    """
                    [subscribe]
                    sessions = 3
                    uri = "mem://counter"
                    trigger = { tool = "bump" }
                    interval = "200ms"

                    [idle_streams]
                    sessions = 5
                    """);
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.Subscriptions s = r.mcpScenarios().subscriptions();
            assertThat(s.era()).isEqualTo("2026-07-28");
            assertThat(s.subscribed()).isEqualTo(3);
            assertThat(s.triggers()).isGreaterThanOrEqualTo(5);
            assertThat(s.missed()).isZero();
            assertThat(s.received()).isEqualTo(s.triggers() * 3);
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.IdleStreams i = r.mcpScenarios().idleStreams();
            assertThat(i.kind()).isEqualTo("subscriptions/listen");
            assertThat(i.opened()).isEqualTo(5);
            assertThat(i.openAtEnd()).isEqualTo(5);
        }
    }

    @Test
    void idleGetStreamsTheServerClosesAreCounted() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            // the server ends every session (and so its GET stream) once the load runs
            Thread closer = new Thread(() -> {
                try {
                    Poll.until("the sessions are open", () -> server.sessions().size() >= 5);
                    Thread.sleep(500);
                    server.sessions().forEach(dev.jmcp.server.ServerSession::close);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            closer.start();
            LoadTestReport r = PingLoadRun.run(
                    http,
                    "persistent",
                    """
                    [idle_streams]
                    sessions = 4
                    """);
            closer.join(5000);
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.IdleStreams i = r.mcpScenarios().idleStreams();
            assertThat(i.opened()).isEqualTo(4);
            assertThat(i.closedByServer()).isEqualTo(4);
            assertThat(i.openAtEnd()).isZero();
        }
    }
}
