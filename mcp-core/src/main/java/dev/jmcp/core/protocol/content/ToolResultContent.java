package dev.jmcp.core.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The result of a {@link ToolUseContent}, sent back to the model, {@code {"type":"tool_result"}} (SEP-1577).
 *
 * @param toolUseId the id of the tool use this answers
 * @param content the unstructured result (empty list when the wire omits it)
 * @param structuredContent the structured result, null when absent
 * @param isError whether the tool failed, null when absent (false)
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ToolResultContent(
        String toolUseId,
        List<ContentBlock> content,
        JsonNode structuredContent,
        @JsonProperty("isError") Boolean isError,
        @JsonProperty("_meta") JsonNode meta)
        implements SamplingContent {
    /** The discriminator. */
    public static final String TYPE = "tool_result";

    /**
     * Creates a tool result; {@code toolUseId} is required.
     *
     * @param toolUseId the id of the tool use this answers
     * @param content the unstructured result (empty list when the wire omits it)
     * @param structuredContent the structured result, null when absent
     * @param isError whether the tool failed, null when absent (false)
     * @param meta the {@code _meta} object, null when absent
     */
    public ToolResultContent {
        Objects.requireNonNull(toolUseId, "toolUseId");
        content = content == null ? List.of() : List.copyOf(content);
    }

    /**
     * A successful tool result with the given content.
     *
     * @param toolUseId the id of the tool use this answers
     * @param content the unstructured result (empty list when the wire omits it)
     * @return a successful tool result with the given content
     */
    public static ToolResultContent of(String toolUseId, List<ContentBlock> content) {
        return new ToolResultContent(toolUseId, content, null, null, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    /**
     * A builder with the required fields.
     *
     * @param toolUseId the id of the tool use this answers
     * @return a new builder
     */
    public static Builder builder(String toolUseId) {
        return new Builder(toolUseId);
    }

    /** Builds a {@link ToolResultContent}. */
    public static final class Builder {
        private final String toolUseId;
        private List<ContentBlock> content;
        private JsonNode structuredContent;
        private Boolean isError;
        private JsonNode meta;

        private Builder(String toolUseId) {
            this.toolUseId = toolUseId;
        }

        /**
         * Sets {@code content}: the unstructured result (empty list when the wire omits it).
         *
         * @param content the unstructured result (empty list when the wire omits it)
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
         * @return a new {@code ToolResultContent} with the values set on this builder
         */
        public ToolResultContent build() {
            return new ToolResultContent(toolUseId, content, structuredContent, isError, meta);
        }
    }
}
