package dev.jmcp.client;

import dev.jmcp.core.McpException;
import dev.jmcp.core.protocol.ResultType;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * How one intercepted request ended: the result the server answered, or the error the call fails with, and the
 * time it took below the interceptor that looks at it. Immutable; the result node is shared with the client, so
 * treat it as read-only.
 */
public final class CallOutcome {
    private final JsonNode result;
    private final McpException error;
    private final Duration duration;

    private CallOutcome(JsonNode result, McpException error, Duration duration) {
        this.result = result;
        this.error = error;
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    /**
     * A successful outcome with the given result (an interceptor answering the call itself).
     *
     * @param result the result
     * @return a successful outcome with the given result (an interceptor answering the call itself)
     */
    public static CallOutcome success(JsonNode result) {
        return new CallOutcome(Objects.requireNonNull(result, "result"), null, Duration.ZERO);
    }

    /**
     * A failed outcome (an interceptor refusing the call).
     *
     * @param error the error
     * @return a failed outcome (an interceptor refusing the call)
     */
    public static CallOutcome failure(McpException error) {
        return new CallOutcome(null, Objects.requireNonNull(error, "error"), Duration.ZERO);
    }

    /** The server's answer; the result may be null (a JSON-RPC result of {@code null}). */
    static CallOutcome answered(JsonNode result) {
        return new CallOutcome(result, null, Duration.ZERO);
    }

    /**
     * This outcome with another duration.
     *
     * @param duration the duration
     * @return this outcome with another duration
     */
    public CallOutcome withDuration(Duration duration) {
        return new CallOutcome(result, error, duration);
    }

    /**
     * Whether the request got a result (which may be an {@code input_required} one).
     *
     * @return whether the request got a result (which may be an {@code input_required} one)
     */
    public boolean succeeded() {
        return error == null;
    }

    /**
     * The result, or null when the request failed.
     *
     * @return the result, or null when the request failed
     */
    public JsonNode result() {
        return result;
    }

    /**
     * The error, or null when the request succeeded.
     *
     * @return the error, or null when the request succeeded
     */
    public McpException error() {
        return error;
    }

    /**
     * Whether the result asks for input (2026-07-28): the client will answer it and send another round.
     *
     * @return whether the result asks for input (2026-07-28): the client will answer it and send another round
     */
    public boolean inputRequired() {
        JsonNode type = result == null ? null : result.get("resultType");
        return type != null
                && type.isString()
                && ResultType.INPUT_REQUIRED.value().equals(type.asString());
    }

    /**
     * How long the request took below the interceptor that received this outcome; zero for a built one.
     *
     * @return how long the request took below the interceptor that received this outcome; zero for a built one
     */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return (error == null ? "success" : "failure: " + error.getMessage()) + " in " + duration.toMillis() + " ms";
    }
}
