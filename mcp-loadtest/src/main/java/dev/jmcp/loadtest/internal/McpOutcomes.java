package dev.jmcp.loadtest.internal;

import dev.jmcp.client.InvalidToolOutputException;
import dev.jmcp.client.MissingServerCapabilityException;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.transport.http.client.McpHttpException;
import java.io.IOException;

/**
 * Classifies what an {@code McpClient} call threw into a {@link StepOutcome}: JSON-RPC errors by code, HTTP
 * failures by status, timeouts, connection failures (transport closed, process exited, socket refused), output
 * schema violations, and anything else as a protocol error.
 */
public final class McpOutcomes {
    private McpOutcomes() {}

    /** The outcome for a failed call. */
    public static StepOutcome classify(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (failure instanceof McpRpcException rpc) {
            return StepOutcome.jsonRpcError(rpc.code(), rpc.getMessage());
        }
        if (failure instanceof McpTimeoutException) {
            return StepOutcome.timeout();
        }
        if (failure instanceof InvalidToolOutputException) {
            return StepOutcome.validationError(message, null);
        }
        if (failure instanceof MissingServerCapabilityException) {
            return StepOutcome.protocolError(message);
        }
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof McpHttpException http) {
                return StepOutcome.httpError(http.statusCode(), http.getMessage());
            }
            if (c instanceof McpRpcException rpc) {
                return StepOutcome.jsonRpcError(rpc.code(), rpc.getMessage());
            }
            if (c instanceof McpTimeoutException) {
                return StepOutcome.timeout();
            }
        }
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof McpTransportException || c instanceof IOException) {
                return StepOutcome.connectionError(message);
            }
        }
        return StepOutcome.protocolError(failure.getClass().getSimpleName() + ": " + message);
    }
}
