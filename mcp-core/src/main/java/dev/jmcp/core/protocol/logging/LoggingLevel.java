package dev.jmcp.core.protocol.logging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Log severities (RFC 5424), least severe first; the wire names are lowercase. */
public enum LoggingLevel {
    /** Debug detail. */
    DEBUG("debug"),
    /** Informational. */
    INFO("info"),
    /** Normal but significant. */
    NOTICE("notice"),
    /** Warning. */
    WARNING("warning"),
    /** Error. */
    ERROR("error"),
    /** Critical condition. */
    CRITICAL("critical"),
    /** Action must be taken immediately. */
    ALERT("alert"),
    /** System is unusable. */
    EMERGENCY("emergency");

    private final String wire;

    LoggingLevel(String wire) {
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
     * Whether a message at this level passes a threshold of {@code minimum}.
     *
     * @param minimum the least severe level that passes
     * @return {@code true} if a message at this level passes a threshold of {@code minimum}
     */
    public boolean isAtLeast(LoggingLevel minimum) {
        return compareTo(minimum) >= 0;
    }

    /**
     * The level with the given wire name.
     *
     * @param wire the level as written in JSON, e.g. {@code warning}
     * @return the level with the given wire name
     */
    @JsonCreator
    public static LoggingLevel fromWire(String wire) {
        for (LoggingLevel l : values()) {
            if (l.wire.equals(wire)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown logging level: " + wire);
    }
}
