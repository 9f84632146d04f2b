package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The user's answer to an elicitation. */
public enum ElicitAction {
    /** Submitted the form or consented to the URL interaction. */
    ACCEPT("accept"),
    /** Explicitly declined. */
    DECLINE("decline"),
    /** Dismissed without choosing. */
    CANCEL("cancel");

    private final String wire;

    ElicitAction(String wire) {
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
     * The action with the given wire name.
     *
     * @param wire the action as written in JSON: {@code accept}, {@code decline} or {@code cancel}
     * @return the action with the given wire name
     */
    @JsonCreator
    public static ElicitAction fromWire(String wire) {
        for (ElicitAction a : values()) {
            if (a.wire.equals(wire)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown elicitation action: " + wire);
    }
}
