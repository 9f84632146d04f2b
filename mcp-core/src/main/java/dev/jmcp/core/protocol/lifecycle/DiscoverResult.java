package dev.jmcp.core.protocol.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.ResultType;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code server/discover} (2026-07-28).
 *
 * @param supportedVersions the protocol versions the server supports
 * @param capabilities the optional features the server supports
 * @param serverInfo the server's identity as a top-level member, null when absent. Drafts of 2026-07-28 before
 *     July 2026 required it here; the final revision carries it in {@code _meta} under
 *     {@code io.modelcontextprotocol/serverInfo} instead, so it is optional (jmcp servers send both)
 * @param instructions usage hints for the model, null when absent
 * @param ttlMs how long the client may cache this result in milliseconds (2026-07-28), null when absent
 * @param cacheScope who may reuse a cached copy (2026-07-28), null when absent
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param meta the {@code _meta} object, null when absent
 */
public record DiscoverResult(
        List<String> supportedVersions,
        ServerCapabilities capabilities,
        Implementation serverInfo,
        String instructions,
        Long ttlMs,
        CacheScope cacheScope,
        ResultType resultType,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code supportedVersions}, {@code capabilities} are required.
     *
     * @param supportedVersions the protocol versions the server supports
     * @param capabilities the optional features the server supports
     * @param serverInfo the server's identity as a top-level member, null when absent. Drafts of 2026-07-28 before July
     *     2026 required it here; the final revision carries it in {@code _meta} under
     *     {@code io.modelcontextprotocol/serverInfo} instead, so it is optional (jmcp servers send both)
     * @param instructions usage hints for the model, null when absent
     * @param ttlMs how long the client may cache this result in milliseconds (2026-07-28), null when absent
     * @param cacheScope who may reuse a cached copy (2026-07-28), null when absent
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param meta the {@code _meta} object, null when absent
     */
    public DiscoverResult {
        supportedVersions = List.copyOf(Objects.requireNonNull(supportedVersions, "supportedVersions"));
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * A builder with the required fields.
     *
     * @param supportedVersions the protocol versions the server supports
     * @param capabilities the optional features the server supports
     * @return a new builder
     */
    public static Builder builder(List<String> supportedVersions, ServerCapabilities capabilities) {
        return new Builder(supportedVersions, capabilities);
    }

    /** Builds a {@link DiscoverResult}. */
    public static final class Builder {
        private final List<String> supportedVersions;
        private final ServerCapabilities capabilities;
        private Implementation serverInfo;
        private String instructions;
        private Long ttlMs;
        private CacheScope cacheScope;
        private ResultType resultType;
        private JsonNode meta;

        private Builder(List<String> supportedVersions, ServerCapabilities capabilities) {
            this.supportedVersions = supportedVersions;
            this.capabilities = capabilities;
        }

        /**
         * Sets the top-level {@code serverInfo}: the server's identity (pre-release 2026-07-28 drafts).
         *
         * @param serverInfo the server's identity as a top-level member, null when absent. Drafts of 2026-07-28 before
         *     July 2026 required it here; the final revision carries it in {@code _meta} under
         *     {@code io.modelcontextprotocol/serverInfo} instead, so it is optional (jmcp servers send both)
         * @return this builder
         */
        public Builder serverInfo(Implementation serverInfo) {
            this.serverInfo = serverInfo;
            return this;
        }

        /**
         * Sets {@code instructions}: usage hints for the model.
         *
         * @param instructions usage hints for the model, or null to leave it out
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
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
         * @return a new {@code DiscoverResult} with the values set on this builder
         */
        public DiscoverResult build() {
            return new DiscoverResult(
                    supportedVersions, capabilities, serverInfo, instructions, ttlMs, cacheScope, resultType, meta);
        }
    }
}
