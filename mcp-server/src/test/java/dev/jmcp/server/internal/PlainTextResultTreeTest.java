package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextResultTreeTest {
    @Test
    void plainTextResultsGetExactlyTheTreeJacksonWouldBuild() {
        List<CallToolResult> results = List.of(
                CallToolResult.text("hello"),
                CallToolResult.text(""),
                CallToolResult.text("line\nbreak \"quoted\" \u00e9\u4e2d\ud83d\ude00 \\ </script>"),
                CallToolResult.error("it failed"),
                CallToolResult.of(List.of()),
                CallToolResult.of(List.<ContentBlock>of(TextContent.of("a"), TextContent.of("b"))),
                CallToolResult.builder()
                        .content(List.of(TextContent.of("x")))
                        .isError(false)
                        .build());
        for (CallToolResult r : results) {
            assertThat(Tools.plainTextTree(r)).as(r.toString()).isNotNull();
            assertThat(Tools.plainTextTree(r).toString())
                    .as(r.toString())
                    .isEqualTo(McpJson.toTree(r).toString());
            assertThat(Tools.plainTextTree(r)).isEqualTo(McpJson.toTree(r));
        }
    }

    @Test
    void anyOtherResultIsLeftToJackson() {
        List<CallToolResult> others = List.of(
                CallToolResult.builder()
                        .content(List.of(TextContent.of("x")))
                        .structuredContent(McpJson.object().put("a", 1))
                        .build(),
                CallToolResult.of(List.of(new TextContent("x", null, McpJson.object()))),
                CallToolResult.builder()
                        .content(List.of(TextContent.of("x")))
                        .meta(McpJson.object())
                        .build());
        for (CallToolResult r : others) {
            assertThat(Tools.plainTextTree(r)).as(r.toString()).isNull();
        }
    }
}
