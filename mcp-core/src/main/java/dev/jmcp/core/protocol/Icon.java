package dev.jmcp.core.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * An icon a client may show (SEP-973, 2025-11-25).
 *
 * @param src an https URL or a {@code data:} URI
 * @param mimeType the MIME type override, null when absent
 * @param sizes sizes such as {@code "48x48"} or {@code "any"}, null when absent
 * @param theme the background the icon is designed for, null when absent (any theme)
 */
public record Icon(String src, String mimeType, List<String> sizes, Theme theme) {
    /**
     * Creates an icon; {@code src} is required.
     *
     * @param src an https URL or a {@code data:} URI
     * @param mimeType the MIME type override, null when absent
     * @param sizes sizes such as {@code "48x48"} or {@code "any"}, null when absent
     * @param theme the background the icon is designed for, null when absent (any theme)
     */
    public Icon {
        Objects.requireNonNull(src, "src");
        sizes = sizes == null ? null : List.copyOf(sizes);
    }

    /**
     * An icon with only a source.
     *
     * @param src an https URL or a {@code data:} URI
     * @return an icon with only a source
     */
    public static Icon of(String src) {
        return new Icon(src, null, null, null);
    }

    /** The background an icon is designed for. */
    public enum Theme {
        /** For light backgrounds. */
        LIGHT("light"),
        /** For dark backgrounds. */
        DARK("dark");

        private final String wire;

        Theme(String wire) {
            this.wire = wire;
        }

        /**
         * The wire name.
         *
         * @return the wire name
         */
        @JsonValue
        public String wire() {
            return wire;
        }

        /**
         * The theme with the given wire name.
         *
         * @param wire the theme as written in JSON: {@code light} or {@code dark}
         * @return the theme with the given wire name
         */
        @JsonCreator
        public static Theme fromWire(String wire) {
            for (Theme t : values()) {
                if (t.wire.equals(wire)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown icon theme: " + wire);
        }
    }

    /**
     * A builder with the required fields.
     *
     * @param src an https URL or a {@code data:} URI
     * @return a new builder
     */
    public static Builder builder(String src) {
        return new Builder(src);
    }

    /** Builds an {@link Icon}. */
    public static final class Builder {
        private final String src;
        private String mimeType;
        private List<String> sizes;
        private Theme theme;

        private Builder(String src) {
            this.src = src;
        }

        /**
         * Sets {@code mimeType}: the MIME type override.
         *
         * @param mimeType the MIME type override, or null to leave it out
         * @return this builder
         */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        /**
         * Sets {@code sizes}: sizes such as {@code "48x48"} or {@code "any"}.
         *
         * @param sizes sizes such as {@code "48x48"} or {@code "any"}, or null to leave it out
         * @return this builder
         */
        public Builder sizes(List<String> sizes) {
            this.sizes = sizes;
            return this;
        }

        /**
         * Sets {@code theme}: the background the icon is designed for.
         *
         * @param theme the background the icon is designed for, null when absent (any theme)
         * @return this builder
         */
        public Builder theme(Theme theme) {
            this.theme = theme;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code Icon} with the values set on this builder
         */
        public Icon build() {
            return new Icon(src, mimeType, sizes, theme);
        }
    }
}
