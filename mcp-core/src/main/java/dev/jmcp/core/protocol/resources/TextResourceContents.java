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
 * @param mimeType the MIME type of the content, null when absent
 * @param text the resource's content as text
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextResourceContents(String uri, String mimeType, String text, @JsonProperty("_meta") JsonNode meta)
        implements ResourceContents {
    /**
     * Creates text contents; {@code uri} and {@code text} are required.
     *
     * @param uri the resource URI
     * @param mimeType the MIME type of the content, null when absent
     * @param text the resource's content as text
     * @param meta the {@code _meta} object, null when absent
     */
    public TextResourceContents {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Text contents without {@code _meta}.
     *
     * @param uri the resource URI
     * @param mimeType the MIME type of the content, null when absent
     * @param text the resource's content as text
     * @return text contents without {@code _meta}
     */
    public static TextResourceContents of(String uri, String mimeType, String text) {
        return new TextResourceContents(uri, mimeType, text, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param uri the resource URI
     * @param text the resource's content as text
     * @return a new builder
     */
    public static Builder builder(String uri, String text) {
        return new Builder(uri, text);
    }

    /** Builds a {@link TextResourceContents}. */
    public static final class Builder {
        private final String uri;
        private final String text;
        private String mimeType;
        private JsonNode meta;

        private Builder(String uri, String text) {
            this.uri = uri;
            this.text = text;
        }

        /**
         * Sets {@code mimeType}: MIME type.
         *
         * @param mimeType the MIME type of the content, or null to leave it out
         * @return this builder
         */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
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
         * @return a new {@code TextResourceContents} with the values set on this builder
         */
        public TextResourceContents build() {
            return new TextResourceContents(uri, mimeType, text, meta);
        }
    }
}
