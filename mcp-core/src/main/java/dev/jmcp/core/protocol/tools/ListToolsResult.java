package dev.jmcp.core.protocol.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.ResultType;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code tools/list}.
 *
 * @param tools the tools of this page (empty when the wire omits it)
 * @param nextCursor cursor of the next page, null on the last page
 * @param ttlMs how long the client may cache this result in milliseconds (2026-07-28), null when absent
 * @param cacheScope who may reuse a cached copy (2026-07-28), null when absent
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param meta the {@code _meta} object, null when absent
 */
public record ListToolsResult(
        List<Tool> tools,
        String nextCursor,
        Long ttlMs,
        CacheScope cacheScope,
        ResultType resultType,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value.
     *
     * @param tools the tools of this page (empty when the wire omits it)
     * @param nextCursor cursor of the next page, null on the last page
     * @param ttlMs how long the client may cache this result in milliseconds (2026-07-28), null when absent
     * @param cacheScope who may reuse a cached copy (2026-07-28), null when absent
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param meta the {@code _meta} object, null when absent
     */
    public ListToolsResult {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /**
     * A builder with the required fields.
     *
     * @param tools the tools of this page (empty when the wire omits it)
     * @return a new builder
     */
    public static Builder builder(List<Tool> tools) {
        return new Builder(tools);
    }

    /** Builds a {@link ListToolsResult}. */
    public static final class Builder {
        private final List<Tool> tools;
        private String nextCursor;
        private Long ttlMs;
        private CacheScope cacheScope;
        private ResultType resultType;
        private JsonNode meta;

        private Builder(List<Tool> tools) {
            this.tools = tools;
        }

        /**
         * Sets {@code nextCursor}: cursor of the next page.
         *
         * @param nextCursor cursor of the next page, null on the last page
         * @return this builder
         */
        public Builder nextCursor(String nextCursor) {
            this.nextCursor = nextCursor;
            return this;
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
         * @return a new {@code ListToolsResult} with the values set on this builder
         */
        public ListToolsResult build() {
            return new ListToolsResult(tools, nextCursor, ttlMs, cacheScope, resultType, meta);
        }
    }
}
