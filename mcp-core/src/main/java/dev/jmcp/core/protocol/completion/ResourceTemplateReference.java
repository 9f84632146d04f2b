package dev.jmcp.core.protocol.completion;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A resource or resource template, {@code {"type":"ref/resource"}}.
 *
 * @param uri the URI or URI template
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ResourceTemplateReference(String uri) implements CompletionReference {
    /** The discriminator. */
    public static final String TYPE = "ref/resource";

    /**
     * Creates a reference; {@code uri} is required.
     *
     * @param uri the URI or URI template
     */
    public ResourceTemplateReference {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * A reference to the given URI template.
     *
     * @param uri the URI or URI template
     * @return a reference to the given URI template
     */
    public static ResourceTemplateReference of(String uri) {
        return new ResourceTemplateReference(uri);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
