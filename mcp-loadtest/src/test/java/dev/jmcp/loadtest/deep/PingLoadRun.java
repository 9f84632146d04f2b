package dev.jmcp.loadtest.deep;

import dev.jmcp.loadtest.ConfigLoader;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.target.TargetSpec;
import dev.jmcp.transport.http.jetty.McpHttpServer;

/** Runs a short ping load (10/s for 1.5 s) with MCP-deep scenario sections next to it, from TOML as users write it. */
final class PingLoadRun {
    private static final String LOAD =
            """
            [settings]
            rate = 10
            max_workers = 4
            duration = "1500ms"
            timeout = "2s"
            session_mode = "%s"

            [[scenario]]
            type = "ping"
            """;

    private PingLoadRun() {}

    /** Runs the ping load in session mode {@code mode} plus the TOML {@code sections} against {@code http}. */
    static LoadTestReport run(McpHttpServer http, String mode, String sections) throws Exception {
        return LoadTest.builder()
                .config(ConfigLoader.parse(LOAD.formatted(mode) + sections, "test.toml"))
                .target(TargetSpec.http(http.uri().toString()))
                .build()
                .run();
    }
}
