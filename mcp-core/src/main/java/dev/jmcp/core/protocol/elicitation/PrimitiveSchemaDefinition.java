package dev.jmcp.core.protocol.elicitation;

import dev.jmcp.core.protocol.internal.PrimitiveSchemaDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One field of a form elicitation's schema. The wire has no single discriminator: the shape decides
 * ({@code type}, then {@code oneOf}, {@code enum}/{@code enumNames}, or {@code items.anyOf}).
 */
@JsonDeserialize(using = PrimitiveSchemaDeserializer.class)
public sealed interface PrimitiveSchemaDefinition
        permits StringSchema,
                NumberSchema,
                BooleanSchema,
                UntitledSingleSelectEnumSchema,
                TitledSingleSelectEnumSchema,
                LegacyTitledEnumSchema,
                UntitledMultiSelectEnumSchema,
                TitledMultiSelectEnumSchema {
    /**
     * The JSON Schema {@code type}.
     *
     * @return the JSON Schema {@code type}
     */
    String type();

    /**
     * The display title, null when absent.
     *
     * @return the display title, null when absent
     */
    String title();

    /**
     * The description, null when absent.
     *
     * @return the description, null when absent
     */
    String description();
}
