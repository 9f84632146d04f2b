package dev.jmcp.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Identifies a client or server implementation.
 *
 * @param name programmatic name
 * @param title display name, null when absent
 * @param version version string
 * @param description what the implementation does, null when absent
 * @param icons icons, null when absent
 * @param websiteUrl the implementation's website, null when absent
 */
public record Implementation(
        String name, String title, String version, String description, List<Icon> icons, String websiteUrl) {
    /** Creates an implementation; {@code name} and {@code version} are required. */
    public Implementation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        icons = icons == null ? null : List.copyOf(icons);
    }

    /** An implementation with only a name and a version. */
    public static Implementation of(String name, String version) {
        return new Implementation(name, null, version, null, null, null);
    }

    /** A builder with the required fields. */
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

        /** Sets the display name. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets the icons. */
        public Builder icons(List<Icon> icons) {
            this.icons = icons;
            return this;
        }

        /** Sets the website URL. */
        public Builder websiteUrl(String websiteUrl) {
            this.websiteUrl = websiteUrl;
            return this;
        }

        /** Builds the implementation. */
        public Implementation build() {
            return new Implementation(name, title, version, description, icons, websiteUrl);
        }
    }
}
