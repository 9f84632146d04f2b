package dev.jmcp.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Identifies a client or server implementation.
 *
 * @param name the identifier, for programmatic use (and for display when there is no title)
 * @param title a human-readable name for display, null when absent
 * @param version the implementation's version
 * @param description what the implementation does, null when absent
 * @param icons icons a client may show for it, in several sizes or themes, null when absent
 * @param websiteUrl the URL of the implementation's website, null when absent
 */
public record Implementation(
        String name, String title, String version, String description, List<Icon> icons, String websiteUrl) {
    /**
     * Creates an implementation; {@code name} and {@code version} are required.
     *
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param title a human-readable name for display, null when absent
     * @param version the implementation's version
     * @param description what the implementation does, null when absent
     * @param icons icons a client may show for it, in several sizes or themes, null when absent
     * @param websiteUrl the URL of the implementation's website, null when absent
     */
    public Implementation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        icons = icons == null ? null : List.copyOf(icons);
    }

    /**
     * An implementation with only a name and a version.
     *
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param version the implementation's version
     * @return an implementation with only a name and a version
     */
    public static Implementation of(String name, String version) {
        return new Implementation(name, null, version, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param version the implementation's version
     * @return a new builder
     */
    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    /** Builds an {@link Implementation}. */
    public static final class Builder {
        private final String name;
        private final String version;
        private String title;
        private String description;
        private List<Icon> icons;
        private String websiteUrl;

        private Builder(String name, String version) {
            this.name = name;
            this.version = version;
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
         * @param description what the implementation does, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
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
         * Sets the website URL.
         *
         * @param websiteUrl the URL of the implementation's website, or null to leave it out
         * @return this builder
         */
        public Builder websiteUrl(String websiteUrl) {
            this.websiteUrl = websiteUrl;
            return this;
        }

        /**
         * Builds the implementation.
         *
         * @return a new {@code Implementation} with the values set on this builder
         */
        public Implementation build() {
            return new Implementation(name, title, version, description, icons, websiteUrl);
        }
    }
}
