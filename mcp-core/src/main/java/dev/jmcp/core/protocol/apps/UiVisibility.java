package dev.jmcp.core.protocol.apps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may use a tool that has a view: the model (the agent), the view (the app), or both (the default). */
public enum UiVisibility {
    /** Listed to and callable by the model. */
    MODEL("model"),
    /** Callable by the tool's view, from this server only; a host keeps it away from the model. */
    APP("app");

    private final String wire;

    UiVisibility(String wire) {
        this.wire = wire;
    }

    /**
     * The wire value.
     *
     * @return the wire value
     */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The visibility named {@code wire}.
     *
     * @param wire the visibility as written in JSON: {@code model} or {@code app}
     * @return the visibility named {@code wire}
     */
    @JsonCreator
    public static UiVisibility of(String wire) {
        for (UiVisibility v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown visibility: " + wire);
    }
}
