package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The status of a task. {@code completed}, {@code failed} and {@code cancelled} are terminal. */
public enum TaskStatus {
    /** Being processed. */
    WORKING("working"),
    /** Waiting for input, e.g. an elicitation. */
    INPUT_REQUIRED("input_required"),
    /** Finished; the result is available. */
    COMPLETED("completed"),
    /** Did not finish successfully (includes tool results with {@code isError}). */
    FAILED("failed"),
    /** Cancelled before completion. */
    CANCELLED("cancelled");

    private final String wire;

    TaskStatus(String wire) {
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
     * Whether the status is terminal.
     *
     * @return {@code true} if the status is terminal
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * The status with the given wire name.
     *
     * @param wire the status as written in JSON, e.g. {@code input_required}
     * @return the status with the given wire name
     */
    @JsonCreator
    public static TaskStatus fromWire(String wire) {
        for (TaskStatus s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task status: " + wire);
    }
}
