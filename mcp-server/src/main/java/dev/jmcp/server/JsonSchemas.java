package dev.jmcp.server;

import dev.jmcp.server.internal.schema.SchemaGenerator;
import java.lang.reflect.Type;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (2020-12, without {@code $schema}) for Java types, describing the JSON that jmcp's Jackson mapper
 * writes for them: records and POJOs (Jackson-visible properties, {@code @JsonProperty}, {@code @JsonIgnore},
 * {@code @JsonInclude}, {@code @JsonPropertyDescription}, {@link Description}), enums (as Jackson writes them, {@code
 * @JsonValue} included), {@code Optional} and {@code @Nullable} (not required), arrays and collections, maps
 * ({@code additionalProperties}), {@code java.time} types, {@code UUID} and {@code URI} (with their {@code format}),
 * {@code BigInteger} ({@code integer}) and {@code BigDecimal} ({@code number}). Jakarta Validation constraints
 * ({@code @NotNull}, {@code @Size}, {@code @Min}, {@code @Max}, {@code @Pattern}, {@code @Email}, {@code @Positive}...)
 * become keywords when {@code jakarta.validation-api} is present; it is an optional dependency.
 *
 * <p>Schemas are portable: recursive types use {@code $defs} and local {@code $ref} only, and the same type always
 * gives the same schema. Each call returns a new node the caller may change.
 */
public final class JsonSchemas {
    private JsonSchemas() {}

    /**
     * The schema of {@code type} (a {@link Class} or a parameterized {@link Type}).
     *
     * @param type the type
     * @return the schema of {@code type} (a {@link Class} or a parameterized {@link Type})
     */
    public static ObjectNode schemaOf(Type type) {
        return SchemaGenerator.schemaOf(Objects.requireNonNull(type, "type"));
    }

    /**
     * The schema of {@code type} for a tool's {@code inputSchema} or {@code outputSchema}: its root must be {@code
     * type: object} (a record, a POJO or a map).
     *
     * @param type the type
     * @return the schema of {@code type} for a tool's {@code inputSchema} or {@code outputSchema}: its root must be
     *     {@code type: object} (a record, a POJO or a map)
     * @throws IllegalArgumentException when {@code type} is not written as a JSON object
     */
    public static ObjectNode objectSchemaOf(Type type) {
        ObjectNode s = schemaOf(type);
        if (!s.path("type").isString() || !"object".equals(s.path("type").asString())) {
            throw new IllegalArgumentException(type.getTypeName() + " is not written as a JSON object, so it cannot be"
                    + " a tool's input or output schema");
        }
        return s;
    }
}
