package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.jsonrpc.RequestId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes a {@link RequestId} as a JSON string or integer. */
public final class RequestIdSerializer extends ValueSerializer<RequestId> {
    @Override
    public void serialize(RequestId value, JsonGenerator gen, SerializationContext ctxt) {
        if (value instanceof RequestId.NumberId n) {
            gen.writeNumber(n.number());
        } else {
            gen.writeString(((RequestId.StringId) value).value());
        }
    }
}
