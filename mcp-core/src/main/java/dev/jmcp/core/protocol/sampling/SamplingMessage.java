package dev.jmcp.core.protocol.sampling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.SamplingContent;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message to or from an LLM. On the wire {@code content} is one block or (2025-11-25) an array of blocks;
 * {@link #singleBlock()} remembers which, so a message is written back in the shape it arrived in.
 *
 * @param role who sent the message
 * @param content the blocks, never empty for a single block
 * @param singleBlock true to write {@code content} as one object, false to write an array
 * @param meta the {@code _meta} object, null when absent
 */
public record SamplingMessage(
        Role role,
        @JsonIgnore List<SamplingContent> content,
        @JsonIgnore boolean singleBlock,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates a message; {@code role} and {@code content} are required.
     *
     * @param role who sent the message
     * @param content the blocks, never empty for a single block
     * @param singleBlock true to write {@code content} as one object, false to write an array
     * @param meta the {@code _meta} object, null when absent
     */
    public SamplingMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        content = SamplingContents.check(content, singleBlock);
    }

    /**
     * A message with one block, written as a single object.
     *
     * @param role who sent the message
     * @param block the message's single content block
     * @return a message with one block, written as a single object
     */
    public static SamplingMessage of(Role role, SamplingContent block) {
        return new SamplingMessage(role, List.of(block), true, null);
    }

    /**
     * A message with blocks, written as an array.
     *
     * @param role who sent the message
     * @param blocks the message's content blocks
     * @return a message with blocks, written as an array
     */
    public static SamplingMessage of(Role role, List<? extends SamplingContent> blocks) {
        return new SamplingMessage(role, List.copyOf(blocks), false, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SamplingMessage fromJson(ObjectNode node) {
        JsonNode content = node.get("content");
        return new SamplingMessage(
                SamplingContents.role(node),
                SamplingContents.read(content),
                !content.isArray(),
                SamplingContents.meta(node));
    }

    /** The wire form of {@code content}: one block or an array. */
    @JsonProperty("content")
    Object contentJson() {
        return SamplingContents.write(content, singleBlock);
    }

    /**
     * A builder of a message with one block, written as a single object.
     *
     * @param role who sent the message
     * @param block the message's single content block
     * @return a new builder
     */
    public static Builder builder(Role role, SamplingContent block) {
        return new Builder(role, List.of(block), true);
    }

    /**
     * A builder of a message with blocks, written as an array.
     *
     * @param role who sent the message
     * @param blocks the message's content blocks
     * @return a new builder
     */
    public static Builder builder(Role role, List<? extends SamplingContent> blocks) {
        return new Builder(role, List.copyOf(blocks), false);
    }

    /** Builds a {@link SamplingMessage}. */
    public static final class Builder {
        private final Role role;
        private final List<SamplingContent> content;
        private final boolean singleBlock;
        private JsonNode meta;

        private Builder(Role role, List<SamplingContent> content, boolean singleBlock) {
            this.role = role;
            this.content = content;
            this.singleBlock = singleBlock;
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
         * @return a new {@code SamplingMessage} with the values set on this builder
         */
        public SamplingMessage build() {
            return new SamplingMessage(role, content, singleBlock, meta);
        }
    }
}
