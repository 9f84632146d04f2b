package dev.jmcp.core.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The model asks to call a tool during sampling, {@code {"type":"tool_use"}} (SEP-1577).
 *
 * @param id unique id, matched by the {@link ToolResultContent#toolUseId()}
 * @param name the tool name
 * @param input the arguments the model passes to the tool, a JSON object
 * @param meta the {@code _meta} object, null when absent; clients should preserve it
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ToolUseContent(String id, String name, JsonNode input, @JsonProperty("_meta") JsonNode meta)
        implements SamplingContent {
    /** The discriminator. */
    public static final String TYPE = "tool_use";

    /**
     * Creates a tool use; all fields but {@code meta} are required.
     *
     * @param id unique id, matched by the {@link ToolResultContent#toolUseId()}
     * @param name the tool name
     * @param input the arguments the model passes to the tool, a JSON object
     * @param meta the {@code _meta} object, null when absent; clients should preserve it
     */
    public ToolUseContent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
    }

    /**
     * A tool use without {@code _meta}.
     *
     * @param id unique id, matched by the {@link ToolResultContent#toolUseId()}
     * @param name the tool name
     * @param input the arguments the model passes to the tool, a JSON object
     * @return a tool use without {@code _meta}
     */
    public static ToolUseContent of(String id, String name, JsonNode input) {
        return new ToolUseContent(id, name, input, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    /**
     * A builder with the required fields.
     *
     * @param id unique id, matched by the {@link ToolResultContent#toolUseId()}
     * @param name the tool name
     * @param input the arguments the model passes to the tool, a JSON object
     * @return a new builder
     */
    public static Builder builder(String id, String name, JsonNode input) {
        return new Builder(id, name, input);
    }

    /** Builds a {@link ToolUseContent}. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final JsonNode input;
        private JsonNode meta;

        private Builder(String id, String name, JsonNode input) {
            this.id = id;
            this.name = name;
            this.input = input;
        }

        /**
         * Sets {@code _meta}: the {@code _meta} object.
         *
         * @param meta the {@code _meta} object, null when absent; clients should preserve it
         * @return this builder
         */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code ToolUseContent} with the values set on this builder
         */
        public ToolUseContent build() {
            return new ToolUseContent(id, name, input, meta);
        }
    }
}
