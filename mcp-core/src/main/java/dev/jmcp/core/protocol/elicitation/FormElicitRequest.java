package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Params of a form-mode {@code elicitation/create}: a message and a flat schema.
 *
 * @param mode {@code "form"} when written explicitly, null when absent (form is the default)
 * @param message what is being asked
 * @param requestedSchema the form: a flat JSON Schema object whose properties are primitive fields
 * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record FormElicitRequest(
        String mode,
        String message,
        RequestedSchema requestedSchema,
        TaskMetadata task,
        @JsonProperty("_meta") JsonNode meta)
        implements ElicitRequest {
    /**
     * Creates the value; {@code message}, {@code requestedSchema} are required.
     *
     * @param mode {@code "form"} when written explicitly, null when absent (form is the default)
     * @param message what is being asked
     * @param requestedSchema the form: a flat JSON Schema object whose properties are primitive fields
     * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when
     *     absent
     * @param meta the {@code _meta} object, null when absent
     */
    public FormElicitRequest {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestedSchema, "requestedSchema");
    }

    /**
     * A form request without explicit mode, task or {@code _meta}.
     *
     * @param message what is being asked
     * @param requestedSchema the form: a flat JSON Schema object whose properties are primitive fields
     * @return a form request without explicit mode, task or {@code _meta}
     */
    public static FormElicitRequest of(String message, RequestedSchema requestedSchema) {
        return new FormElicitRequest(null, message, requestedSchema, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param message what is being asked
     * @param requestedSchema the form: a flat JSON Schema object whose properties are primitive fields
     * @return a new builder
     */
    public static Builder builder(String message, RequestedSchema requestedSchema) {
        return new Builder(message, requestedSchema);
    }

    /** Builds a {@link FormElicitRequest}. */
    public static final class Builder {
        private final String message;
        private final RequestedSchema requestedSchema;
        private String mode;
        private TaskMetadata task;
        private JsonNode meta;

        private Builder(String message, RequestedSchema requestedSchema) {
            this.message = message;
            this.requestedSchema = requestedSchema;
        }

        /**
         * Sets {@code mode}: {@code "form"} when written explicitly.
         *
         * @param mode {@code "form"} to write the mode explicitly, or null to leave it out (form is the default)
         * @return this builder
         */
        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        /**
         * Sets {@code task}: task augmentation (2025-11-25).
         *
         * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), or null
         *     to leave it out
         * @return this builder
         */
        public Builder task(TaskMetadata task) {
            this.task = task;
            return this;
        }

        /**
         * Sets {@code _meta}: the {@code _meta} object.
         *
         * @param meta the {@code _meta} object, or null to leave it out
         * @return this builder
         */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code FormElicitRequest} with the values set on this builder
         */
        public FormElicitRequest build() {
            return new FormElicitRequest(mode, message, requestedSchema, task, meta);
        }
    }
}
