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
 * @param mimeType MIME type, null when absent
 * @param blob the base64 data
 * @param meta the {@code _meta} object, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record BlobResourceContents(String uri, String mimeType, String blob, @JsonProperty("_meta") JsonNode meta)
        implements ResourceContents {
    /** Creates blob contents; {@code uri} and {@code blob} are required. */
    public BlobResourceContents {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(blob, "blob");
    }

    /** Blob contents without {@code _meta}. */
    public static BlobResourceContents of(String uri, String mimeType, String blob) {
        return new BlobResourceContents(uri, mimeType, blob, null);
    }

    /** A builder with the required fields. */
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

        /** Sets {@code mimeType}: MIME type. */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        /** Sets {@code _meta}: the {@code _meta} object. */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /** Builds the value. */
        public BlobResourceContents build() {
            return new BlobResourceContents(uri, mimeType, blob, meta);
        }
    }
}
