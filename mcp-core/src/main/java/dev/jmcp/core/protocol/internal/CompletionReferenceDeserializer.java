package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.completion.CompletionReference;
import dev.jmcp.core.protocol.completion.PromptReference;
import dev.jmcp.core.protocol.completion.ResourceTemplateReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads a {@link CompletionReference} by its {@code type}. */
public final class CompletionReferenceDeserializer extends TreeDeserializer<CompletionReference> {
    /** Creates the deserializer. */
    public CompletionReferenceDeserializer() {
        super("completion reference");
    }

    @Override
    protected CompletionReference decode(JsonNode node, DeserializationContext ctxt) {
        String type = text(node, "type");
        if (PromptReference.TYPE.equals(type)) {
            return ctxt.readTreeAsValue(node, PromptReference.class);
        }
        if (ResourceTemplateReference.TYPE.equals(type)) {
            return ctxt.readTreeAsValue(node, ResourceTemplateReference.class);
        }
        return fail(ctxt, "unknown type \"%s\"", type);
    }
}
