package dev.jmcp.loadtest.target;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One request to make: an operation, its subject (tool name, resource URI or prompt name; {@code null} for list
 * operations and ping), its arguments (a JSON object, or {@code null}) and how a {@code tools/call} is made.
 *
 * @param operation the operation
 * @param name the tool, URI or prompt; {@code null} for list operations and ping
 * @param arguments a JSON object, or {@code null}
 * @param mode how a {@code tools/call} is made ({@link CallMode#PLAIN} for every other operation)
 */
public record Step(Operation operation, String name, JsonNode arguments, CallMode mode) {
    /**
     * A plain step.
     *
     * @param operation the operation
     * @param name the tool, URI or prompt, or {@code null}
     * @param arguments a JSON object, or {@code null}
     */
    public Step(Operation operation, String name, JsonNode arguments) {
        this(operation, name, arguments, CallMode.PLAIN);
    }

    /**
     * Validates the values.
     *
     * @param operation see the record component
     * @param name see the record component
     * @param arguments see the record component
     * @param mode see the record component
     */
    public Step {
        Objects.requireNonNull(operation, "operation");
        mode = mode == null ? CallMode.PLAIN : mode;
        if (mode != CallMode.PLAIN && operation != Operation.TOOLS_CALL) {
            throw new IllegalArgumentException(mode + " applies to tools/call only");
        }
        if (operation.needsName() && (name == null || name.isEmpty())) {
            throw new IllegalArgumentException(operation.method() + " needs a name");
        }
    }

    /**
     * A label for metrics: the method, plus the subject when there is one ({@code tools/call echo}).
     *
     * @return a label for metrics: the method, plus the subject when there is one ({@code tools/call echo})
     */
    public String label() {
        return name == null ? operation.method() : operation.method() + " " + name;
    }
}
