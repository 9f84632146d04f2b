package dev.jmcp.core.protocol.content;

import dev.jmcp.core.protocol.internal.ContentBlockDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Content of a prompt message or a tool result, discriminated by {@code type}. */
@JsonDeserialize(using = ContentBlockDeserializer.class)
public sealed interface ContentBlock permits TextContent, ImageContent, AudioContent, ResourceLink, EmbeddedResource {
    /**
     * The wire discriminator, e.g. {@code "text"}.
     *
     * @return the wire discriminator
     */
    String type();
}
