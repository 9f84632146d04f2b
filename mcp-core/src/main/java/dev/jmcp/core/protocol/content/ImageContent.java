package dev.jmcp.core.protocol.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Annotations;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Base64 image data, {@code {"type":"image"}}.
 *
 * @param data the base64-encoded image
 * @param mimeType the image MIME type
 * @param annotations hints for the client (audience, priority, last modification), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ImageContent(String data, String mimeType, Annotations annotations, @JsonProperty("_meta") JsonNode meta)
        implements ContentBlock, SamplingContent {
    /** The discriminator. */
    public static final String TYPE = "image";

    /**
     * Creates image content; {@code data} and {@code mimeType} are required.
     *
     * @param data the base64-encoded image
     * @param mimeType the image MIME type
     * @param annotations hints for the client (audience, priority, last modification), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public ImageContent {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
    }

    /**
     * Image content from base64 data and a MIME type.
     *
     * @param data the base64-encoded image
     * @param mimeType the image MIME type
     * @return image content from base64 data and a MIME type
     */
    public static ImageContent of(String data, String mimeType) {
        return new ImageContent(data, mimeType, null, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    /**
     * A builder with the required fields.
     *
     * @param data the base64-encoded image
     * @param mimeType the image MIME type
     * @return a new builder
     */
    public static Builder builder(String data, String mimeType) {
        return new Builder(data, mimeType);
    }

    /** Builds an {@link ImageContent}. */
    public static final class Builder {
        private final String data;
        private final String mimeType;
        private Annotations annotations;
        private JsonNode meta;

        private Builder(String data, String mimeType) {
            this.data = data;
            this.mimeType = mimeType;
        }

        /**
         * Sets {@code annotations}: client hints.
         *
         * @param annotations hints for the client (audience, priority, last modification), or null to leave it out
         * @return this builder
         */
        public Builder annotations(Annotations annotations) {
            this.annotations = annotations;
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
         * @return a new {@code ImageContent} with the values set on this builder
         */
        public ImageContent build() {
            return new ImageContent(data, mimeType, annotations, meta);
        }
    }
}
