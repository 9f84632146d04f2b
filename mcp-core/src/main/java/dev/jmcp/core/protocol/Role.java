package dev.jmcp.core.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The sender or recipient of a message: {@code "user"} or {@code "assistant"}. */
public enum Role {
    /** The user. */
    USER("user"),
    /** The assistant (the model). */
    ASSISTANT("assistant");

    private final String wire;

    Role(String wire) {
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
     * The role with the given wire name.
     *
     * @param wire the role as written in JSON: {@code user} or {@code assistant}
     * @return the role with the given wire name
     */
    @JsonCreator
    public static Role fromWire(String wire) {
        for (Role r : values()) {
            if (r.wire.equals(wire)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role: " + wire);
    }
}
