package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code requests_per_session} over stdio: several open-model workers share the one server process of a pooled
 * session, so several requests are in flight on it at once. The {@code overlap} tool (300 ms) answers
 * {@code isError} when no other call ran during it, so a session that serialised its requests would fail every call.
 */
@Timeout(60)
class StdioInFlightTest {
    @Test
    void severalRequestsAreInFlightOnOneStdioProcess() throws Exception {
        LoadTestReport r = LoadTest.builder()
                .target(TargetSpec.stdio(OverlapServer.stdioCommand()))
                .openModel(10)
                .duration(Duration.ofMillis(1500))
                .workers(4, Duration.ofMillis(500))
                .sessionPool(1)
                .requestsPerSession(4)
                .toolCall("overlap", McpJson.parse("{\"ms\":300}"), 1)
                .build()
                .run();
        assertThat(r.generator().sessionsOpened()).isEqualTo(1);
        LoadTestReport.Stats overlap = r.tools().get("overlap");
        assertThat(overlap.successes()).isGreaterThanOrEqualTo(8);
        assertThat(overlap.errorsByClass()).doesNotContainKey("tool_error");
        assertThat(r.generator().droppedArrivals()).isZero();
    }
}
