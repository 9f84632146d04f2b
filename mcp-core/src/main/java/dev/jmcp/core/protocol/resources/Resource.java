package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Annotations;
import dev.jmcp.core.protocol.Icon;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A resource the server can read.
 *
 * @param uri the resource URI
 * @param name the identifier, for programmatic use (and for display when there is no title)
 * @param title a human-readable name for display, null when absent
 * @param description what the resource represents, a hint to the model, null when absent
 * @param mimeType the MIME type of the content, null when absent
 * @param annotations hints for the client (audience, priority, last modification), null when absent
 * @param size raw size in bytes, null when absent
 * @param icons icons a client may show for it, in several sizes or themes, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record Resource(
        String uri,
        String name,
        String title,
        String description,
        String mimeType,
        Annotations annotations,
        Long size,
        List<Icon> icons,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates a resource; {@code uri} and {@code name} are required.
     *
     * @param uri the resource URI
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param title a human-readable name for display, null when absent
     * @param description what the resource represents, a hint to the model, null when absent
     * @param mimeType the MIME type of the content, null when absent
     * @param annotations hints for the client (audience, priority, last modification), null when absent
     * @param size raw size in bytes, null when absent
     * @param icons icons a client may show for it, in several sizes or themes, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public Resource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        icons = icons == null ? null : List.copyOf(icons);
    }

    /**
     * A builder with the required fields.
     *
     * @param uri the resource URI
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @return a new builder
     */
    public static Builder builder(String uri, String name) {
        return new Builder(uri, name);
    }

    /** Builds a {@link Resource}. */
    public static final class Builder {
        private final String uri;
        private final String name;
        private String title;
        private String description;
        private String mimeType;
        private Annotations annotations;
        private Long size;
        private List<Icon> icons;
        private JsonNode meta;

        private Builder(String uri, String name) {
            this.uri = uri;
            this.name = name;
        }

        /**
         * Sets the display name.
         *
         * @param title a human-readable name for display, or null to leave it out
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description what the resource represents, a hint to the model, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the MIME type.
         *
         * @param mimeType the MIME type of the content, or null to leave it out
         * @return this builder
         */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        /**
         * Sets the annotations.
         *
         * @param annotations hints for the client (audience, priority, last modification), or null to leave it out
         * @return this builder
         */
        public Builder annotations(Annotations annotations) {
            this.annotations = annotations;
            return this;
        }

        /**
         * Sets the raw size in bytes.
         *
         * @param size raw size in bytes, or null to leave it out
         * @return this builder
         */
        public Builder size(Long size) {
            this.size = size;
            return this;
        }

        /**
         * Sets the icons.
         *
         * @param icons icons a client may show for it, in several sizes or themes, or null to leave it out
         * @return this builder
         */
        public Builder icons(List<Icon> icons) {
            this.icons = icons;
            return this;
        }

        /**
         * Sets {@code _meta}.
         *
         * @param meta the {@code _meta} object, or null to leave it out
         * @return this builder
         */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /**
         * Builds the resource.
         *
         * @return a new {@code Resource} with the values set on this builder
         */
        public Resource build() {
            return new Resource(uri, name, title, description, mimeType, annotations, size, icons, meta);
        }
    }
}
