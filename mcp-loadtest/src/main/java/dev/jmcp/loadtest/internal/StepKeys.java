package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.target.Operation;

/**
 * The histogram keys one step records under, computed once per configured step (not per request): {@code op:<method>}
 * and, for a named subject, {@code tool:<name>}, {@code resource:<uri>} or {@code prompt:<name>}. The subject is
 * the configured name <em>before</em> {@code ${var}} substitution, so a flow that reads {@code mem://items/${id}}
 * yields one key, not one per id.
 *
 * @param op the operation key
 * @param subject the subject key, or {@code null} for list operations and ping
 */
public record StepKeys(String op, String subject) {
    /** The keys of an operation on a (template) name. */
    public static StepKeys of(Operation operation, String name) {
        String prefix =
                switch (operation) {
                    case TOOLS_CALL -> "tool:";
                    case RESOURCES_READ -> "resource:";
                    case PROMPTS_GET -> "prompt:";
                    default -> null;
                };
        return new StepKeys("op:" + operation.method(), prefix == null || name == null ? null : prefix + name);
    }
}
