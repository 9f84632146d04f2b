package dev.jmcp.core.protocol.logging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/message}.
 *
 * @param level the severity of the message
 * @param logger the name of the logger that issued the message, null when absent
 * @param data the logged value, any JSON
 * @param meta the {@code _meta} object, null when absent
 */
public record LoggingMessageNotification(
        LoggingLevel level, String logger, JsonNode data, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code level}, {@code data} are required.
     *
     * @param level the severity of the message
     * @param logger the name of the logger that issued the message, null when absent
     * @param data the logged value, any JSON
     * @param meta the {@code _meta} object, null when absent
     */
    public LoggingMessageNotification {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A builder with the required fields.
     *
     * @param level the severity of the message
     * @param data the logged value, any JSON
     * @return a new builder
     */
    public static Builder builder(LoggingLevel level, JsonNode data) {
        return new Builder(level, data);
    }

    /** Builds a {@link LoggingMessageNotification}. */
    public static final class Builder {
        private final LoggingLevel level;
        private final JsonNode data;
        private String logger;
        private JsonNode meta;

        private Builder(LoggingLevel level, JsonNode data) {
            this.level = level;
            this.data = data;
        }

        /**
         * Sets {@code logger}: logger name.
         *
         * @param logger the name of the logger that issued the message, or null to leave it out
         * @return this builder
         */
        public Builder logger(String logger) {
            this.logger = logger;
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
         * @return a new {@code LoggingMessageNotification} with the values set on this builder
         */
        public LoggingMessageNotification build() {
            return new LoggingMessageNotification(level, logger, data, meta);
        }
    }
}
