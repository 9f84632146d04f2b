package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.ResultType;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code resources/read}; in 2026-07-28 possibly {@code input_required}.
 *
 * @param contents the contents (empty when the wire omits it, except in an {@code input_required} result, where it stays null)
 * @param ttlMs how long the client may cache this result in milliseconds (2026-07-28), null when absent
 * @param cacheScope who may reuse a cached copy (2026-07-28), null when absent
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
 * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record ReadResourceResult(
        List<ResourceContents> contents,
        Long ttlMs,
        CacheScope cacheScope,
        ResultType resultType,
        Map<String, InputRequest> inputRequests,
        String requestState,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value.
     *
     * @param contents the contents (empty when the wire omits it, except in an {@code input_required} result, where it
     *     stays null)
     * @param ttlMs how long the client may cache this result in milliseconds (2026-07-28), null when absent
     * @param cacheScope who may reuse a cached copy (2026-07-28), null when absent
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
     * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public ReadResourceResult {
        if (contents != null) {
            contents = List.copyOf(contents);
        } else if (ResultType.isComplete(resultType)) {
            contents = List.of();
        }
        inputRequests = inputRequests == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputRequests));
    }

    /**
     * A result with the given contents.
     *
     * @param contents the contents (empty when the wire omits it, except in an {@code input_required} result, where it
     *     stays null)
     * @return a result with the given contents
     */
    public static ReadResourceResult of(List<ResourceContents> contents) {
        return new ReadResourceResult(contents, null, null, null, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param contents the contents (empty when the wire omits it, except in an {@code input_required} result, where it
     *     stays null)
     * @return a new builder
     */
    public static Builder builder(List<ResourceContents> contents) {
        return new Builder(contents);
    }

    /** Builds a {@link ReadResourceResult}. */
    public static final class Builder {
        private final List<ResourceContents> contents;
        private Long ttlMs;
        private CacheScope cacheScope;
        private ResultType resultType;
        private Map<String, InputRequest> inputRequests;
        private String requestState;
        private JsonNode meta;

        private Builder(List<ResourceContents> contents) {
            this.contents = contents;
        }

        /**
         * Sets {@code ttlMs}: how long the client may cache this result in milliseconds (2026-07-28).
         *
         * @param ttlMs how long the client may cache this result in milliseconds (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder ttlMs(Long ttlMs) {
            this.ttlMs = ttlMs;
            return this;
        }

        /**
         * Sets {@code cacheScope}: who may reuse a cached copy (2026-07-28).
         *
         * @param cacheScope who may reuse a cached copy (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder cacheScope(CacheScope cacheScope) {
            this.cacheScope = cacheScope;
            return this;
        }

        /**
         * Sets {@code resultType}: the 2026-07-28 result type.
         *
         * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or
         *     {@code task}, or null to leave it out (absent means complete)
         * @return this builder
         */
        public Builder resultType(ResultType resultType) {
            this.resultType = resultType;
            return this;
        }

        /**
         * Sets {@code inputRequests}: requests the client must answer before retrying (2026-07-28).
         *
         * @param inputRequests requests the client must answer before retrying (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder inputRequests(Map<String, InputRequest> inputRequests) {
            this.inputRequests = inputRequests;
            return this;
        }

        /**
         * Sets {@code requestState}: opaque state the client echoes on the retry (2026-07-28).
         *
         * @param requestState opaque state the client echoes on the retry (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder requestState(String requestState) {
            this.requestState = requestState;
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
         * @return a new {@code ReadResourceResult} with the values set on this builder
         */
        public ReadResourceResult build() {
            return new ReadResourceResult(contents, ttlMs, cacheScope, resultType, inputRequests, requestState, meta);
        }
    }
}
