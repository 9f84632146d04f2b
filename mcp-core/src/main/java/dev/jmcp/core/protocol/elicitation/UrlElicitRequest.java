package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Params of a URL-mode {@code elicitation/create} ({@code mode: "url"}, 2025-11-25): the user completes an
 * interaction at {@code url}. {@code elicitationId} is required in 2025-11-25 and absent in 2026-07-28.
 *
 * @param message why the interaction is needed
 * @param elicitationId the elicitation's id, unique within the server and opaque to the client, null when absent
 * @param url the URL to open
 * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record UrlElicitRequest(
        String message, String elicitationId, String url, TaskMetadata task, @JsonProperty("_meta") JsonNode meta)
        implements ElicitRequest {
    /**
     * Creates the value; {@code message}, {@code url} are required.
     *
     * @param message why the interaction is needed
     * @param elicitationId the elicitation's id, unique within the server and opaque to the client, null when absent
     * @param url the URL to open
     * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when
     *     absent
     * @param meta the {@code _meta} object, null when absent
     */
    public UrlElicitRequest {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(url, "url");
    }

    /**
     * A URL request with an id (may be null).
     *
     * @param message why the interaction is needed
     * @param elicitationId the elicitation's id, unique within the server and opaque to the client, null when absent
     * @param url the URL to open
     * @return a URL request with an id
     */
    public static UrlElicitRequest of(String message, String elicitationId, String url) {
        return new UrlElicitRequest(message, elicitationId, url, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param message why the interaction is needed
     * @param url the URL to open
     * @return a new builder
     */
    public static Builder builder(String message, String url) {
        return new Builder(message, url);
    }

    /** Builds a {@link UrlElicitRequest}. */
    public static final class Builder {
        private final String message;
        private final String url;
        private String elicitationId;
        private TaskMetadata task;
        private JsonNode meta;

        private Builder(String message, String url) {
            this.message = message;
            this.url = url;
        }

        /**
         * Sets {@code elicitationId}: opaque id.
         *
         * @param elicitationId the elicitation's id, unique within the server and opaque to the client, or null to
         *     leave it out
         * @return this builder
         */
        public Builder elicitationId(String elicitationId) {
            this.elicitationId = elicitationId;
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
         * @return a new {@code UrlElicitRequest} with the values set on this builder
         */
        public UrlElicitRequest build() {
            return new UrlElicitRequest(message, elicitationId, url, task, meta);
        }
    }

    /**
     * The mode: always {@code "url"}.
     *
     * @return the mode: always {@code "url"}
     */
    @JsonProperty("mode")
    public String mode() {
        return "url";
    }
}
