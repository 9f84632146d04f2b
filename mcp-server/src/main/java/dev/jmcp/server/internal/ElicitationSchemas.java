package dev.jmcp.server.internal;

import dev.jmcp.core.protocol.elicitation.NumberSchema;
import dev.jmcp.core.protocol.elicitation.PrimitiveSchemaDefinition;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import java.util.Map;
import java.util.Set;

/**
 * The spec's restricted shapes of a form elicitation's {@code requestedSchema}, checked before the request is sent:
 * a string {@code format} is one of {@code email}, {@code uri}, {@code date}, {@code date-time}; a number's {@code
 * type} is {@code number} or {@code integer}; every required name is a property. A handler that breaks them gets
 * an {@link IllegalArgumentException} naming the field, and the client never sees a request it would reject.
 */
final class ElicitationSchemas {
    /** The string formats elicitation allows. */
    static final Set<String> STRING_FORMATS = Set.of("email", "uri", "date", "date-time");

    private ElicitationSchemas() {}

    /** Throws {@link IllegalArgumentException} when {@code schema} breaks a restriction. */
    static void check(RequestedSchema schema) {
        for (Map.Entry<String, PrimitiveSchemaDefinition> e :
                schema.properties().entrySet()) {
            String field = e.getKey();
            PrimitiveSchemaDefinition d = e.getValue();
            if (d == null) {
                throw new IllegalArgumentException("elicitation field '" + field + "' has no schema");
            }
            if (d instanceof StringSchema s && s.format() != null && !STRING_FORMATS.contains(s.format())) {
                throw new IllegalArgumentException("elicitation field '" + field + "': string format '" + s.format()
                        + "' is not allowed (use email, uri, date or date-time, or no format)");
            }
            if (d instanceof NumberSchema n && !"number".equals(n.type()) && !"integer".equals(n.type())) {
                throw new IllegalArgumentException("elicitation field '" + field + "': type '" + n.type()
                        + "' is not allowed for a number (use number or integer)");
            }
        }
        if (schema.required() != null) {
            for (String name : schema.required()) {
                if (!schema.properties().containsKey(name)) {
                    throw new IllegalArgumentException(
                            "elicitation schema requires '" + name + "', which is not one of its properties");
                }
            }
        }
    }
}
