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
                "--iterations",
                "40",
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
                "100",
                "--iterations",
                "40",
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
                "--iterations",
                "2",
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
        // which rate holds on a busy machine is not this test's business (EngineEndToEndTest checks the search)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ceiling: highest sustainable rate ");
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
    void initWritesAnOpenModelWhoseThresholdsCheckDrops() throws Exception {
        Path target = dir.resolve("generated.toml");
        assertThat(cli("init", "-o", target.toString(), "sim:")).isZero();
        LoadTestConfig c = ConfigLoader.load(target);
        assertThat(c.settings().model()).isEqualTo(dev.jmcp.loadtest.LoadModel.OPEN);
        assertThat(c.settings().overload()).isEqualTo(dev.jmcp.loadtest.Overload.DROP);
        assertThat(c.stages()).isNotEmpty().allSatisfy(st -> assertThat(st.targetRate())
                .isPositive());
        assertThat(c.thresholds()).contains("drop_rate<1%", "error_rate<1%", "p99<500ms");
    }

    @Test
    void rateWithAStagedClosedConfigRunsThatRate() throws Exception {
        // the stages name virtual users; --rate names the load: it replaces them (it used to run nothing)
        Path cfg = config("[[scenario]]\ntype = \"ping\"\n\n[[stage]]\ntarget_vus = 5\nduration = \"10s\"\n");
        int code = cli(
                "run",
                "-c",
                cfg.toString(),
                "--rate",
                "40",
                "--duration",
                "1s",
                "--no-report",
                "--quiet",
                "sim:?latency=1ms");
        assertThat(code).as(err.toString()).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("open model");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("requests (\\d+)").matcher(summary);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isBetween(20L, 45L);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--vus/--rate replace the config's 1 stages");
    }

    @Test
    void vusWithAStagedOpenConfigRunsThoseUsersForTheStagesTotalTime() {
        LoadTestConfig c = options(
                        "-c",
                        configUnchecked(
                                "[settings]\nmodel = \"open\"\n[[scenario]]\ntype = \"ping\"\n\n[[stage]]\ntarget_rate = 5\n"
                                        + "duration = \"3s\"\n[[stage]]\ntarget_rate = 9\nduration = \"4s\"\n"),
                        "--vus",
                        "3",
                        "sim:?latency=1ms")
                .loadConfig(new java.io.PrintWriter(err, true));
        assertThat(c.stages()).isEmpty();
        assertThat(c.settings().model()).isEqualTo(dev.jmcp.loadtest.LoadModel.CLOSED);
        assertThat(c.settings().virtualUsers()).isEqualTo(3);
        assertThat(c.settings().duration()).isEqualTo(java.time.Duration.ofSeconds(7));
    }

    @Test
    void commandLineHeadersAndConfigHeadersAreMerged() {
        String toml =
                "[target]\nurl = \"http://127.0.0.1:1/mcp\"\nheaders = { Authorization = \"Bearer x\", X-A = \"1\" }\n"
                        + "[[scenario]]\ntype = \"ping\"\n";
        // URL from the config: --header used to be dropped
        LoadTestConfig fromConfig = options("-c", configUnchecked(toml), "--header", "X-B=2", "--header", "X-A=3")
                .loadConfig(new java.io.PrintWriter(err, true));
        assertThat(fromConfig.target().url()).isEqualTo("http://127.0.0.1:1/mcp");
        assertThat(fromConfig.target().headers())
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("Authorization", "Bearer x", "X-A", "3", "X-B", "2"));
        // URL on the command line: the config's headers used to be discarded
        LoadTestConfig fromCli = options("-c", configUnchecked(toml), "--header", "X-B=2", "http://127.0.0.1:2/mcp")
                .loadConfig(new java.io.PrintWriter(err, true));
        assertThat(fromCli.target().url()).isEqualTo("http://127.0.0.1:2/mcp");
        assertThat(fromCli.target().headers())
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("Authorization", "Bearer x", "X-A", "1", "X-B", "2"));
    }

    private static RunOptions options(String... args) {
        return picocli.CommandLine.populateCommand(new RunOptions(), args);
    }

    private String configUnchecked(String text) {
        try {
            return config(text).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
