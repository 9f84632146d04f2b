package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Binary contents of a resource, base64-encoded.
 *
 * @param uri the resource URI
 * @param mimeType the MIME type of the content, null when absent
 * @param blob the binary content, base64-encoded
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record BlobResourceContents(String uri, String mimeType, String blob, @JsonProperty("_meta") JsonNode meta)
        implements ResourceContents {
    /**
     * Creates blob contents; {@code uri} and {@code blob} are required.
     *
     * @param uri the resource URI
     * @param mimeType the MIME type of the content, null when absent
     * @param blob the binary content, base64-encoded
     * @param meta the {@code _meta} object, null when absent
     */
    public BlobResourceContents {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(blob, "blob");
    }

    /**
     * Blob contents without {@code _meta}.
     *
     * @param uri the resource URI
     * @param mimeType the MIME type of the content, null when absent
     * @param blob the binary content, base64-encoded
     * @return the blob contents
     */
    public static BlobResourceContents of(String uri, String mimeType, String blob) {
        return new BlobResourceContents(uri, mimeType, blob, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param uri the resource URI
     * @param blob the binary content, base64-encoded
     * @return a new builder
     */
    public static Builder builder(String uri, String blob) {
        return new Builder(uri, blob);
    }

    /** Builds a {@link BlobResourceContents}. */
    public static final class Builder {
        private final String uri;
        private final String blob;
        private String mimeType;
        private JsonNode meta;

        private Builder(String uri, String blob) {
            this.uri = uri;
            this.blob = blob;
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
         * @return a new {@code BlobResourceContents} with the values set on this builder
         */
        public BlobResourceContents build() {
            return new BlobResourceContents(uri, mimeType, blob, meta);
        }
    }
}
