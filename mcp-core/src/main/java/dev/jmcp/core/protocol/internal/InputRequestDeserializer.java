package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads an {@link InputRequest} by its {@code method}. */
public final class InputRequestDeserializer extends TreeDeserializer<InputRequest> {
    /** Creates the deserializer. */
    public InputRequestDeserializer() {
        super("input request");
    }

    @Override
    protected InputRequest decode(JsonNode node, DeserializationContext ctxt) {
        String method = text(node, "method");
        if (method == null) {
            return fail(ctxt, "missing \"method\"");
        }
        return switch (method) {
            case McpMethods.SAMPLING_CREATE_MESSAGE -> ctxt.readTreeAsValue(node, InputRequest.Sampling.class);
            case McpMethods.ELICITATION_CREATE -> ctxt.readTreeAsValue(node, InputRequest.Elicitation.class);
            case McpMethods.ROOTS_LIST -> ctxt.readTreeAsValue(node, InputRequest.ListRoots.class);
            default -> fail(ctxt, "unsupported method \"%s\"", method);
        };
    }
}
