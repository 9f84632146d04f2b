package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.internal.StringOrInteger;
import dev.jmcp.core.protocol.ProgressToken;

/** Writes a {@link ProgressToken} as a JSON string or integer. */
public final class ProgressTokenSerializer extends StringOrInteger.Serializer<ProgressToken> {
    /** Creates the serializer. */
    public ProgressTokenSerializer() {
        super(ProgressToken::value);
    }
}
