package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.EmbeddedResource;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.ResourceLink;
import dev.jmcp.core.protocol.content.TextContent;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads a {@link ContentBlock} by its {@code type}. */
public final class ContentBlockDeserializer extends TreeDeserializer<ContentBlock> {
    /** Creates the deserializer. */
    public ContentBlockDeserializer() {
        super("content block");
    }

    @Override
    protected ContentBlock decode(JsonNode node, DeserializationContext ctxt) {
        String type = text(node, "type");
        if (type == null) {
            return fail(ctxt, "missing \"type\"");
        }
        return switch (type) {
            case TextContent.TYPE -> ctxt.readTreeAsValue(node, TextContent.class);
            case ImageContent.TYPE -> ctxt.readTreeAsValue(node, ImageContent.class);
            case AudioContent.TYPE -> ctxt.readTreeAsValue(node, AudioContent.class);
            case ResourceLink.TYPE -> ctxt.readTreeAsValue(node, ResourceLink.class);
            case EmbeddedResource.TYPE -> ctxt.readTreeAsValue(node, EmbeddedResource.class);
            default -> fail(ctxt, "unknown type \"%s\"", type);
        };
    }
}
