package dev.jmcp.server;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How a request ended, as an {@link ServerInterceptor} sees it after {@link ServerInterceptor.Chain#proceed()}:
 * a result, a JSON-RPC error, or a cancellation, and how long the rest of the chain took. Immutable.
 *
 * <p>A request answered before its handler returned (the handler timeout answers at once) reports that answer;
 * it was sent already, so an interceptor cannot replace it. A request whose answer is sent later (a {@code
 * subscriptions/listen} stream, a waiting {@code tasks/result}) reports what its handler returned when it let go of
 * the request.
 */
public final class ServerOutcome {
    /** The kind of an outcome. */
    public enum Kind {
        /** The request is answered with a result. */
        RESULT,
        /** The request is answered with a JSON-RPC error. */
        ERROR,
        /** The request was cancelled (by the client, a timeout or the session closing) and gets no answer here. */
        CANCELLED
    }

    private final Kind kind;
    private final JsonNode result;
    private final JsonRpcError error;
    private final Throwable cause;
    private final Duration duration;

    private ServerOutcome(Kind kind, JsonNode result, JsonRpcError error, Throwable cause, Duration duration) {
        this.kind = kind;
        this.result = result;
        this.error = error;
        this.cause = cause;
        this.duration = duration;
    }

    /**
     * An outcome answering with {@code result}.
     *
     * @param result the result
     * @return an outcome answering with {@code result}
     */
    public static ServerOutcome result(JsonNode result) {
        return new ServerOutcome(Kind.RESULT, Objects.requireNonNull(result, "result"), null, null, Duration.ZERO);
    }

    /**
     * An outcome answering with {@code error} (a short-circuit).
     *
     * @param error the error
     * @return an outcome answering with {@code error} (a short-circuit)
     */
    public static ServerOutcome error(JsonRpcError error) {
        return new ServerOutcome(Kind.ERROR, null, Objects.requireNonNull(error, "error"), null, Duration.ZERO);
    }

    /**
     * The outcome of an exception: {@link McpRpcException} answers its own error, a cancellation answers nothing,
     * anything else answers -32603 with the exception's message.
     *
     * @param cause the underlying failure
     * @return the outcome of an exception: {@link McpRpcException} answers its own error, a cancellation answers
     *     nothing, anything else answers -32603 with the exception's message
     */
    public static ServerOutcome failure(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        if (cause instanceof McpRpcException e) {
            return new ServerOutcome(Kind.ERROR, null, e.error(), cause, Duration.ZERO);
        }
        if (cause instanceof McpCancelledException || cause instanceof InterruptedException) {
            return new ServerOutcome(Kind.CANCELLED, null, null, cause, Duration.ZERO);
        }
        String message = cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
        return new ServerOutcome(
                Kind.ERROR, null, JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, message), cause, Duration.ZERO);
    }

    /**
     * This outcome with another duration (the chain stamps each outcome it returns).
     *
     * @param duration the duration
     * @return this outcome with another duration (the chain stamps each outcome it returns)
     */
    public ServerOutcome withDuration(Duration duration) {
        return new ServerOutcome(kind, result, error, cause, Objects.requireNonNull(duration, "duration"));
    }

    /**
     * Whether the request is answered with a result, an error, or was cancelled.
     *
     * @return whether the request is answered with a result, an error, or was cancelled
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The result, for a {@link Kind#RESULT} outcome. Treat it as read-only.
     *
     * @return the result, for a {@link Kind#RESULT} outcome
     */
    public Optional<JsonNode> result() {
        return Optional.ofNullable(result);
    }

    /**
     * The error answered, for a {@link Kind#ERROR} outcome.
     *
     * @return the error answered, for a {@link Kind#ERROR} outcome
     */
    public Optional<JsonRpcError> error() {
        return Optional.ofNullable(error);
    }

    /**
     * The exception behind an error or cancellation, if one was thrown.
     *
     * @return the exception behind an error or cancellation, if one was thrown
     */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    /**
     * How long the rest of the chain took, as measured by the {@code proceed()} that returned this outcome.
     *
     * @return how long the rest of the chain took, as measured by the {@code proceed()} that returned this outcome
     */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "ServerOutcome[" + kind + (error != null ? " " + error.code() + " " + error.message() : "") + ", "
                + duration.toMillis() + " ms]";
    }
}
