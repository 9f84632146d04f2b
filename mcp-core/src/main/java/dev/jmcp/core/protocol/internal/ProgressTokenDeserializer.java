package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.internal.StringOrInteger;
import dev.jmcp.core.protocol.ProgressToken;

/** Reads a {@link ProgressToken} from a JSON string or integer. */
public final class ProgressTokenDeserializer extends StringOrInteger.Deserializer<ProgressToken> {
    /** Creates the deserializer. */
    public ProgressTokenDeserializer() {
        super("progress token", ProgressToken::of, ProgressToken::of);
    }
}
