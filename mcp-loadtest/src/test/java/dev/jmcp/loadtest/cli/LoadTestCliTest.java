package dev.jmcp.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.ConfigLoader;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.target.Discovery;
import dev.jmcp.loadtest.target.TargetSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTestCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return LoadTestCli.execute(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path config(String text) throws Exception {
        Path f = dir.resolve("loadtest.toml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void passingRunExitsZeroAndWritesJsonHtmlAndJunit() throws Exception {
        Path cfg = config("thresholds = [\"error_rate<1%\"]\n[settings]\nvirtual_users = 2\n\n[[scenario]]\n"
                + "type = \"tools/call\"\ntool = \"echo\"\narguments = { text = \"hi\" }\n");
        int code = cli(
                "run",
                "--config",
                cfg.toString(),
                "--duration",
                "1s",
                "--report-dir",
                dir.resolve("reports").toString(),
                "--junit",
                dir.resolve("junit.xml").toString(),
                "sim:?latency=1ms");
        assertThat(code).as(err.toString()).isEqualTo(LoadTestCli.EXIT_OK);
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.endsWith(".json")).anyMatch(n -> n.endsWith(".html"));
        }
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("failures=\"0\"");
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("threshold error_rate<1%", "PASS", "tool echo");
        assertThat(stdout).contains("[ "); // plain live lines: no console in tests
        assertThat(stdout).doesNotContain("\033[");
    }

    @Test
    void failedThresholdExits99() throws Exception {
        Path cfg = config("[[scenario]]\ntype = \"ping\"\n");
        int code = cli(
                "run",
                "-c",
                cfg.toString(),
                "--rate",
                "50",
                "--duration",
                "1s",
                "--no-report",
                "--quiet",
                "-t",
                "error_rate<1%",
                "sim:?latency=1ms&error_rate=0.5");
        assertThat(code).isEqualTo(LoadTestCli.EXIT_THRESHOLD);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL").contains("open model");
    }

    @Test
    void configErrorsExit2WithFileLineAndField() throws Exception {
        Path cfg = config("[settings]\nvirtual_users = \"many\"\n\n[[scenario]]\ntype = \"ping\"\n");
        assertThat(cli("run", "-c", cfg.toString(), "sim:")).isEqualTo(LoadTestCli.EXIT_CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(cfg + ":2: settings.virtual_users: expected an integer");
        assertThat(cli("run", "--bogus")).isEqualTo(LoadTestCli.EXIT_CONFIG);
        assertThat(cli("run", "-c", cfg.toString().replace("loadtest", "nothere"), "sim:"))
                .isEqualTo(LoadTestCli.EXIT_CONFIG);
    }

    @Test
    void unreachableTargetIsExit1() throws Exception {
        Path cfg = config("[[scenario]]\ntype = \"ping\"\n");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        int code = cli(
                "run",
                "-c",
                cfg.toString(),
                "--duration",
                "1s",
                "--no-report",
                "--quiet",
                "http://127.0.0.1:" + port + "/mcp");
        assertThat(code).as(err.toString()).isEqualTo(LoadTestCli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("target unreachable");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("connection");
    }

    @Test
    void findCeilingPrintsTheSustainableRate() throws Exception {
        Path cfg = config("[[scenario]]\ntype = \"ping\"\n");
        int code = cli(
                "find-ceiling",
                "-c",
                cfg.toString(),
                "--start-rate",
                "20",
                "--step-rate",
                "20",
                "--max-rate",
                "40",
                "--step-duration",
                "400ms",
                "--slo-p99",
                "1s",
                "--no-report",
                "--quiet",
                "sim:?latency=1ms");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ceiling: highest sustainable rate 40.0/s");
    }

    @Test
    void initWritesAConfigThatLoads() throws Exception {
        Path target = dir.resolve("generated.toml");
        assertThat(cli("init", "-o", target.toString(), "sim:")).isZero();
        LoadTestConfig c = ConfigLoader.load(target);
        assertThat(c.target().url()).isEqualTo("sim:");
        assertThat(c.scenarios()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cli("init", "-o", target.toString(), "sim:")).isEqualTo(LoadTestCli.EXIT_CONFIG); // exists
    }

    @Test
    void templateBuildsArgumentsFromInputSchemasAndQuotesStdioCommands() {
        Discovery.Discovered d = new Discovery.Discovered(
                "srv",
                List.of(new Discovery.Tool(
                        "add",
                        McpJson.mapper()
                                .readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},"
                                        + "\"b\":{\"type\":\"number\",\"default\":2.5},\"mode\":{\"enum\":[\"fast\"]},"
                                        + "\"note\":{\"type\":\"string\"}},\"required\":[\"a\",\"b\",\"mode\"]}"))),
                List.of("file:///a \"b\""),
                List.of(new Discovery.Prompt("greet", List.of("name"))));
        String toml = ConfigTemplate.render(TargetSpec.stdio(List.of("node", "server.js", "--x=\"y\"")), d);
        assertThat(toml).contains("arguments = { a = 1, b = 2.5, mode = \"fast\" }");
        LoadTestConfig c = ConfigLoader.parse(toml, "gen.toml");
        assertThat(c.target().command()).containsExactly("node", "server.js", "--x=\"y\"");
        assertThat(c.scenarios().get(1).steps().get(0).name()).isEqualTo("file:///a \"b\"");
        assertThat(c.scenarios().get(2).steps().get(0).arguments().get("name").asString())
                .isEqualTo("example");
    }
}
