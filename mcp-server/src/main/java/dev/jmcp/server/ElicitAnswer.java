package dev.jmcp.server;

import dev.jmcp.core.protocol.elicitation.ElicitAction;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The user's answer to a form elicitation, checked against the form's {@code requestedSchema}. A non-conforming
 * answer is not an error by itself (the handler decides: ask again, use defaults, or report it).
 *
 * @param result what the client answered
 * @param validationErrors why accepted content does not match the requested schema (empty when it matches, or
 *     when the user declined or cancelled)
 */
public record ElicitAnswer(ElicitResult result, List<String> validationErrors) {
    /**
     * Checks both are present.
     *
     * @param result what the client answered
     * @param validationErrors why accepted content does not match the requested schema (empty when it matches, or when
     *     the user declined or cancelled)
     */
    public ElicitAnswer {
        Objects.requireNonNull(result, "result");
        validationErrors = List.copyOf(validationErrors);
    }

    /**
     * Whether the user accepted.
     *
     * @return whether the user accepted
     */
    public boolean isAccepted() {
        return result.action() == ElicitAction.ACCEPT;
    }

    /**
     * Whether the answer matches the requested schema (always true for decline and cancel).
     *
     * @return whether the answer matches the requested schema (always true for decline and cancel)
     */
    public boolean isValid() {
        return validationErrors.isEmpty();
    }

    /**
     * Whether the user accepted with content that matches the schema.
     *
     * @return whether the user accepted with content that matches the schema
     */
    public boolean isAcceptedAndValid() {
        return isAccepted() && isValid();
    }

    /**
     * The submitted values (empty when absent).
     *
     * @return the submitted values (empty when absent)
     */
    public Map<String, JsonNode> content() {
        return result.content() == null ? Map.of() : result.content();
    }
}
