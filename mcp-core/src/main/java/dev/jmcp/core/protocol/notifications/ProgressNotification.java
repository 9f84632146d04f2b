package dev.jmcp.core.protocol.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ProgressToken;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/progress}.
 *
 * @param progressToken the progress token the request carried in its {@code _meta}
 * @param progress the progress so far; it increases with every notification
 * @param total the total progress expected, null when unknown
 * @param message a human-readable description of the current progress, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record ProgressNotification(
        ProgressToken progressToken,
        double progress,
        Double total,
        String message,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code progressToken} is required.
     *
     * @param progressToken the progress token the request carried in its {@code _meta}
     * @param progress the progress so far; it increases with every notification
     * @param total the total progress expected, null when unknown
     * @param message a human-readable description of the current progress, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public ProgressNotification {
        Objects.requireNonNull(progressToken, "progressToken");
    }

    /**
     * A builder with the required fields.
     *
     * @param progressToken the progress token the request carried in its {@code _meta}
     * @param progress the progress so far; it increases with every notification
     * @return a new builder
     */
    public static Builder builder(ProgressToken progressToken, double progress) {
        return new Builder(progressToken, progress);
    }

    /** Builds a {@link ProgressNotification}. */
    public static final class Builder {
        private final ProgressToken progressToken;
        private final double progress;
        private Double total;
        private String message;
        private JsonNode meta;

        private Builder(ProgressToken progressToken, double progress) {
            this.progressToken = progressToken;
            this.progress = progress;
        }

        /**
         * Sets {@code total}: total.
         *
         * @param total the total progress expected, null when unknown
         * @return this builder
         */
        public Builder total(Double total) {
            this.total = total;
            return this;
        }

        /**
         * Sets {@code message}: progress message.
         *
         * @param message a human-readable description of the current progress, or null to leave it out
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
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
         * @return a new {@code ProgressNotification} with the values set on this builder
         */
        public ProgressNotification build() {
            return new ProgressNotification(progressToken, progress, total, message, meta);
        }
    }
}
