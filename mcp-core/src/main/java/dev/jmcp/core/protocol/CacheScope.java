package dev.jmcp.core.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may reuse a cached result (2026-07-28): {@code "public"} or {@code "private"}. */
public enum CacheScope {
    /** No user-specific data: any cache may serve it across authorization contexts. */
    PUBLIC("public"),
    /** Reusable only within the same authorization context. */
    PRIVATE("private");

    private final String wire;

    CacheScope(String wire) {
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
     * The scope with the given wire name.
     *
     * @param wire the scope as written in JSON
     * @return the scope with the given wire name
     */
    @JsonCreator
    public static CacheScope fromWire(String wire) {
        for (CacheScope s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown cache scope: " + wire);
    }
}
