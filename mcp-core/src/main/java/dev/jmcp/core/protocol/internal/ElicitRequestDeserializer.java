package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads an {@link ElicitRequest} by its {@code mode}; an absent mode means form. */
public final class ElicitRequestDeserializer extends TreeDeserializer<ElicitRequest> {
    /** Creates the deserializer. */
    public ElicitRequestDeserializer() {
        super("elicitation request");
    }

    @Override
    protected ElicitRequest decode(JsonNode node, DeserializationContext ctxt) {
        String mode = text(node, "mode");
        if (mode == null || "form".equals(mode)) {
            return ctxt.readTreeAsValue(node, FormElicitRequest.class);
        }
        if ("url".equals(mode)) {
            return ctxt.readTreeAsValue(node, UrlElicitRequest.class);
        }
        return fail(ctxt, "unknown mode \"%s\"", mode);
    }
}
