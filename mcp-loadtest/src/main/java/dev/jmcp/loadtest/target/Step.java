package dev.jmcp.loadtest.target;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One request to make: an operation, its subject (tool name, resource URI or prompt name; {@code null} for list
 * operations and ping) and its arguments (a JSON object, or {@code null}).
 */
public record Step(Operation operation, String name, JsonNode arguments) {
    /**
     * Validates the step.
     *
     * @param operation the operation
     * @param name the name
     * @param arguments the arguments
     */
    public Step {
        Objects.requireNonNull(operation, "operation");
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
