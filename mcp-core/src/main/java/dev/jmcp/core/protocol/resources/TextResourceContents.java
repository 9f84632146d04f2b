package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Text contents of a resource.
 *
 * @param uri the resource URI
 * @param mimeType MIME type, null when absent
 * @param text the text
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextResourceContents(String uri, String mimeType, String text, @JsonProperty("_meta") JsonNode meta)
        implements ResourceContents {
    /** Creates text contents; {@code uri} and {@code text} are required. */
    public TextResourceContents {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(text, "text");
    }

    /** Text contents without {@code _meta}. */
    public static TextResourceContents of(String uri, String mimeType, String text) {
        return new TextResourceContents(uri, mimeType, text, null);
    }
}
