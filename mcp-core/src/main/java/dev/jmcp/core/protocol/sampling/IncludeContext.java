package dev.jmcp.core.protocol.sampling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which servers' context the client should attach to a sampling prompt. Non-{@code none} values are deprecated. */
public enum IncludeContext {
    /** No context (the default). */
    NONE("none"),
    /** Context from the requesting server. */
    THIS_SERVER("thisServer"),
    /** Context from every connected server. */
    ALL_SERVERS("allServers");

    private final String wire;

    IncludeContext(String wire) {
        this.wire = wire;
    }

    /**
     * The wire name.
     *
     * @return the wire name
     */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The value with the given wire name.
     *
     * @param wire the value as written in JSON: {@code none}, {@code thisServer} or {@code allServers}
     * @return the value with the given wire name
     */
    @JsonCreator
    public static IncludeContext fromWire(String wire) {
        for (IncludeContext c : values()) {
            if (c.wire.equals(wire)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown includeContext: " + wire);
    }
}
