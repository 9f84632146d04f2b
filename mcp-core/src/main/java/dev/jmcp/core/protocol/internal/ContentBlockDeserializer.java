package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.EmbeddedResource;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.ResourceLink;
import dev.jmcp.core.protocol.content.TextContent;
import java.util.Map;

/** Reads a {@link ContentBlock} by its {@code type}. */
public final class ContentBlockDeserializer extends TypeFieldDeserializer<ContentBlock> {
    /** Creates the deserializer. */
    public ContentBlockDeserializer() {
        super(
                "content block",
                Map.of(
                        TextContent.TYPE, TextContent.class,
                        ImageContent.TYPE, ImageContent.class,
                        AudioContent.TYPE, AudioContent.class,
                        ResourceLink.TYPE, ResourceLink.class,
                        EmbeddedResource.TYPE, EmbeddedResource.class));
    }
}
