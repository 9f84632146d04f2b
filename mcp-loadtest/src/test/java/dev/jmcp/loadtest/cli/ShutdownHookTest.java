package dev.jmcp.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real CLI process stopped by SIGINT, as Ctrl+C does. */
class ShutdownHookTest {
    @TempDir
    Path dir;

    @Test
    void signalStopsTheRunAndTheReportsAreStillWritten() throws Exception {
        Path cfg = dir.resolve("loadtest.toml");
        Files.writeString(cfg, "[[scenario]]\ntype = \"ping\"\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadTestCli.class.getName(),
                        "run",
                        "-c",
                        cfg.toString(),
                        "--duration",
                        "60s",
                        "--report-dir",
                        dir.resolve("reports").toString(),
                        "--junit",
                        dir.resolve("junit.xml").toString(),
                        "sim:?latency=1ms")
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                if (!signalled && line.startsWith("[")) { // the first live line: the run is under way
                    // what Ctrl+C sends; the streams stay open so the summary can be read
                    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                                    .start()
                                    .waitFor(10, TimeUnit.SECONDS))
                            .isTrue();
                    signalled = true;
                }
            }
        } finally {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertThat(output).contains("stop: interrupted");
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.endsWith(".json")).anyMatch(n -> n.endsWith(".html"));
        }
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<testsuite");
    }
}
