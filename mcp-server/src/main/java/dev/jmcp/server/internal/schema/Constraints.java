package dev.jmcp.server.internal.schema;

import java.lang.annotation.Annotation;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jakarta Validation constraints, read only when {@code jakarta.validation-api} is on the class path or module
 * path (an optional dependency): {@link JakartaConstraints} is never loaded otherwise.
 */
final class Constraints {
    private static final boolean PRESENT = detect();

    private Constraints() {}

    private static boolean detect() {
        try {
            Class.forName("jakarta.validation.constraints.NotNull", false, Constraints.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether Jakarta Validation is available. */
    static boolean present() {
        return PRESENT;
    }

    /** Whether the annotations make the value required ({@code @NotNull}, {@code @NotEmpty}, {@code @NotBlank}). */
    static boolean required(List<Annotation> annotations) {
        return PRESENT && JakartaConstraints.required(annotations);
    }

    /** Adds the keywords of the constraints among {@code annotations} to {@code schema}. */
    static void apply(ObjectNode schema, List<Annotation> annotations) {
        if (PRESENT) {
            JakartaConstraints.apply(schema, annotations);
        }
    }
}
