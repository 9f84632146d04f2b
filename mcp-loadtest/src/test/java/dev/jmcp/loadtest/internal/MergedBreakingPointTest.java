package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The breaking-point settings survive the report's configuration echo, so {@code merge} runs the run's detector. */
class MergedBreakingPointTest {
    @Test
    @SuppressWarnings("unchecked")
    void settingsRoundTripThroughTheJsonEcho() {
        BreakingPointSettings custom = new BreakingPointSettings(
                true, 4, 5, 6, 70, 2, 0.2, 3.5, 4.5, Duration.ofMillis(15), 0.03, 40, 0.2, 0.4, true);
        Map<String, Object> configuration = Map.of("breakingPoint", MergedBreakingPoint.echo(custom));
        Map<String, Object> read = McpJson.fromTree(McpJson.parse(McpJson.write(configuration)), Map.class);

        assertThat(MergedBreakingPoint.settingsOf(read)).isEqualTo(custom);
        assertThat(MergedBreakingPoint.settingsOf(Map.of("settings", Map.of()))).isNull();
        assertThat(MergedBreakingPoint.settingsOf(null)).isNull();
    }
}
