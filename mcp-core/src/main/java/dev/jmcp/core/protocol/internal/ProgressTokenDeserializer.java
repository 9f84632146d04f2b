package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.ProgressToken;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads a {@link ProgressToken} from a JSON string or integer. */
public final class ProgressTokenDeserializer extends ValueDeserializer<ProgressToken> {
    @Override
    public ProgressToken deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return ProgressToken.of(p.getString());
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return ProgressToken.of(p.getLongValue());
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == Math.rint(p.getDoubleValue())) {
            return ProgressToken.of((long) p.getDoubleValue());
        }
        return ctxt.reportInputMismatch(this, "progress token must be a string or an integer, got %s", t);
    }
}
