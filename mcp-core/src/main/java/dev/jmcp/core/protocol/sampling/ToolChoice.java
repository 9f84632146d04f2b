package dev.jmcp.core.protocol.sampling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the model may use tools during sampling.
 *
 * @param mode whether the model may ({@code auto}), must ({@code required}) or must not ({@code none}) use tools, null
 *     when absent ({@code auto})
 */
public record ToolChoice(Mode mode) {
    /**
     * A choice with the given mode.
     *
     * @param mode whether the model may ({@code auto}), must ({@code required}) or must not ({@code none}) use tools,
     *     null when absent ({@code auto})
     * @return a choice with the given mode
     */
    public static ToolChoice of(Mode mode) {
        return new ToolChoice(mode);
    }

    /** The tool-use mode. */
    public enum Mode {
        /** The model decides. */
        AUTO("auto"),
        /** The model must use at least one tool. */
        REQUIRED("required"),
        /** The model must not use tools. */
        NONE("none");

        private final String wire;

        Mode(String wire) {
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
         * The mode with the given wire name.
         *
         * @param wire the mode as written in JSON: {@code auto}, {@code required} or {@code none}
         * @return the mode with the given wire name
         */
        @JsonCreator
        public static Mode fromWire(String wire) {
            for (Mode m : values()) {
                if (m.wire.equals(wire)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown tool choice mode: " + wire);
        }
    }
}
