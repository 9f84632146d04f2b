package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.jsonrpc.RequestId;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads a {@link RequestId} from a JSON string or integer. */
public final class RequestIdDeserializer extends ValueDeserializer<RequestId> {
    @Override
    public RequestId deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return RequestId.of(p.getString());
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return RequestId.of(p.getLongValue());
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == Math.rint(p.getDoubleValue())) {
            return RequestId.of((long) p.getDoubleValue());
        }
        return ctxt.reportInputMismatch(this, "request id must be a string or an integer, got %s", t);
    }
}
