package dev.jmcp.loadtest.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.ReportFiles;
import dev.jmcp.loadtest.target.CallMode;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.TargetSpec;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress and task steps against a real jmcp server over loopback HTTP: time to first progress next to the call's
 * latency; tasks in both eras polled to completion, with polls and terminal states in the report.
 */
@Timeout(60)
class ProgressAndTaskStepsTest {
    @TempDir
    Path dir;

    @Test
    void timeToFirstProgressIsReportedNextToTheCallLatency() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport r = LoadTest.builder()
                    .target(TargetSpec.http(http.uri().toString()))
                    .openModel(10)
                    .workers(6, Duration.ofMillis(200))
                    .duration(Duration.ofMillis(1500))
                    .toolCall("work", null, CallMode.PROGRESS, 1)
                    .build()
                    .run();
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.Progress p = r.mcpScenarios().progress();
            assertThat(p.calls()).isGreaterThan(5);
            assertThat(p.withProgress()).isEqualTo(p.calls());
            // the first progress comes after ~40 ms of a ~130 ms call
            assertThat(p.timeToFirstProgress().p50Ms())
                    .isGreaterThanOrEqualTo(35)
                    .isLessThan(p.callLatency().p50Ms());
            assertThat(p.callLatency().p50Ms()).isGreaterThanOrEqualTo(120);
            assertThat(r.tools().get("work").errors()).isZero();
            Path json = dir.resolve("r.json");
            ReportFiles.writeJson(r, json);
            assertThat(ReportFiles.readJson(json).mcpScenarios().progress().calls())
                    .isEqualTo(p.calls());
            assertThat(ReportFiles.toHtml(r)).contains("time to first progress");
        }
    }

    @Test
    void tasksArePolledToCompletionInTheHandshakeEra() throws Exception {
        runTasks(SessionMode.PERSISTENT);
    }

    @Test
    void tasksArePolledToCompletionWithThe20260728Extension() throws Exception {
        runTasks(SessionMode.STATELESS);
    }

    private void runTasks(SessionMode mode) throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport r = LoadTest.builder()
                    .target(TargetSpec.http(http.uri().toString()))
                    .openModel(8)
                    .workers(6, Duration.ofMillis(200))
                    .sessionMode(mode)
                    .duration(Duration.ofMillis(1500))
                    .toolCall("job", null, CallMode.TASK, 1)
                    .build()
                    .run();
            SchemaCheck.validAndReadable(r, dir);
            McpScenarios.Tasks t = r.mcpScenarios().tasks();
            assertThat(t.calls()).isGreaterThan(4);
            assertThat(t.created()).isEqualTo(t.calls());
            assertThat(t.states()).containsOnlyKeys("completed");
            assertThat(t.pollsMean()).isGreaterThanOrEqualTo(1);
            // the job takes 150 ms: completion can only be seen after it
            assertThat(t.timeToCompletion().p50Ms()).isGreaterThanOrEqualTo(150);
            assertThat(r.tools().get("job").errors()).isZero();
        }
    }
}
