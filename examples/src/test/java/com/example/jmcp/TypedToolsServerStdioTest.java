package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.transport.stdio.StdioClientTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The annotated typed-tools example as a desktop host runs it ({@code server typed --stdio}), driven by McpClient in
 * both eras: generated schemas and hints in the listing, records as {@code structuredContent}.
 */
@Timeout(60)
class TypedToolsServerStdioTest {

    /** The handshake era and the stateless one. */
    enum Era {
        HANDSHAKE(ProtocolVersion.V2025_11_25),
        STATELESS(ProtocolVersion.V2026_07_28);

        final ProtocolVersion version;

        Era(ProtocolVersion version) {
            this.version = version;
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aSubprocessListsAndCallsTheAnnotatedTools(Era era) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StdioClientTransport transport = StdioClientTransport.builder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "server",
                        "typed",
                        "--stdio"))
                .build();
        try (McpClient c = McpClient.builder()
                .transport(transport)
                .protocolVersion(era.version)
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            c.connect();
            assertThat(c.protocolVersion()).isEqualTo(era.version);
            Map<String, Tool> tools = c.listAllTools().stream().collect(Collectors.toMap(Tool::name, t -> t));
            assertThat(tools.keySet()).containsExactlyInAnyOrder("convert_temperature", "word_stats");
            Tool convert = tools.get("convert_temperature");
            assertThat(convert.title()).isEqualTo("Convert a temperature");
            assertThat(convert.annotations().readOnlyHint()).isTrue();
            assertThat(convert.inputSchema().get("required").toString()).isEqualTo("[\"value\",\"from\"]");
            assertThat(convert.inputSchema()
                            .get("properties")
                            .get("from")
                            .get("enum")
                            .toString())
                    .isEqualTo("[\"C\",\"F\",\"K\"]");
            assertThat(convert.outputSchema().get("properties").propertyNames())
                    .containsExactlyInAnyOrder("celsius", "fahrenheit", "kelvin");
            assertThat(tools.get("word_stats").inputSchema().get("required").toString())
                    .isEqualTo("[\"text\"]");

            CallToolResult r = c.callTool("convert_temperature", Map.of("value", 0, "from", "C"));
            assertThat(r.structuredContent())
                    .isEqualTo(McpJson.parse("{\"celsius\":0.0,\"fahrenheit\":32.0,\"kelvin\":273.15}"));
            CallToolResult stats = c.callTool("word_stats", Map.of("text", "one two\nthree", "longestWord", false));
            assertThat(stats.structuredContent().get("words").asInt()).isEqualTo(3);
            assertThat(stats.structuredContent().get("lines").asInt()).isEqualTo(2);
            assertThat(stats.structuredContent().path("longestWord").isMissingNode()
                            || stats.structuredContent().get("longestWord").isNull())
                    .isTrue();
            assertThat(c.callTool("convert_temperature", Map.of("value", 1, "from", "X"))
                            .isError())
                    .isTrue();
        }
        assertThat(transport.onExit()).succeedsWithin(Duration.ofSeconds(15));
    }
}
