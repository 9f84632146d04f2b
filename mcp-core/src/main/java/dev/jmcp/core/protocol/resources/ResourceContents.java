package dev.jmcp.core.protocol.resources;

import dev.jmcp.core.protocol.internal.ResourceContentsDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The contents of a resource: {@link TextResourceContents} or {@link BlobResourceContents}. The wire has no
 * discriminator; an object with {@code blob} is blob contents, one with {@code text} is text contents.
 */
@JsonDeserialize(using = ResourceContentsDeserializer.class)
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {
    /**
     * The resource URI.
     *
     * @return the resource URI
     */
    String uri();

    /**
     * The MIME type, null when absent.
     *
     * @return the MIME type, null when absent
     */
    String mimeType();

    /**
     * The {@code _meta} object, null when absent.
     *
     * @return the {@code _meta} object, null when absent
     */
    JsonNode meta();
}
