package dev.jmcp.core.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Annotations;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Text, {@code {"type":"text"}}.
 *
 * @param text the text of the block
 * @param annotations hints for the client (audience, priority, last modification), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextContent(String text, Annotations annotations, @JsonProperty("_meta") JsonNode meta)
        implements ContentBlock, SamplingContent {
    /** The discriminator. */
    public static final String TYPE = "text";

    /**
     * Creates text content; {@code text} is required.
     *
     * @param text the text of the block
     * @param annotations hints for the client (audience, priority, last modification), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public TextContent {
        Objects.requireNonNull(text, "text");
    }

    /**
     * Plain text content.
     *
     * @param text the text of the block
     * @return a text content block
     */
    public static TextContent of(String text) {
        return new TextContent(text, null, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
