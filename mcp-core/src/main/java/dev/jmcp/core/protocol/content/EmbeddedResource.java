package dev.jmcp.core.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Annotations;
import dev.jmcp.core.protocol.resources.ResourceContents;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A resource's contents embedded in a prompt or tool result, {@code {"type":"resource"}}.
 *
 * @param resource the text or blob contents
 * @param annotations hints for the client (audience, priority, last modification), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record EmbeddedResource(ResourceContents resource, Annotations annotations, @JsonProperty("_meta") JsonNode meta)
        implements ContentBlock {
    /** The discriminator. */
    public static final String TYPE = "resource";

    /**
     * Creates an embedded resource; {@code resource} is required.
     *
     * @param resource the text or blob contents
     * @param annotations hints for the client (audience, priority, last modification), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public EmbeddedResource {
        Objects.requireNonNull(resource, "resource");
    }

    /**
     * Embeds the given contents.
     *
     * @param resource the text or blob contents
     * @return a resource content block holding {@code resource}
     */
    public static EmbeddedResource of(ResourceContents resource) {
        return new EmbeddedResource(resource, null, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
