package dev.jmcp.core.protocol.logging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/message}.
 *
 * @param level the severity
 * @param logger logger name, null when absent
 * @param data the logged value, any JSON
 * @param meta the {@code _meta} object, null when absent
 */
public record LoggingMessageNotification(
        LoggingLevel level, String logger, JsonNode data, @JsonProperty("_meta") JsonNode meta) {
    /** Creates the value; {@code level}, {@code data} are required. */
    public LoggingMessageNotification {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(data, "data");
    }

    /** A builder with the required fields. */
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

        /** Sets {@code logger}: logger name. */
        public Builder logger(String logger) {
            this.logger = logger;
            return this;
        }

        /** Sets {@code _meta}: the {@code _meta} object. */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /** Builds the value. */
        public LoggingMessageNotification build() {
            return new LoggingMessageNotification(level, logger, data, meta);
        }
    }
}
