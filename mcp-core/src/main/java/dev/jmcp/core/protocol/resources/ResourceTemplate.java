package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Annotations;
import dev.jmcp.core.protocol.Icon;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A parameterized resource (RFC 6570 URI template).
 *
 * @param uriTemplate an RFC 6570 URI template that builds resource URIs
 * @param name the identifier, for programmatic use (and for display when there is no title)
 * @param title a human-readable name for display, null when absent
 * @param description what the template is for, a hint to the model, null when absent
 * @param mimeType MIME type of every matching resource, null when absent
 * @param annotations hints for the client (audience, priority, last modification), null when absent
 * @param icons icons a client may show for it, in several sizes or themes, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record ResourceTemplate(
        String uriTemplate,
        String name,
        String title,
        String description,
        String mimeType,
        Annotations annotations,
        List<Icon> icons,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates a template; {@code uriTemplate} and {@code name} are required.
     *
     * @param uriTemplate an RFC 6570 URI template that builds resource URIs
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param title a human-readable name for display, null when absent
     * @param description what the template is for, a hint to the model, null when absent
     * @param mimeType MIME type of every matching resource, null when absent
     * @param annotations hints for the client (audience, priority, last modification), null when absent
     * @param icons icons a client may show for it, in several sizes or themes, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public ResourceTemplate {
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        Objects.requireNonNull(name, "name");
        icons = icons == null ? null : List.copyOf(icons);
    }

    /**
     * A builder with the required fields.
     *
     * @param uriTemplate an RFC 6570 URI template that builds resource URIs
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @return a new builder
     */
    public static Builder builder(String uriTemplate, String name) {
        return new Builder(uriTemplate, name);
    }

    /** Builds a {@link ResourceTemplate}. */
    public static final class Builder {
        private final String uriTemplate;
        private final String name;
        private String title;
        private String description;
        private String mimeType;
        private Annotations annotations;
        private List<Icon> icons;
        private JsonNode meta;

        private Builder(String uriTemplate, String name) {
            this.uriTemplate = uriTemplate;
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
         * @param description what the template is for, a hint to the model, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the MIME type.
         *
         * @param mimeType MIME type of every matching resource, or null to leave it out
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
         * Builds the template.
         *
         * @return a new {@code ResourceTemplate} with the values set on this builder
         */
        public ResourceTemplate build() {
            return new ResourceTemplate(uriTemplate, name, title, description, mimeType, annotations, icons, meta);
        }
    }
}
