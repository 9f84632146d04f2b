package dev.jmcp.server.annotated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.server.AnnotatedHandlers;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.ServerTool;
import dev.jmcp.server.ToolRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tool declared to return content blocks answers an empty list with no content, not with the text "[]". */
class EmptyContentBlockListTest {

    public static final class Handlers {
        @McpTool
        public List<ContentBlock> nothingFound() {
            return List.of();
        }

        @McpTool
        public List<String> noNames() {
            return List.of();
        }
    }

    private static CallToolResult call(String name) throws Exception {
        ServerTool tool = AnnotatedHandlers.of(new Handlers()).tools().stream()
                .filter(t -> t.tool().name().equals(name))
                .findFirst()
                .orElseThrow();
        return tool.handler().handle(new ToolRequest(name, McpJson.object(), null), null);
    }

    @Test
    void anEmptyListOfContentBlocksIsNoContent() throws Exception {
        CallToolResult r = call("nothingFound");
        assertThat(r.content()).isEmpty();
        assertThat(r.structuredContent()).isNull();
    }

    @Test
    void anEmptyListOfValuesIsStillItsJsonText() throws Exception {
        assertThat(call("noNames").content())
                .extracting(b -> ((TextContent) b).text())
                .containsExactly("[]");
    }
}
