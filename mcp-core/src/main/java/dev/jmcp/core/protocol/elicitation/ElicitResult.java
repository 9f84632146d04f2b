package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ResultType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code elicitation/create}. {@code content} values are strings, numbers, booleans or string
 * arrays, kept as JSON.
 *
 * @param action what the user did: {@code accept}, {@code decline} or {@code cancel}
 * @param content the submitted form (accept in form mode), null when absent
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record ElicitResult(
        ElicitAction action,
        Map<String, JsonNode> content,
        ResultType resultType,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code action} is required.
     *
     * @param action what the user did: {@code accept}, {@code decline} or {@code cancel}
     * @param content the submitted form (accept in form mode), null when absent
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public ElicitResult {
        Objects.requireNonNull(action, "action");
        content = content == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(content));
    }

    /**
     * The user accepted with the given values.
     *
     * @param content the submitted form (accept in form mode), null when absent
     * @return an {@code accept} result carrying {@code content}
     */
    public static ElicitResult accept(Map<String, JsonNode> content) {
        return new ElicitResult(ElicitAction.ACCEPT, content, null, null);
    }

    /**
     * The user declined.
     *
     * @return a {@code decline} result
     */
    public static ElicitResult decline() {
        return new ElicitResult(ElicitAction.DECLINE, null, null, null);
    }

    /**
     * The user dismissed the request.
     *
     * @return a {@code cancel} result
     */
    public static ElicitResult cancel() {
        return new ElicitResult(ElicitAction.CANCEL, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param action what the user did: {@code accept}, {@code decline} or {@code cancel}
     * @return a new builder
     */
    public static Builder builder(ElicitAction action) {
        return new Builder(action);
    }

    /** Builds an {@link ElicitResult}. */
    public static final class Builder {
        private final ElicitAction action;
        private Map<String, JsonNode> content;
        private ResultType resultType;
        private JsonNode meta;

        private Builder(ElicitAction action) {
            this.action = action;
        }

        /**
         * Sets {@code content}: the submitted form (accept in form mode).
         *
         * @param content the submitted form (accept in form mode), or null to leave it out
         * @return this builder
         */
        public Builder content(Map<String, JsonNode> content) {
            this.content = content;
            return this;
        }

        /**
         * Sets {@code resultType}: the 2026-07-28 result type.
         *
         * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or
         *     {@code task}, or null to leave it out
         * @return this builder
         */
        public Builder resultType(ResultType resultType) {
            this.resultType = resultType;
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
         * @return a new {@code ElicitResult} with the values set on this builder
         */
        public ElicitResult build() {
            return new ElicitResult(action, content, resultType, meta);
        }
    }
}
