package dev.jmcp.core.protocol.tools;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Execution properties of a tool (2025-11-25).
 *
 * @param taskSupport whether the tool runs as a task, null when absent ({@code forbidden})
 */
public record ToolExecution(TaskSupport taskSupport) {
    /**
     * Execution with the given task support.
     *
     * @param taskSupport whether the tool runs as a task, null when absent ({@code forbidden})
     * @return execution with the given task support
     */
    public static ToolExecution of(TaskSupport taskSupport) {
        return new ToolExecution(taskSupport);
    }

    /** Whether a tool supports task-augmented calls. */
    public enum TaskSupport {
        /** Never as a task (the default). */
        FORBIDDEN("forbidden"),
        /** With or without a task. */
        OPTIONAL("optional"),
        /** Only as a task. */
        REQUIRED("required");

        private final String wire;

        TaskSupport(String wire) {
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
         * @param wire the value as written in JSON: {@code forbidden}, {@code optional} or {@code required}
         * @return the value with the given wire name
         */
        @JsonCreator
        public static TaskSupport fromWire(String wire) {
            for (TaskSupport t : values()) {
                if (t.wire.equals(wire)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown taskSupport: " + wire);
        }
    }
}
