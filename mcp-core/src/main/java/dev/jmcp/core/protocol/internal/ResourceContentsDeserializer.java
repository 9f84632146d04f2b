package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads {@link ResourceContents} by which of {@code text} and {@code blob} is present. */
public final class ResourceContentsDeserializer extends TreeDeserializer<ResourceContents> {
    /** Creates the deserializer. */
    public ResourceContentsDeserializer() {
        super("resource contents");
    }

    @Override
    protected ResourceContents decode(JsonNode node, DeserializationContext ctxt) {
        if (node.has("blob")) {
            return ctxt.readTreeAsValue(node, BlobResourceContents.class);
        }
        if (node.has("text")) {
            return ctxt.readTreeAsValue(node, TextResourceContents.class);
        }
        return fail(ctxt, "neither \"text\" nor \"blob\" is present");
    }
}
