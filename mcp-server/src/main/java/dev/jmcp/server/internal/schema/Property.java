package dev.jmcp.server.internal.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * One property of a generated object schema that does not come from a class (for example a handler method's
 * parameter).
 *
 * @param name the property name
 * @param type its Java type
 * @param annotations the annotations that shape it (description, constraints)
 * @param description a description, or null (overrides an annotation's)
 * @param required whether the property is listed under {@code required}
 */
public record Property(String name, Type type, List<Annotation> annotations, String description, boolean required) {
    /** Checks the name and type and copies the annotations. */
    public Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        annotations = List.copyOf(annotations);
    }
}
