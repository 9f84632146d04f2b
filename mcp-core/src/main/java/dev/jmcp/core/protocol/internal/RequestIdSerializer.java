package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.internal.StringOrInteger;
import dev.jmcp.core.jsonrpc.RequestId;

/** Writes a {@link RequestId} as a JSON string or integer. */
public final class RequestIdSerializer extends StringOrInteger.Serializer<RequestId> {
    /** Creates the serializer. */
    public RequestIdSerializer() {
        super(RequestId::value);
    }
}
