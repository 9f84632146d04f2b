package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Session churn against a real jmcp server over loopback HTTP: {@code per-iteration} closes each session with a
 * DELETE (the server forgets it), {@code per-iteration-abandon} leaves it behind as a crashed client would.
 */
@Timeout(30)
class SessionChurnModesTest {
    private static LoadTestReport run(McpHttpServer http, SessionMode mode) throws InterruptedException {
        return LoadTest.builder()
                .target(TargetSpec.http(http.uri().toString()))
                .closedModel(1)
                .iterations(4)
                .sessionMode(mode)
                .toolCall("echo", McpJson.parse("{\"text\":\"hi\"}"), 1)
                .build()
                .run();
    }

    @Test
    void abandonedSessionsStayAtTheServerClosedOnesDoNot() throws Exception {
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport closed = run(http, SessionMode.PER_ITERATION);
            assertThat(closed.operations().get("session/connect").successes()).isEqualTo(4);
            assertThat(http.servlet().sessionCount()).isZero();

            LoadTestReport abandoned = run(http, SessionMode.PER_ITERATION_ABANDON);
            assertThat(abandoned.sessionMode()).isEqualTo("per-iteration-abandon");
            assertThat(abandoned.operations().get("session/connect").successes())
                    .isEqualTo(4);
            assertThat(abandoned.tools().get("echo").successes()).isEqualTo(4);
            assertThat(http.servlet().sessionCount()).isEqualTo(4); // no DELETE: the server still holds them
        }
    }
}
