package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.SamplingContent;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.content.ToolResultContent;
import dev.jmcp.core.protocol.content.ToolUseContent;
import java.util.Map;

/** Reads a {@link SamplingContent} by its {@code type}. */
public final class SamplingContentDeserializer extends TypeFieldDeserializer<SamplingContent> {
    /** Creates the deserializer. */
    public SamplingContentDeserializer() {
        super(
                "sampling content",
                Map.of(
                        TextContent.TYPE, TextContent.class,
                        ImageContent.TYPE, ImageContent.class,
                        AudioContent.TYPE, AudioContent.class,
                        ToolUseContent.TYPE, ToolUseContent.class,
                        ToolResultContent.TYPE, ToolResultContent.class));
    }
}
