package dev.jmcp.loadtest.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.loadtest.ConfigException;
import dev.jmcp.loadtest.ConfigLoader;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.McpScenarioSettings;
import dev.jmcp.loadtest.target.CallMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The TOML of the MCP-deep scenarios: step keys and sections, defaults, and errors naming the field. */
class McpScenarioConfigTest {
    private static final String BASE =
            """
            [settings]
            rate = 1
            duration = "1s"

            [[scenario]]
            type = "tools/call"
            tool = "work"
            progress = true

            [[scenario]]
            [[scenario.step]]
            type = "tools/call"
            tool = "job"
            task = true
            """;

    @Test
    void stepKeysAndSectionsAreRead() {
        LoadTestConfig c = ConfigLoader.parse(
                BASE
                        + """
                [subscribe]
                uri = "mem://counter"
                trigger = { tool = "bump", arguments = { by = 2 } }

                [idle_streams]

                [resumption]
                uri = "mem://counter"
                trigger = { method = "tools/call", params = { name = "bump" } }
                drop_every = "2s"

                [idle_expiry]
                idle = "31m"
                tool = "work"
                """,
                "t.toml");
        assertThat(c.scenarios().get(0).steps().get(0).mode()).isEqualTo(CallMode.PROGRESS);
        assertThat(c.scenarios().get(1).steps().get(0).mode()).isEqualTo(CallMode.TASK);
        McpScenarioSettings m = c.mcpScenarios();
        assertThat(m.subscribe().sessions()).isEqualTo(10);
        assertThat(m.subscribe().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(m.subscribe().trigger().arguments().get("by").asInt()).isEqualTo(2);
        assertThat(m.idleStreams().sessions()).isEqualTo(100);
        assertThat(m.resumption().trigger().method()).isEqualTo("tools/call");
        assertThat(m.resumption().dropEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThat(m.resumption().interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(m.idleExpiry().idle()).isEqualTo(Duration.ofMinutes(31));
        assertThat(m.idleExpiry().sessions()).isEqualTo(4);
        assertThat(ConfigLoader.parse(BASE, "t.toml").mcpScenarios().isEmpty()).isTrue();
    }

    @Test
    void mistakesNameTheirField() {
        assertThatThrownBy(() -> ConfigLoader.parse(
                        BASE + "\n[[scenario]]\ntype = \"resources/read\"\nuri = \"x\"\nprogress = true\n", "t.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scenario[2].progress")
                .hasMessageContaining("tools/call steps only");
        assertThatThrownBy(() -> ConfigLoader.parse(BASE + "\n[subscribe]\nuri = \"mem://counter\"\n", "t.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("subscribe.trigger");
        assertThatThrownBy(() -> ConfigLoader.parse(
                        BASE + "\n[subscribe]\nuri = \"u\"\ntrigger = { tool = \"a\", method = \"b\" }\n", "t.toml"))
                .hasMessageContaining("either a tool or a method");
        assertThatThrownBy(() -> ConfigLoader.parse(BASE + "\n[idle_expiry]\nsessions = 2\n", "t.toml"))
                .hasMessageContaining("idle_expiry.idle");
        assertThatThrownBy(() -> ConfigLoader.parse(BASE + "\n[idle_streams]\nsesions = 2\n", "t.toml"))
                .hasMessageContaining("unknown field");
    }
}
