package dev.jmcp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidToolsTest {
    private static Tool tool(String name, String properties) {
        return Tool.builder(name, McpJson.parse("{\"type\":\"object\",\"properties\":" + properties + "}"))
                .build();
    }

    @Test
    void toolsWithInvalidHeaderAnnotationsAreLeftOutAndTheRestKept() {
        ListToolsResult listed = ListToolsResult.builder(List.of(
                        tool("valid_tool", "{\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"}}"),
                        tool("invalid_number_header", "{\"s\":{\"type\":\"number\",\"x-mcp-header\":\"Score\"}}"),
                        tool("plain", "{\"q\":{\"type\":\"string\"}}")))
                .nextCursor("next")
                .build();
        ListToolsResult kept = ValidTools.only(listed);
        assertThat(kept.tools()).extracting(Tool::name).containsExactly("valid_tool", "plain");
        assertThat(kept.nextCursor()).isEqualTo("next");
    }
}
