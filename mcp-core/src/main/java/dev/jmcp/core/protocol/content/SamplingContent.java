package dev.jmcp.core.protocol.content;

import dev.jmcp.core.protocol.internal.SamplingContentDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Content of a sampling message (SEP-1577), discriminated by {@code type}. */
@JsonDeserialize(using = SamplingContentDeserializer.class)
public sealed interface SamplingContent
        permits TextContent, ImageContent, AudioContent, ToolUseContent, ToolResultContent {
    /**
     * The wire discriminator, e.g. {@code "tool_use"}.
     *
     * @return the wire discriminator
     */
    String type();
}
