package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import dev.jmcp.core.protocol.roots.ListRootsResult;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads an {@link InputResponse} by its shape. */
public final class InputResponseDeserializer extends TreeDeserializer<InputResponse> {
    /** Creates the deserializer. */
    public InputResponseDeserializer() {
        super("input response");
    }

    @Override
    protected InputResponse decode(JsonNode node, DeserializationContext ctxt) {
        if (node.has("action")) {
            return InputResponse.of(ctxt.readTreeAsValue(node, ElicitResult.class));
        }
        if (node.has("roots")) {
            return InputResponse.of(ctxt.readTreeAsValue(node, ListRootsResult.class));
        }
        if (node.has("model") && node.has("content")) {
            return InputResponse.of(ctxt.readTreeAsValue(node, CreateMessageResult.class));
        }
        return fail(ctxt, "not an elicitation, roots or sampling result");
    }
}
