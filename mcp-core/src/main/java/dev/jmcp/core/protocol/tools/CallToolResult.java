package dev.jmcp.core.protocol.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ResultType;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code tools/call}. Tool failures are results with {@code isError: true}, not protocol
 * errors. In 2026-07-28 a result may instead be {@code input_required}, carrying {@code inputRequests} and/or
 * {@code requestState}.
 *
 * @param content the unstructured result (empty when the wire omits it, except in an {@code input_required} result, where it stays null)
 * @param structuredContent the structured result, null when absent
 * @param isError whether the tool failed, null when absent (false)
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
 * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record CallToolResult(
        List<ContentBlock> content,
        JsonNode structuredContent,
        @JsonProperty("isError") Boolean isError,
        ResultType resultType,
        Map<String, InputRequest> inputRequests,
        String requestState,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value.
     *
     * @param content the unstructured result (empty when the wire omits it, except in an {@code input_required} result,
     *     where it stays null)
     * @param structuredContent the structured result, null when absent
     * @param isError whether the tool failed, null when absent (false)
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
     * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public CallToolResult {
        if (content != null) {
            content = List.copyOf(content);
        } else if (ResultType.isComplete(resultType)) {
            content = List.of();
        }
        inputRequests = inputRequests == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputRequests));
    }

    /**
     * A successful result with the given content.
     *
     * @param content the unstructured result (empty when the wire omits it, except in an {@code input_required} result,
     *     where it stays null)
     * @return a successful result with the given content
     */
    public static CallToolResult of(List<ContentBlock> content) {
        return new CallToolResult(content, null, null, null, null, null, null);
    }

    /**
     * A successful result with one text block.
     *
     * @param text the text the tool returns
     * @return a successful result with one text block
     */
    public static CallToolResult text(String text) {
        return of(List.of(TextContent.of(text)));
    }

    /**
     * A failed result ({@code isError: true}) with one text block describing the error.
     *
     * @param message the error text shown to the model
     * @return a failed result ({@code isError: true}) with one text block describing the error
     */
    public static CallToolResult error(String message) {
        return new CallToolResult(List.of(TextContent.of(message)), null, true, null, null, null, null);
    }

    /**
     * Whether the tool reported an error.
     *
     * @return {@code true} if the tool reported an error
     */
    public boolean failed() {
        return Boolean.TRUE.equals(isError);
    }

    /**
     * A builder with the required fields.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CallToolResult}. */
    public static final class Builder {
        private List<ContentBlock> content;
        private JsonNode structuredContent;
        private Boolean isError;
        private ResultType resultType;
        private Map<String, InputRequest> inputRequests;
        private String requestState;
        private JsonNode meta;

        private Builder() {}

        /**
         * Sets {@code content}: the unstructured result (empty when the wire omits it, except in an
         * {@code input_required} result, where it stays null).
         *
         * @param content the unstructured result (empty when the wire omits it, except in an {@code input_required}
         *     result, where it stays null)
         * @return this builder
         */
        public Builder content(List<ContentBlock> content) {
            this.content = content;
            return this;
        }

        /**
         * Sets {@code structuredContent}: the structured result.
         *
         * @param structuredContent the structured result, or null to leave it out
         * @return this builder
         */
        public Builder structuredContent(JsonNode structuredContent) {
            this.structuredContent = structuredContent;
            return this;
        }

        /**
         * Sets {@code isError}: whether the tool failed.
         *
         * @param isError whether the tool failed, or null to leave it out (absent means false)
         * @return this builder
         */
        public Builder isError(Boolean isError) {
            this.isError = isError;
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
         * @return a new {@code CallToolResult} with the values set on this builder
         */
        public CallToolResult build() {
            return new CallToolResult(
                    content, structuredContent, isError, resultType, inputRequests, requestState, meta);
        }
    }
}
