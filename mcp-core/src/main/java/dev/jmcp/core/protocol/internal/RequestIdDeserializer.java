package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.internal.StringOrInteger;
import dev.jmcp.core.jsonrpc.RequestId;

/** Reads a {@link RequestId} from a JSON string or integer. */
public final class RequestIdDeserializer extends StringOrInteger.Deserializer<RequestId> {
    /** Creates the deserializer. */
    public RequestIdDeserializer() {
        super("request id", RequestId::of, RequestId::of);
    }
}
