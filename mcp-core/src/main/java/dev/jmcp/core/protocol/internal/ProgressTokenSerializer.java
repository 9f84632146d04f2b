package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.ProgressToken;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes a {@link ProgressToken} as a JSON string or integer. */
public final class ProgressTokenSerializer extends ValueSerializer<ProgressToken> {
    @Override
    public void serialize(ProgressToken value, JsonGenerator gen, SerializationContext ctxt) {
        if (value instanceof ProgressToken.NumberToken n) {
            gen.writeNumber(n.number());
        } else {
            gen.writeString(((ProgressToken.StringToken) value).value());
        }
    }
}
