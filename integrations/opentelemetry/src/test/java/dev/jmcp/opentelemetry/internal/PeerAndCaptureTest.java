package dev.jmcp.opentelemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import org.junit.jupiter.api.Test;

/** Peer addresses as transports write them, and the bound on captured tool payloads. */
class PeerAndCaptureTest {

    @Test
    void peerAddressesSplitIntoHostAndPort() {
        assertThat(Peer.parse("127.0.0.1:5000")).isEqualTo(new Peer("127.0.0.1", 5000));
        assertThat(Peer.parse("[::1]:8080")).isEqualTo(new Peer("::1", 8080));
        assertThat(Peer.parse("::1")).isEqualTo(new Peer("::1", -1));
        assertThat(Peer.parse("localhost")).isEqualTo(new Peer("localhost", -1));
        assertThat(Peer.parse("")).isNull();
        assertThat(Peer.parse(null)).isNull();
    }

    @Test
    void capturedValuesAreCompactJsonCutAtTheBound() {
        Capture capture = new Capture(true, true, 10);
        assertThat(capture.bounded(McpJson.parse("{\"a\": 1}"))).isEqualTo("{\"a\":1}");
        assertThat(capture.bounded(McpJson.parse("{\"text\":\"abcdefghijkl\"}")))
                .hasSize(10)
                .endsWith("…");
        assertThat(capture.bounded(null)).isNull();
        assertThatThrownBy(() -> new Capture(true, true, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetsNameToolsAndPromptsButNotResources() {
        assertThat(Targets.of("tools/call", McpJson.parse("{\"name\":\"get-weather\"}"))
                        .spanName())
                .isEqualTo("tools/call get-weather");
        assertThat(Targets.of("prompts/get", McpJson.parse("{\"name\":\"greet\"}"))
                        .spanName())
                .isEqualTo("prompts/get greet");
        Targets read = Targets.of("resources/read", McpJson.parse("{\"uri\":\"file:///a\"}"));
        assertThat(read.spanName()).isEqualTo("resources/read");
        assertThat(read.resourceUri()).isEqualTo("file:///a");
        assertThat(Targets.of("tools/call", null).spanName()).isEqualTo("tools/call");
    }
}
