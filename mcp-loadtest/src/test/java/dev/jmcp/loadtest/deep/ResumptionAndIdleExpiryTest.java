package dev.jmcp.loadtest.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [resumption]} (GET streams dropped and resumed with {@code Last-Event-ID}) and {@code [idle_expiry]} (sessions
 * reused after the server expired them), read from TOML and run next to ping load against a real jmcp server over
 * loopback HTTP.
 */
@Timeout(60)
class ResumptionAndIdleExpiryTest {
    @TempDir
    Path dir;

    @Test
    void idleExpiryCountsExpiredSessionsAndReinitialisationsApartFromErrors() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server)
                        .port(0)
                        .servlet(b -> b.sessionIdleTimeout(Duration.ofMillis(400)))
                        .start()) {
            LoadTestReport r = PingLoadRun.run(
                    http,
                    "persistent",
                    """
                    [idle_expiry]
                    sessions = 2
                    idle = "1200ms"
                    """);
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.IdleExpiry e = r.mcpScenarios().idleExpiry();
            assertThat(e.reuses()).as(e.toString()).isGreaterThanOrEqualTo(2);
            // 3x the server's idle timeout: the session is gone at every reuse and the client opens a new one
            assertThat(e.reinitialised()).as(e.toString()).isGreaterThanOrEqualTo(2);
            assertThat(e.expired()).as(e.toString()).isGreaterThanOrEqualTo(e.reinitialised());
            // every reuse was answered, or ended in a 404 the client could not recover from (counted as expired,
            // not as an error: on a loaded machine the retry may find the new session expired too)
            assertThat(e.succeeded() + e.expired() - e.reinitialised())
                    .as(e.toString())
                    .isEqualTo(e.reuses());
            assertThat(e.errors()).as(e.toString()).isZero();
        }
    }

    @Test
    void resumptionUnderLoadLosesAndDuplicatesNoEvent() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport r = PingLoadRun.run(
                    http,
                    "persistent",
                    """
                    [resumption]
                    sessions = 3
                    uri = "mem://counter"
                    trigger = { tool = "bump" }
                    interval = "50ms"
                    drop_every = "300ms"
                    """);
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.Resumption z = r.mcpScenarios().resumption();
            assertThat(z.sessions()).isEqualTo(3);
            assertThat(z.drops()).as(z.toString()).isGreaterThanOrEqualTo(9);
            assertThat(z.resumed()).as(z.toString()).isEqualTo(z.drops());
            assertThat(z.resumeFailures()).isZero();
            assertThat(z.triggers()).isGreaterThanOrEqualTo(20);
            assertThat(z.events()).as(z.toString()).isEqualTo(z.triggers() * 3);
            assertThat(z.lost()).isZero();
            assertThat(z.duplicated()).isZero();
            assertThat(z.resumeLatency().count()).isEqualTo(z.resumed());
        }
    }
}
