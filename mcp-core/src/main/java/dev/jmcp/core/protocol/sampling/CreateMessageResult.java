package dev.jmcp.core.protocol.sampling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ResultType;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.SamplingContent;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Result of {@code sampling/createMessage}: the sampled message. Like {@link SamplingMessage},
 * {@code content} is one block or an array, and {@link #singleBlock()} keeps the shape.
 *
 * @param role the sender, usually {@code assistant}
 * @param content the generated content blocks
 * @param singleBlock true to write {@code content} as one object, false to write an array
 * @param model the model that produced the message
 * @param stopReason why sampling stopped, an open string (see the constants), null when absent
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record CreateMessageResult(
        Role role,
        @JsonIgnore List<SamplingContent> content,
        @JsonIgnore boolean singleBlock,
        String model,
        String stopReason,
        ResultType resultType,
        @JsonProperty("_meta") JsonNode meta) {
    /** Natural end of the turn. */
    public static final String STOP_END_TURN = "endTurn";
    /** A stop sequence was hit. */
    public static final String STOP_SEQUENCE = "stopSequence";
    /** The token limit was hit. */
    public static final String STOP_MAX_TOKENS = "maxTokens";
    /** The model wants to use tools. */
    public static final String STOP_TOOL_USE = "toolUse";

    /**
     * Creates a result; {@code role}, {@code content} and {@code model} are required.
     *
     * @param role the sender, usually {@code assistant}
     * @param content the generated content blocks
     * @param singleBlock true to write {@code content} as one object, false to write an array
     * @param model the model that produced the message
     * @param stopReason why sampling stopped, an open string (see the constants), null when absent
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public CreateMessageResult {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(model, "model");
        content = SamplingContents.check(content, singleBlock);
    }

    /**
     * A result with one block, written as a single object.
     *
     * @param role the sender, usually {@code assistant}
     * @param block the single content block of the generated message
     * @param model the model that produced the message
     * @param stopReason why sampling stopped, an open string (see the constants), null when absent
     * @return a result with one block, written as a single object
     */
    public static CreateMessageResult of(Role role, SamplingContent block, String model, String stopReason) {
        return new CreateMessageResult(role, List.of(block), true, model, stopReason, null, null);
    }

    /**
     * A result with blocks, written as an array.
     *
     * @param role the sender, usually {@code assistant}
     * @param blocks the content blocks of the generated message
     * @param model the model that produced the message
     * @param stopReason why sampling stopped, an open string (see the constants), null when absent
     * @return a result with blocks, written as an array
     */
    public static CreateMessageResult of(
            Role role, List<? extends SamplingContent> blocks, String model, String stopReason) {
        return new CreateMessageResult(role, List.copyOf(blocks), false, model, stopReason, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CreateMessageResult fromJson(ObjectNode node) {
        JsonNode content = node.get("content");
        JsonNode resultType = node.get("resultType");
        return new CreateMessageResult(
                SamplingContents.role(node),
                SamplingContents.read(content),
                !content.isArray(),
                SamplingContents.string(node, "model"),
                SamplingContents.string(node, "stopReason"),
                resultType != null && resultType.isString() ? ResultType.of(resultType.stringValue()) : null,
                SamplingContents.meta(node));
    }

    /** The wire form of {@code content}: one block or an array. */
    @JsonProperty("content")
    Object contentJson() {
        return SamplingContents.write(content, singleBlock);
    }

    /**
     * The message part of this result.
     *
     * @return the message part of this result
     */
    public SamplingMessage message() {
        return new SamplingMessage(role, content, singleBlock, null);
    }

    /**
     * A builder of a result with one block, written as a single object.
     *
     * @param role the sender, usually {@code assistant}
     * @param block the single content block of the generated message
     * @param model the model that produced the message
     * @return a new builder
     */
    public static Builder builder(Role role, SamplingContent block, String model) {
        return new Builder(role, List.of(block), true, model);
    }

    /**
     * A builder of a result with blocks, written as an array.
     *
     * @param role the sender, usually {@code assistant}
     * @param blocks the content blocks of the generated message
     * @param model the model that produced the message
     * @return a new builder
     */
    public static Builder builder(Role role, List<? extends SamplingContent> blocks, String model) {
        return new Builder(role, List.copyOf(blocks), false, model);
    }

    /** Builds a {@link CreateMessageResult}. */
    public static final class Builder {
        private final Role role;
        private final List<SamplingContent> content;
        private final boolean singleBlock;
        private final String model;
        private String stopReason;
        private ResultType resultType;
        private JsonNode meta;

        private Builder(Role role, List<SamplingContent> content, boolean singleBlock, String model) {
            this.role = role;
            this.content = content;
            this.singleBlock = singleBlock;
            this.model = model;
        }

        /**
         * Sets {@code stopReason}: why sampling stopped, an open string (see the constants).
         *
         * @param stopReason why sampling stopped, an open string (see the constants), or null to leave it out
         * @return this builder
         */
        public Builder stopReason(String stopReason) {
            this.stopReason = stopReason;
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
         * @return a new {@code CreateMessageResult} with the values set on this builder
         */
        public CreateMessageResult build() {
            return new CreateMessageResult(role, content, singleBlock, model, stopReason, resultType, meta);
        }
    }
}
