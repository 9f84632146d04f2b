package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.SamplingContent;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.content.ToolResultContent;
import dev.jmcp.core.protocol.content.ToolUseContent;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads a {@link SamplingContent} by its {@code type}. */
public final class SamplingContentDeserializer extends TreeDeserializer<SamplingContent> {
    /** Creates the deserializer. */
    public SamplingContentDeserializer() {
        super("sampling content");
    }

    @Override
    protected SamplingContent decode(JsonNode node, DeserializationContext ctxt) {
        String type = text(node, "type");
        if (type == null) {
            return fail(ctxt, "missing \"type\"");
        }
        return switch (type) {
            case TextContent.TYPE -> ctxt.readTreeAsValue(node, TextContent.class);
            case ImageContent.TYPE -> ctxt.readTreeAsValue(node, ImageContent.class);
            case AudioContent.TYPE -> ctxt.readTreeAsValue(node, AudioContent.class);
            case ToolUseContent.TYPE -> ctxt.readTreeAsValue(node, ToolUseContent.class);
            case ToolResultContent.TYPE -> ctxt.readTreeAsValue(node, ToolResultContent.class);
            default -> fail(ctxt, "unknown type \"%s\"", type);
        };
    }
}
