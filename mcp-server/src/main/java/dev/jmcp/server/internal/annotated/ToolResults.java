package dev.jmcp.server.internal.annotated;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.server.internal.schema.SchemaGenerator;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How a tool method's return value becomes a {@code CallToolResult}, decided once from its declared type. */
final class ToolResults {
    private ToolResults() {}

    /**
     * The mapping for one declared result type.
     *
     * @param outputSchema the generated output schema when values are sent as {@code structuredContent}, else null
     * @param blockList whether the declared type is a collection of content blocks (so an empty one is no content)
     */
    record Shape(ObjectNode outputSchema, boolean blockList) {
        CallToolResult toResult(Object out) {
            if (out instanceof CallToolResult r) {
                return r;
            }
            if (out == null || blockList && out instanceof Collection<?> none && none.isEmpty()) {
                return CallToolResult.of(List.of());
            }
            if (out instanceof String s) {
                return CallToolResult.text(s);
            }
            if (out instanceof Integer || out instanceof Long || out instanceof Boolean) {
                // What Jackson would write for these, without the writer.
                return CallToolResult.text(out.toString());
            }
            if (out instanceof ContentBlock b) {
                return CallToolResult.of(List.of(b));
            }
            if (out instanceof Collection<?> c && !c.isEmpty() && c.stream().allMatch(e -> e instanceof ContentBlock)) {
                List<ContentBlock> blocks = new ArrayList<>();
                c.forEach(e -> blocks.add((ContentBlock) e));
                return CallToolResult.of(blocks);
            }
            if (outputSchema != null) {
                JsonNode tree = McpJson.toTree(out);
                return CallToolResult.builder().structuredContent(tree).build();
            }
            return CallToolResult.of(List.of(TextContent.of(McpJson.write(out))));
        }
    }

    /** The shape of {@code declared}: structured when Jackson writes it as a JSON object. */
    static Shape shape(Type declared) {
        JavaType t = McpJson.mapper().constructType(declared);
        Class<?> c = t.getRawClass();
        boolean blockList = t.isContainerType()
                && t.getContentType() != null
                && ContentBlock.class.isAssignableFrom(t.getContentType().getRawClass());
        if (c == void.class
                || c == Void.class
                || c == Object.class
                || c == String.class
                || c == CallToolResult.class
                || ContentBlock.class.isAssignableFrom(c)
                || blockList) {
            return new Shape(null, blockList);
        }
        ObjectNode schema = SchemaGenerator.schemaOf(declared);
        boolean object = schema.path("type").isString()
                && "object".equals(schema.path("type").asString());
        return new Shape(object ? schema : null, false);
    }
}
