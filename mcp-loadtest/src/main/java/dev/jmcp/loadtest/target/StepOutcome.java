package dev.jmcp.loadtest.target;

import tools.jackson.databind.JsonNode;

/**
 * What one step produced: success with the result, or a classified failure.
 *
 * @param success whether the step succeeded
 * @param errorKind the failure kind; {@code null} on success
 * @param errorCode the JSON-RPC code or HTTP status for those kinds, otherwise {@code null}
 * @param message a short human-readable detail, or {@code null}
 * @param result the JSON result (also for tool errors), from which multi-step flows extract values; may be
 *     {@code null}
 * @param detail what an MCP-deep step (progress, task) observed, or {@code null}
 */
public record StepOutcome(
        boolean success, ErrorKind errorKind, Integer errorCode, String message, JsonNode result, StepDetail detail) {
    /**
     * An outcome without detail.
     *
     * @param success whether the step succeeded
     * @param errorKind the failure kind; {@code null} on success
     * @param errorCode the JSON-RPC code or HTTP status, or {@code null}
     * @param message a short detail, or {@code null}
     * @param result the JSON result, or {@code null}
     */
    public StepOutcome(boolean success, ErrorKind errorKind, Integer errorCode, String message, JsonNode result) {
        this(success, errorKind, errorCode, message, result, null);
    }

    /**
     * This outcome with a detail.
     *
     * @param d the detail
     * @return the copy
     */
    public StepOutcome withDetail(StepDetail d) {
        return new StepOutcome(success, errorKind, errorCode, message, result, d);
    }

    /**
     * A successful outcome with its result.
     *
     * @param result the result
     * @return a successful outcome with its result
     */
    public static StepOutcome success(JsonNode result) {
        return new StepOutcome(true, null, null, null, result);
    }

    /**
     * A JSON-RPC error answer.
     *
     * @param code the code
     * @param message the error's message
     * @return a JSON-RPC error answer
     */
    public static StepOutcome jsonRpcError(int code, String message) {
        return new StepOutcome(false, ErrorKind.JSONRPC, code, message, null);
    }

    /**
     * An HTTP failure status.
     *
     * @param status the status
     * @param message the error's message
     * @return an HTTP failure status
     */
    public static StepOutcome httpError(int status, String message) {
        return new StepOutcome(false, ErrorKind.HTTP, status, message, null);
    }

    /**
     * No answer in time.
     *
     * @return no answer in time
     */
    public static StepOutcome timeout() {
        return new StepOutcome(false, ErrorKind.TIMEOUT, null, "timed out", null);
    }

    /**
     * A connection failure.
     *
     * @param message the error's message
     * @return a connection failure
     */
    public static StepOutcome connectionError(String message) {
        return new StepOutcome(false, ErrorKind.CONNECTION, null, message, null);
    }

    /**
     * A tool result with {@code isError: true}.
     *
     * @param result the result
     * @return a tool result with {@code isError: true}
     */
    public static StepOutcome toolError(JsonNode result) {
        return new StepOutcome(false, ErrorKind.TOOL_ERROR, null, "tool returned isError", result);
    }

    /**
     * A protocol violation.
     *
     * @param message the error's message
     * @return a protocol violation
     */
    public static StepOutcome protocolError(String message) {
        return new StepOutcome(false, ErrorKind.PROTOCOL, null, message, null);
    }

    /**
     * A successful answer that lacks a value the scenario needs.
     *
     * @param message the error's message
     * @param result the result
     * @return a successful answer that lacks a value the scenario needs
     */
    public static StepOutcome validationError(String message, JsonNode result) {
        return new StepOutcome(false, ErrorKind.VALIDATION, null, message, result);
    }

    /**
     * The error class used to count failures: {@code jsonrpc:-32602}, {@code http:503}, {@code timeout},
     * {@code connection}, {@code tool_error}, {@code protocol}, {@code validation}; {@code null} on success.
     *
     * @return the error class used to count failures: {@code jsonrpc:-32602}, {@code http:503}, {@code timeout}, {@code
     *     connection}, {@code tool_error}, {@code protocol}, {@code validation}; {@code null} on success
     */
    public String errorClass() {
        if (success) {
            return null;
        }
        String base = errorKind.name().toLowerCase(java.util.Locale.ROOT);
        return errorCode == null ? base : base + ":" + errorCode;
    }
}
