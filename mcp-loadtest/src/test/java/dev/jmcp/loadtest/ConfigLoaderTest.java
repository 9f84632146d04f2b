package dev.jmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.SessionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    static final String JMCP =
            """
            thresholds = ["p99<50ms", "error_rate<1%", "tool:echo:p95<=20ms"]

            [target]
            url = "http://127.0.0.1:8080/mcp"
            headers = { Authorization = "Bearer x" }

            [settings]
            model = "open"
            rate = 50
            duration = "15s"
            timeout = "2s"
            session_mode = "per-iteration"
            max_workers = 64
            max_queue_wait = "50ms"
            seed = 7

            [[scenario]]
            name = "echo"
            weight = 3
            type = "tools/call"
            tool = "echo"
            arguments = { text = "hi", n = 2 }

            [[scenario]]
            name = "create then read"
            weight = 1
              [[scenario.step]]
              type = "tools/call"
              tool = "create"
              arguments = { name = "x" }
              extract = { id = "/structuredContent/id" }
              [[scenario.step]]
              type = "resources/read"
              uri = "mem://items/${id}"

            [[scenario]]
            type = "ping"

            [[stage]]
            target_rate = 10
            duration = "5s"
            [[stage]]
            target_rate = 100
            duration = "10s"
            ramp = false

            [breaking_point]
            p99_factor = 5
            error_rate = "5%"
            """;

    @Test
    void readsOverloadPacingDetectorAndSearchSettings() {
        LoadTestConfig c = ConfigLoader.parse(
                """
                [settings]
                model = "closed"
                pacing = "250ms"
                overload = "queue"

                [[scenario]]
                type = "ping"

                [breaking_point]
                warmup_intervals = 0
                min_samples = 50
                confirm_intervals = 2
                drop_rate = "5%"
                plateau_horizon = 20
                plateau_elasticity = 0.3

                [ceiling]
                growth_factor = 1.5
                repeats = 2
                """,
                "new.toml");
        assertThat(c.settings().pacing()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.settings().overload()).isEqualTo(Overload.QUEUE);
        assertThat(c.settings().fromIntendedStart()).isTrue();
        assertThat(c.breakingPoint().warmupIntervals()).isZero();
        assertThat(c.breakingPoint().minSamples()).isEqualTo(50);
        assertThat(c.breakingPoint().confirmIntervals()).isEqualTo(2);
        assertThat(c.breakingPoint().dropRate()).isEqualTo(0.05);
        assertThat(c.breakingPoint().plateauHorizon()).isEqualTo(20);
        assertThat(c.breakingPoint().plateauElasticity()).isEqualTo(0.3);
        assertThat(c.ceiling().growthFactor()).isEqualTo(1.5);
        assertThat(c.ceiling().repeats()).isEqualTo(2);
        assertThat(ConfigLoader.parse("[[scenario]]\ntype = \"ping\"\n", "d.toml")
                        .settings()
                        .fromIntendedStart())
                .as("closed model without pacing measures service time")
                .isFalse();
        assertThatThrownBy(() -> ConfigLoader.parse(
                        "[settings]\noverload = \"shed\"\n[[scenario]]\ntype = \"ping\"\n", "bad.toml"))
                .hasMessageContaining("settings.overload")
                .hasMessageContaining("\"drop\" or \"queue\"");
        assertThatThrownBy(() ->
                        ConfigLoader.parse("[[scenario]]\ntype = \"ping\"\n[ceiling]\ngrowth_factor = 1\n", "bad.toml"))
                .hasMessageContaining("ceiling.growth_factor");
    }

    @Test
    void readsTheJmcpFormat() {
        LoadTestConfig c = ConfigLoader.parse(JMCP, "jmcp.toml");
        assertThat(c.target().url()).isEqualTo("http://127.0.0.1:8080/mcp");
        assertThat(c.target().headers()).containsEntry("Authorization", "Bearer x");
        assertThat(c.settings().model()).isEqualTo(LoadModel.OPEN);
        assertThat(c.settings().rate()).isEqualTo(50);
        assertThat(c.settings().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.settings().sessionMode()).isEqualTo(SessionMode.PER_ITERATION);
        assertThat(c.settings().maxQueueWait()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.scenarios()).extracting(Scenario::name).containsExactly("echo", "create then read", "ping");
        Scenario flow = c.scenarios().get(1);
        assertThat(flow.steps()).hasSize(2);
        assertThat(flow.steps().get(0).extract()).containsEntry("id", "/structuredContent/id");
        assertThat(flow.steps().get(1).operation()).isEqualTo(Operation.RESOURCES_READ);
        assertThat(c.scenarios().get(0).steps().get(0).arguments().get("n").asInt())
                .isEqualTo(2);
        assertThat(c.stages()).hasSize(2);
        assertThat(c.stages().get(1).ramp()).isFalse();
        assertThat(c.stages().get(1).targetRate()).isEqualTo(100);
        assertThat(c.thresholds()).containsExactly("p99<50ms", "error_rate<1%", "tool:echo:p95<=20ms");
        assertThat(c.breakingPoint().p99Factor()).isEqualTo(5);
        assertThat(c.breakingPoint().errorRateAbsolute()).isEqualTo(0.05);
    }

    @Test
    void readsTheCargoPmcpFormat() throws Exception {
        Path file = dir.resolve("loadtest.toml");
        Files.writeString(
                file,
                """
                [settings]
                virtual_users = 10
                duration_secs = 60
                timeout_ms = 5000
                expected_interval_ms = 100
                request_interval_ms = 250

                [[scenario]]
                type = "tools/call"
                weight = 70
                tool = "calculate"
                arguments = { expression = "2+2" }

                [[scenario]]
                type = "resources/read"
                weight = 20
                uri = "file:///data/config.json"

                [[scenario]]
                type = "prompts/get"
                weight = 10
                prompt = "summarize"
                arguments = { text = "Hello world" }

                [[stage]]
                target_vus = 5
                duration_secs = 10

                [[stage]]
                target_vus = 10
                duration_secs = 60
                """);
        LoadTestConfig c = ConfigLoader.load(file);
        assertThat(c.target()).isNull();
        assertThat(c.settings().model()).isEqualTo(LoadModel.CLOSED);
        assertThat(c.settings().virtualUsers()).isEqualTo(10);
        assertThat(c.settings().duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.settings().timeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(c.settings().thinkTime().mean()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.scenarios()).extracting(Scenario::weight).containsExactly(70.0, 20.0, 10.0);
        assertThat(c.scenarios().get(2).steps().get(0).name()).isEqualTo("summarize");
        assertThat(c.stages()).extracting(LoadTestConfig.Stage::targetVus).containsExactly(5, 10);
        assertThat(c.source()).isEqualTo(file.toString());
    }

    @Test
    void tomlSyntaxErrorNamesFileAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("[settings]\nvirtual_users = 10\nduration = \n", "bad.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.toml:3: invalid TOML")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(3));
    }

    @Test
    void unknownFieldNamesLineAndPath() {
        String toml = "[settings]\nvirtual_users = 10\nduraton = \"5s\"\n\n[[scenario]]\ntype = \"ping\"\n";
        assertThatThrownBy(() -> ConfigLoader.parse(toml, "typo.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("typo.toml:3: settings.duraton: unknown field");
    }

    @Test
    void semanticErrorsPointAtTheOffendingScenarioField() {
        String toml =
                """
                [[scenario]]
                type = "ping"

                [[scenario]]
                type = "tools/call"
                weight = 2
                """;
        ConfigException e = (ConfigException) catchThrowable(() -> ConfigLoader.parse(toml, "s.toml"));
        assertThat(e.field()).isEqualTo("scenario[1].tool");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo("s.toml:4: scenario[1].tool: required for tools/call");

        String wrongType = "[[scenario]]\ntype = \"ping\"\nweight = \"heavy\"\n";
        assertThatThrownBy(() -> ConfigLoader.parse(wrongType, "w.toml"))
                .hasMessage("w.toml:3: scenario[0].weight: expected a number, got string \"heavy\"");
    }

    @Test
    void nestedStepErrorsCarryTheStepPath() {
        String toml =
                """
                [[scenario]]
                name = "flow"
                  [[scenario.step]]
                  type = "tools/call"
                  tool = "a"
                  [[scenario.step]]
                  type = "resources/read"
                  uri = "x://${missing}"
                """;
        assertThatThrownBy(() -> ConfigLoader.parse(toml, "f.toml"))
                .hasMessage("f.toml:6: scenario[0].step[1]: ${missing} is not extracted by an earlier step of this"
                        + " scenario");
    }

    @Test
    void badValuesAreRejectedWithTheirField() {
        assertThatThrownBy(() ->
                        ConfigLoader.parse("[settings]\ntimeout = \"soon\"\n[[scenario]]\ntype = \"ping\"", "d.toml"))
                .hasMessageStartingWith("d.toml:2: settings.timeout: not a duration");
        assertThatThrownBy(
                        () -> ConfigLoader.parse("thresholds = [\"p99 ~ 5\"]\n[[scenario]]\ntype = \"ping\"", "t.toml"))
                .hasMessageStartingWith("t.toml:1: thresholds[0]: not a threshold");
        assertThatThrownBy(() -> ConfigLoader.parse("[[scenario]]\ntype = \"code_mode\"\ncode = \"{ x }\"", "c.toml"))
                .hasMessage("c.toml:2: scenario[0].type: code_mode (pmcp code mode) is not supported by jmcp; use"
                        + " tools/call steps");
        assertThatThrownBy(() -> ConfigLoader.parse(
                        "[[scenario]]\ntype = \"ping\"\n[[stage]]\ntarget_rate = 5\n" + "duration = \"1s\"", "m.toml"))
                .hasMessage("m.toml:3: stage[0].target_vus: required in the closed model");
        assertThatThrownBy(
                        () -> ConfigLoader.parse("[[scenario]]\ntype = \"ping\"\nthresholds = [\"p99<1s\"]", "o.toml"))
                .hasMessageStartingWith(
                        "o.toml:3: scenario[0].thresholds: unknown field; in TOML a key after a [table]");
        assertThatThrownBy(() -> ConfigLoader.parse("[test]\nvus = 1", "p.toml"))
                .hasMessageStartingWith("p.toml:1: test: [test] is not a loadtest.toml section");
        assertThatThrownBy(() -> ConfigLoader.parse("[settings]\nvus = 1", "n.toml"))
                .hasMessageStartingWith("n.toml: scenario: at least one [[scenario]] is required");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.toml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.toml: cannot read");
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
        return org.assertj.core.api.Assertions.catchThrowable(c);
    }
}
